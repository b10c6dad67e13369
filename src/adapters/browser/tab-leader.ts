/**
 * One sending tab per origin (SPEC §4: "multiple tabs coordinate so that one sends at a time").
 * Every tab buffers into the shared IndexedDB buffer; only the leader takes batches and sends
 * them, so no event is sent by two tabs at once. Web Locks elect the leader where they exist:
 * the browser grants the lock to one tab and hands it to the next when that tab closes or
 * crashes. Where they are missing (insecure contexts), an expiring lease in IndexedDB does the
 * job; where IndexedDB is missing too, buffers are per tab and every tab leads itself. Tabs that
 * do not lead announce the events they buffer over a `BroadcastChannel`, so the leader sends
 * them without waiting for activity of its own.
 *
 * @module
 */
import { systemClock, type Clock } from '../../runtime/clock.js';
import { createId } from '../../runtime/random-id.js';
import { systemTimers, type Timers } from '../../runtime/timers.js';
import { checkOptions } from '../../policy/option-checks.js';
import { indexedDbLeaseStore } from './indexeddb-lease-store.js';
import { leaseElection, type Election, type LeaseStore } from './lease-election.js';
import { getIndexedDB, getLockManager } from './storage-globals.js';
import { tabSignal } from './tab-signal.js';

/** How tabs are coordinated: Web Locks, an IndexedDB lease, or not at all (`solo`). */
export type LeaderMechanism = 'web_locks' | 'lease' | 'solo';

/** This tab's view of the election. */
export interface TabLeader {
  /** True while this tab is the one that sends. */
  readonly isLeader: boolean;
  /** How the election runs now (Web Locks that fail at run time turn into `lease`). */
  readonly mechanism: LeaderMechanism;
  /** Calls `listener` with the new role whenever it changes; returns the unsubscribe function. */
  onChange(listener: (isLeader: boolean) => void): () => void;
  /** Leaves the election, giving the role to another tab; resolves once released. */
  close(): Promise<void>;
  /** Tells the leader that this tab buffered events (`urgent`: a flush waits for them). */
  announce(urgent: boolean): void;
  /** Calls `listener` when another tab announced events; returns the unsubscribe function. */
  onAnnounce(listener: (urgent: boolean) => void): () => void;
}

/** Options of {@link tabLeader}. */
export interface TabLeaderOptions {
  /** Tabs with the same name elect one leader; use one per buffer. Default `faultline:sender`. */
  readonly name?: string;
  /** Web Locks. Default: `navigator.locks` where present. `null` skips them. */
  readonly locks?: LockManager | null;
  /**
   * Where leases live when Web Locks are missing. Default: an IndexedDB lease store where
   * IndexedDB is reachable. `null` (or no IndexedDB) makes this tab lead alone (`solo`).
   */
  readonly leases?: LeaseStore | null;
  /** Lease length in ms (lease mode only); renewed every third. Default 10 000. */
  readonly leaseMs?: number;
  /** Clock for lease expiry. Default: the system clock. */
  readonly clock?: Clock;
  /** Timers for lease renewal. Default: the real ones. */
  readonly timers?: Timers;
  /** This tab's id in leases. Default: a random UUID. */
  readonly holderId?: string;
}

/** Holds the Web Lock `name` from the moment it is granted until `stop`. */
function lockElection(
  locks: LockManager,
  name: string,
  notify: (leader: boolean) => void,
  failed: (error: unknown) => void,
): Election {
  let leader = false;
  let stopped = false;
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  const controller = new AbortController();
  const request = Promise.resolve()
    .then(() =>
      locks.request(name, { signal: controller.signal }, async () => {
        if (stopped) return;
        leader = true;
        notify(true);
        await held;
        leader = false;
        notify(false);
      }),
    )
    .catch((error: unknown) => {
      if (!stopped) failed(error);
    });
  return {
    isLeader: () => leader,
    async stop() {
      stopped = true;
      controller.abort();
      release();
      await request;
    },
  };
}

/**
 * Joins the election of the sending tab. The transport of a tab sends only while `isLeader`,
 * except when its buffer fell back to memory (then its events are its own and it must send
 * them itself).
 *
 * @throws FaultError 1201/1203 when an option is invalid.
 * @example
 * const leader = tabLeader({ name: 'faultline-demo:sender' });
 * leader.onChange((leading) => (leading ? transport.start() : transport.stop()));
 * addEventListener('pagehide', () => void leader.close());
 */
export function tabLeader(options: TabLeaderOptions = {}): TabLeader {
  checkOptions('tab leader options')
    .that('name', options.name, options.name === undefined || options.name !== '', 'a name')
    .number('leaseMs', options.leaseMs, { min: 100, integer: true })
    .done();
  const name = options.name ?? 'faultline:sender';
  const listeners = new Set<(isLeader: boolean) => void>();
  let mechanism: LeaderMechanism;
  let closed = false;
  let current: Election;

  const notify = (leader: boolean): void => {
    if (closed && leader) return;
    for (const listener of listeners) {
      try {
        listener(leader);
      } catch {
        // A listener's failure is its own; the election goes on.
      }
    }
  };

  function byLease(): Election {
    const factory = options.leases === undefined ? getIndexedDB() : undefined;
    const store =
      options.leases ?? (factory === undefined ? undefined : indexedDbLeaseStore(factory));
    if (store === undefined) {
      mechanism = 'solo';
      queueMicrotask(() => notify(!closed));
      return { isLeader: () => !closed, stop: async () => undefined };
    }
    mechanism = 'lease';
    const settings = {
      name,
      holder: options.holderId ?? createId(),
      leaseMs: options.leaseMs ?? 10_000,
      clock: options.clock ?? systemClock,
      timers: options.timers ?? systemTimers,
    };
    return leaseElection(store, settings, notify);
  }

  const locks = options.locks === undefined ? getLockManager() : (options.locks ?? undefined);
  if (locks === undefined) {
    current = byLease();
  } else {
    mechanism = 'web_locks';
    current = lockElection(locks, name, notify, () => {
      if (!closed) current = byLease();
    });
  }

  const signal = tabSignal(`${name}:pending`);

  return {
    get isLeader() {
      return !closed && current.isLeader();
    },
    get mechanism() {
      return mechanism;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    announce(urgent) {
      if (!closed) signal?.post(urgent);
    },
    onAnnounce(listener) {
      return signal?.subscribe(listener) ?? (() => undefined);
    },
    async close() {
      if (closed) return;
      const wasLeader = current.isLeader();
      closed = true;
      signal?.close();
      await current.stop();
      if (wasLeader && mechanism === 'solo') notify(false);
    },
  };
}
