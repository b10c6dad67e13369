/**
 * Reads `object[key]` without letting a throwing getter or a hostile Proxy escape: what a
 * program throws can be anything, and reporting it must not throw again.
 *
 * @example
 * readSafely(thrown, 'message'); // undefined when the getter throws
 */
export function readSafely(object: unknown, key: PropertyKey): unknown {
  if ((typeof object !== 'object' && typeof object !== 'function') || object === null) {
    return undefined;
  }
  try {
    return (object as Record<PropertyKey, unknown>)[key];
  } catch {
    return undefined;
  }
}

/** {@link readSafely}, kept only when it is a string. */
export function readString(object: unknown, key: PropertyKey): string | undefined {
  const value = readSafely(object, key);
  return typeof value === 'string' ? value : undefined;
}
