/**
 * Electing one sending tab with an expiring lease, where Web Locks are missing (insecure
 * contexts, older browsers). A tab leads while `now < expiresAt` of the lease it last wrote,
 * judged on its own clock, and another tab may take the lease only once that time has passed:
 * so two tabs never lead at once, even when a throttled background tab renews late (it simply
 * stops leading until it renews).
 *
 * @module
 */
import type { Clock } from '../../runtime/clock.js';
import type { TimerHandle, Timers } from '../../runtime/timers.js';

/** Where leases live; its operations must be atomic across tabs (one IndexedDB transaction). */
export interface LeaseStore {
  /**
   * Writes the lease `name` for `holder` until `now + ttlMs` if it is free, expired at `now`, or
   * already `holder`'s; resolves with whether `holder` now holds it.
   */
  acquire(name: string, holder: string, now: number, ttlMs: number): Promise<boolean>;
  /** Deletes the lease `name` if `holder` holds it. */
  release(name: string, holder: string): Promise<void>;
}

/** Settings of one tab's candidacy. */
export interface LeaseElectionOptions {
  /** The lease's name: tabs with the same name compete. */
  readonly name: string;
  /** This tab's id. */
  readonly holder: string;
  /** How long a lease lasts, in ms; renewed (and retried by other tabs) every third of it. */
  readonly leaseMs: number;
  readonly clock: Clock;
  readonly timers: Timers;
}

/** A running candidacy. */
export interface Election {
  /** True while this tab holds an unexpired lease. */
  isLeader(): boolean;
  /** Stops competing and gives the lease up; resolves once released. */
  stop(): Promise<void>;
}

/**
 * After this many failed lease writes in a row, a tab acts as leader anyway: a stalled buffer
 * is worse than a duplicate send, which idempotent ingest absorbs (SPEC §4).
 */
const FAILURES_BEFORE_SOLO = 3;

/**
 * Competes for the lease `options.name` in `store` until stopped, calling `notify` whenever
 * this tab starts or stops leading.
 *
 * @example
 * const election = leaseElection(store, { name: 'faultline:sender', holder: createId(),
 *   leaseMs: 10_000, clock: systemClock, timers: systemTimers }, (leading) => render(leading));
 */
export function leaseElection(
  store: LeaseStore,
  options: LeaseElectionOptions,
  notify: (leader: boolean) => void,
): Election {
  const { name, holder, leaseMs, clock, timers } = options;
  let expiresAt = 0;
  let failures = 0;
  let stopped = false;
  let reported = false;
  let timer: TimerHandle | undefined;

  const isLeader = (): boolean => !stopped && clock.now() < expiresAt;

  function report(): void {
    const leader = isLeader();
    if (leader === reported) return;
    reported = leader;
    notify(leader);
  }

  async function round(): Promise<void> {
    timer = undefined;
    const start = clock.now();
    try {
      const held = await store.acquire(name, holder, start, leaseMs);
      failures = 0;
      expiresAt = held ? start + leaseMs : 0;
    } catch {
      failures++;
      expiresAt = failures >= FAILURES_BEFORE_SOLO ? Number.POSITIVE_INFINITY : 0;
    }
    if (stopped) return;
    report();
    timer = timers.set(() => void round(), leaseMs / 3);
    timers.keepAlive?.(timer, false);
  }

  void round();
  return {
    isLeader,
    async stop() {
      if (stopped) return;
      const held = isLeader() && Number.isFinite(expiresAt);
      stopped = true;
      if (timer !== undefined) timers.clear(timer);
      report();
      if (held) await store.release(name, holder).catch(() => undefined);
    },
  };
}
