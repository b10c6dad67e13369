import type { BreakerSnapshot } from './state.js';

/**
 * Where a breaker's state lives (SPEC §3, §5). The engine reads it synchronously (a remote
 * store answers from its local mirror) and proposes transitions, which the store accepts only
 * on top of the revision they replace, so two processes cannot both win the half-open probe.
 */
export interface BreakerStore {
  /** The current snapshot for `key`, or `undefined` when it has none. */
  get(key: string): BreakerSnapshot | undefined;
  /**
   * Stores `next` if the stored revision is `next.revision - 1` (or nothing is stored and
   * `next.revision` is 1); returns whether it did.
   */
  transition(key: string, next: BreakerSnapshot): boolean;
  /** Calls `listener` with every snapshot stored for `key`; returns an unsubscribe function. */
  subscribe(key: string, listener: (snapshot: BreakerSnapshot) => void): () => void;
}

/**
 * A store in this realm's memory. Breakers given the same store and name share one state, so
 * every `resilientFetch` of an app sees an origin's breaker open at once.
 *
 * @example
 * const store = memoryBreakerStore();
 * const a = circuitBreaker({ name: 'payments', store });
 * const b = circuitBreaker({ name: 'payments', store }); // opens when `a` does
 */
export function memoryBreakerStore(): BreakerStore {
  const snapshots = new Map<string, BreakerSnapshot>();
  const listeners = new Map<string, Set<(snapshot: BreakerSnapshot) => void>>();
  return {
    get: (key) => snapshots.get(key),
    transition(key, next) {
      const current = snapshots.get(key)?.revision ?? next.revision - 1;
      if (current !== next.revision - 1) return false;
      snapshots.set(key, next);
      for (const listener of listeners.get(key) ?? []) {
        try {
          listener(next);
        } catch {
          // A listener's failure is its own: the other breakers still hear of the change.
        }
      }
      return true;
    },
    subscribe(key, listener) {
      let set = listeners.get(key);
      if (set === undefined) listeners.set(key, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(key);
      };
    },
  };
}
