import type { TriggerState, WindowCounts } from './trigger.js';

/** Opens after `threshold` failures in a row. */
export function consecutiveTrigger(threshold: number): TriggerState {
  let failures = 0;
  let calls = 0;
  return {
    record(failed) {
      calls++;
      failures = failed ? failures + 1 : 0;
      return failures >= threshold;
    },
    reset() {
      failures = 0;
      calls = 0;
    },
    counts(): WindowCounts {
      return { calls, failures, slowCalls: 0 };
    },
  };
}
