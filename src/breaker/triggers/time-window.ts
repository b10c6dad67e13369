import {
  exceedsRates,
  type ResolvedRates,
  type TriggerState,
  type WindowCounts,
} from './trigger.js';

const BUCKETS = 10;

/**
 * Judges the calls of the last `windowMs` ms, kept in 10 buckets of `windowMs / 10` each, so
 * an outcome costs O(1) and memory is fixed; the window slides one bucket at a time.
 */
export function timeWindowTrigger(windowMs: number, rates: ResolvedRates): TriggerState {
  const width = windowMs / BUCKETS;
  const calls = new Float64Array(BUCKETS);
  const failures = new Float64Array(BUCKETS);
  const slow = new Float64Array(BUCKETS);
  let totalCalls = 0;
  let totalFailures = 0;
  let totalSlow = 0;
  let newest = -1; // absolute index (time / width) of the newest bucket

  function advance(now: number): number {
    const target = Math.floor(now / width);
    if (target > newest) {
      for (let i = Math.max(newest + 1, target - BUCKETS + 1); i <= target; i++) {
        const slot = i % BUCKETS;
        totalCalls -= calls[slot] as number;
        totalFailures -= failures[slot] as number;
        totalSlow -= slow[slot] as number;
        calls[slot] = failures[slot] = slow[slot] = 0;
      }
      newest = target;
    }
    return newest % BUCKETS;
  }
  const counts = (): WindowCounts => ({
    calls: totalCalls,
    failures: totalFailures,
    slowCalls: totalSlow,
  });

  return {
    record(failed, durationMs, now) {
      const slot = advance(now);
      const isFailure = failed ? 1 : 0;
      const isSlow = durationMs >= rates.slowCallMs ? 1 : 0;
      calls[slot] = (calls[slot] as number) + 1;
      failures[slot] = (failures[slot] as number) + isFailure;
      slow[slot] = (slow[slot] as number) + isSlow;
      totalCalls++;
      totalFailures += isFailure;
      totalSlow += isSlow;
      return totalCalls >= rates.minimumCalls && exceedsRates(counts(), rates);
    },
    reset() {
      calls.fill(0);
      failures.fill(0);
      slow.fill(0);
      totalCalls = totalFailures = totalSlow = 0;
    },
    counts(now) {
      advance(now);
      return counts();
    },
  };
}
