/**
 * Typed subscribe functions (STYLE §2 item 14): `onStateChange(listener) → unsubscribe`, not
 * string-keyed emitters. Emitting with no listeners costs one length check.
 *
 * @module
 */

/** Adds a listener; returns a function that removes it. */
export type Subscribe<T> = (listener: (event: T) => void) => () => void;

/** One event source. */
export interface EventSource<T> {
  /** Calls every listener with `event`; a listener that throws does not stop the others. */
  emit(event: T): void;
  /** Adds a listener. */
  readonly subscribe: Subscribe<T>;
  /** True while at least one listener is subscribed (skip building events nobody reads). */
  readonly active: boolean;
}

/** Makes an event source. */
export function createEvent<T>(): EventSource<T> {
  let listeners: readonly ((event: T) => void)[] = [];
  return {
    emit(event) {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch {
          // A listener's bug must not break the call that emitted the event.
        }
      }
    },
    subscribe(listener) {
      listeners = [...listeners, listener];
      return () => {
        listeners = listeners.filter((l) => l !== listener);
      };
    },
    get active() {
      return listeners.length > 0;
    },
  };
}
