import {
  exceedsRates,
  type ResolvedRates,
  type TriggerState,
  type WindowCounts,
} from './trigger.js';

const FAILED = 1;
const SLOW = 2;

/**
 * Judges the last `size` calls: a ring of outcome bits with running totals, so each outcome
 * costs O(1) however large the window.
 */
export function countWindowTrigger(size: number, rates: ResolvedRates): TriggerState {
  const ring = new Uint8Array(size);
  let next = 0;
  let calls = 0;
  let failures = 0;
  let slowCalls = 0;
  const counts = (): WindowCounts => ({ calls, failures, slowCalls });
  return {
    record(failed, durationMs) {
      const bits = (failed ? FAILED : 0) | (durationMs >= rates.slowCallMs ? SLOW : 0);
      if (calls === size) {
        const old = ring[next] as number;
        failures -= old & FAILED;
        slowCalls -= (old & SLOW) >> 1;
      } else {
        calls++;
      }
      ring[next] = bits;
      next = next + 1 === size ? 0 : next + 1;
      failures += bits & FAILED;
      slowCalls += (bits & SLOW) >> 1;
      return calls >= rates.minimumCalls && exceedsRates(counts(), rates);
    },
    reset() {
      ring.fill(0);
      next = calls = failures = slowCalls = 0;
    },
    counts,
  };
}
