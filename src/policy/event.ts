/**
 * Typed subscribe functions (STYLE §2 item 14): `onStateChange(listener) → unsubscribe`, not
 * string-keyed emitters. Emitting with no listeners costs one length check.
 *
 * @module
 */

/** Adds a listener; returns a function that removes it. */
export type Subscribe<T> = (listener: (event: T) => void) => () => void;

/**
 * The listeners of one event. A class (STYLE §2 item 13 allows one where cost demands it):
 * policies hold several, and prototype methods keep an idle one to a few bytes.
 */
export class Listeners<T> {
  #listeners: readonly ((event: T) => void)[] = [];

  /** True while at least one listener is subscribed (skip building events nobody reads). */
  get active(): boolean {
    return this.#listeners.length > 0;
  }

  /** Calls every listener with `event`; a listener that throws does not stop the others. */
  emit(event: T): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch {
        // A listener's bug must not break the call that emitted the event.
      }
    }
  }

  /** Adds a listener; returns a function that removes it. */
  subscribe(listener: (event: T) => void): () => void {
    this.#listeners = [...this.#listeners, listener];
    return () => {
      this.#listeners = this.#listeners.filter((l) => l !== listener);
    };
  }
}
