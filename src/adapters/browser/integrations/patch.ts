/**
 * Replacing a method with a wrapper, and putting the original back.
 *
 * @module
 */

/**
 * Sets `owner[name]` (which the caller checked is there) to `wrap(original)` and returns the function that restores the original.
 * Restoring leaves the property alone when someone replaced the wrapper since (their wrapper
 * calls ours, so taking ours out would take theirs out too); the integration's sink is switched
 * off instead, so the wrapper left in their chain only passes calls through.
 *
 * @example
 * const restore = patch(console, 'warn', (original) => function warn(...args) {
 *   record(args);
 *   return original.apply(this, args);
 * });
 */
export function patch<T extends object, K extends keyof T>(
  owner: T,
  name: K,
  wrap: (original: NonNullable<T[K]>) => T[K],
): () => void {
  const original = owner[name];
  const wrapper = wrap(original as NonNullable<T[K]>);
  owner[name] = wrapper;
  return () => {
    if (owner[name] === wrapper) owner[name] = original;
  };
}
