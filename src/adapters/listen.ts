/**
 * Installing event listeners the way every runtime entry does: several at once, with one
 * function that takes them all off again, and nothing where there are no events to listen to
 * (Workers, SSR, a target without `addEventListener`).
 *
 * @module
 */

/**
 * Adds each of `listeners` (event type → listener) to `target`; returns the function that
 * removes them. Does nothing, and returns a no-op, when `target` cannot take listeners.
 *
 * @example
 * const stop = listen(globalThis, { online: flush, pagehide: beacon });
 * stop(); // both removed
 */
export function listen(
  target: Partial<EventTarget> | undefined,
  listeners: Readonly<Record<string, (event: Event) => void>>,
  capture = false,
): () => void {
  if (typeof target?.addEventListener !== 'function') return () => undefined;
  const entries = Object.entries(listeners);
  for (const [type, listener] of entries) target.addEventListener(type, listener, capture);
  return () => {
    for (const [type, listener] of entries) target.removeEventListener?.(type, listener, capture);
  };
}
