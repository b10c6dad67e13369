import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexedDbLeaseStore } from '../../../../src/adapters/browser/indexeddb-lease-store.js';
import type { LeaseStore } from '../../../../src/adapters/browser/lease-election.js';
import { tabLeader, type TabLeader } from '../../../../src/adapters/browser/tab-leader.js';
import type { Clock, Timers } from '../../../../src/runtime/index.js';
import { fakeLockManager } from './fake-lock-manager.js';

/** Lets IndexedDB requests and promise chains run. */
async function settle(turns = 5): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** A wall clock shared by all tabs, and per-tab timers that fire only when that tab runs. */
function browserTime() {
  let now = 1_700_000_000_000;
  const clock: Clock = { now: () => now, monotonic: () => now };
  const tabs: { due: number; run: () => void; id: number }[][] = [];
  let nextId = 1;
  return {
    clock,
    advance(ms: number) {
      now += ms;
    },
    timers(): { timers: Timers; fire: () => void } {
      const queue: { due: number; run: () => void; id: number }[] = [];
      tabs.push(queue);
      return {
        timers: {
          set(run, ms) {
            const id = nextId++;
            queue.push({ due: now + ms, run, id });
            return id;
          },
          clear(handle) {
            const at = queue.findIndex((t) => t.id === handle);
            if (at >= 0) queue.splice(at, 1);
          },
        },
        fire() {
          for (const timer of queue.filter((t) => t.due <= now)) {
            queue.splice(queue.indexOf(timer), 1);
            timer.run();
          }
        },
      };
    },
  };
}

function leaders(tabs: readonly TabLeader[]): number {
  return tabs.filter((t) => t.isLeader).length;
}

describe('tabLeader() with Web Locks', () => {
  it('makes exactly one tab the leader and hands the role on when it closes', async () => {
    const locks = fakeLockManager();
    const changes: string[] = [];
    const tabs = ['a', 'b', 'c'].map((id) => {
      const tab = tabLeader({ locks });
      tab.onChange((leading) => changes.push(`${id}:${leading}`));
      return tab;
    });
    await settle();
    expect(tabs.map((t) => t.mechanism)).toEqual(['web_locks', 'web_locks', 'web_locks']);
    expect(tabs.map((t) => t.isLeader)).toEqual([true, false, false]);

    await tabs[0]?.close();
    await settle();
    expect(tabs.map((t) => t.isLeader)).toEqual([false, true, false]);
    expect(changes).toEqual(['a:true', 'a:false', 'b:true']);

    // A waiting tab that leaves is never granted the lock.
    await tabs[2]?.close();
    await tabs[1]?.close();
    await settle();
    expect(leaders(tabs)).toBe(0);
    expect(locks.held()).toEqual([]);
  });

  it('falls back to a lease when the lock request fails', async () => {
    const locks = {
      request: () => Promise.reject(new DOMException('opaque origin', 'SecurityError')),
    } as unknown as LockManager;
    const leases: LeaseStore = { acquire: async () => true, release: async () => undefined };
    const tab = tabLeader({ locks, leases });
    await settle();
    expect(tab.mechanism).toBe('lease');
    expect(tab.isLeader).toBe(true);
    await tab.close();
  });
});

describe('tabLeader() with IndexedDB leases', () => {
  it('makes exactly one tab the leader and hands the role on when it closes', async () => {
    const factory = new IDBFactory();
    const time = browserTime();
    const tabs = [0, 1, 2].map(() => {
      const { timers } = time.timers();
      return tabLeader({
        locks: null,
        leases: indexedDbLeaseStore(factory),
        clock: time.clock,
        timers,
      });
    });
    await settle();
    expect(tabs.map((t) => t.mechanism)).toEqual(['lease', 'lease', 'lease']);
    expect(leaders(tabs)).toBe(1);
    const first = tabs.findIndex((t) => t.isLeader);
    await tabs[first]?.close();
    expect(leaders(tabs)).toBe(0);
  });

  it('lets another tab lead only after a tab that stopped renewing has lost its lease', async () => {
    const factory = new IDBFactory();
    const time = browserTime();
    const frozen = time.timers(); // a background tab whose timers never run
    const a = tabLeader({
      locks: null,
      leases: indexedDbLeaseStore(factory),
      clock: time.clock,
      timers: frozen.timers,
      leaseMs: 9000,
    });
    await settle();
    const awake = time.timers();
    const b = tabLeader({
      locks: null,
      leases: indexedDbLeaseStore(factory),
      clock: time.clock,
      timers: awake.timers,
      leaseMs: 9000,
    });
    await settle();
    expect([a.isLeader, b.isLeader]).toEqual([true, false]);
    for (let ms = 0; ms < 15_000; ms += 1000) {
      time.advance(1000);
      awake.fire();
      await settle();
      expect(leaders([a, b])).toBeLessThanOrEqual(1);
    }
    expect([a.isLeader, b.isLeader]).toEqual([false, true]);
  });

  it('never has two leaders, however late each tab renews (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            advance: fc.integer({ min: 0, max: 6000 }),
            awake: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
          }),
          { minLength: 1, maxLength: 25 },
        ),
        async (steps) => {
          const factory = new IDBFactory();
          const time = browserTime();
          const tabs = [0, 1, 2].map(() => {
            const own = time.timers();
            const tab = tabLeader({
              locks: null,
              leases: indexedDbLeaseStore(factory),
              clock: time.clock,
              timers: own.timers,
              leaseMs: 3000,
            });
            return { tab, fire: own.fire };
          });
          await settle(3);
          for (const step of steps) {
            time.advance(step.advance);
            expect(leaders(tabs.map((t) => t.tab))).toBeLessThanOrEqual(1);
            tabs.forEach((t, i) => step.awake[i] && t.fire());
            for (let turn = 0; turn < 3; turn++) {
              await settle(1);
              expect(leaders(tabs.map((t) => t.tab))).toBeLessThanOrEqual(1);
            }
          }
          await Promise.all(tabs.map((t) => t.tab.close()));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('acts as leader after repeated lease failures rather than stall the buffer', async () => {
    const time = browserTime();
    const own = time.timers();
    const broken: LeaseStore = {
      acquire: () => Promise.reject(new DOMException('closing', 'InvalidStateError')),
      release: async () => undefined,
    };
    const tab = tabLeader({
      locks: null,
      leases: broken,
      clock: time.clock,
      timers: own.timers,
      leaseMs: 3000,
    });
    for (let round = 0; round < 2; round++) {
      await settle();
      expect(tab.isLeader).toBe(false);
      time.advance(1000);
      own.fire();
    }
    await settle();
    expect(tab.isLeader).toBe(true);
    await tab.close();
    expect(tab.isLeader).toBe(false);
  });
});

describe('tabLeader() without Web Locks or IndexedDB', () => {
  it('leads alone, since its buffer is its own', async () => {
    const changes: boolean[] = [];
    const tab = tabLeader({ locks: null, leases: null });
    tab.onChange((leading) => changes.push(leading));
    await settle(1);
    expect(tab.mechanism).toBe('solo');
    expect(tab.isLeader).toBe(true);
    await tab.close();
    expect(tab.isLeader).toBe(false);
    expect(changes).toEqual([true, false]);
  });

  it('refuses a lease shorter than 100 ms', () => {
    expect(() => tabLeader({ leaseMs: 10 })).toThrow(
      expect.objectContaining({ name: 'FaultError' }),
    );
  });
});

describe('indexedDbLeaseStore()', () => {
  it('grants a free or expired lease, renews its holder, and refuses others', async () => {
    const leases = indexedDbLeaseStore(new IDBFactory());
    expect(await leases.acquire('send', 'a', 1000, 500)).toBe(true);
    expect(await leases.acquire('send', 'b', 1499, 500)).toBe(false);
    expect(await leases.acquire('send', 'a', 1400, 500)).toBe(true);
    expect(await leases.acquire('send', 'b', 1899, 500)).toBe(false);
    expect(await leases.acquire('send', 'b', 1900, 500)).toBe(true);
    await leases.release('send', 'a');
    expect(await leases.acquire('send', 'a', 2000, 500)).toBe(false);
    await leases.release('send', 'b');
    expect(await leases.acquire('send', 'a', 2000, 500)).toBe(true);
    expect(await leases.acquire('other', 'b', 2000, 500)).toBe(true);
  });
});
