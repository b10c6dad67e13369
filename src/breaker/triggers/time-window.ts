import {
  exceedsRates,
  type ResolvedRates,
  type TriggerState,
  type WindowCounts,
} from './trigger.js';

const BUCKETS = 10;
// One array of BUCKETS × [calls, failures, slow calls].
const CALLS = 0;
const FAILURES = 1;
const SLOW = 2;

/**
 * Judges the calls of the last `windowMs` ms, kept in 10 buckets of `windowMs / 10` each, so
 * an outcome costs O(1) and memory is fixed; the window slides one bucket at a time. The
 * buckets are made on the first outcome: an idle breaker holds no window.
 */
export class TimeWindowTrigger implements TriggerState {
  readonly #width: number;
  readonly #rates: ResolvedRates;
  #buckets: Float64Array | undefined;
  #calls = 0;
  #failures = 0;
  #slowCalls = 0;
  #newest = -1; // absolute index (time / width) of the newest bucket

  constructor(windowMs: number, rates: ResolvedRates) {
    this.#width = windowMs / BUCKETS;
    this.#rates = rates;
  }

  /** Slides the window to `now`; returns the offset of the current bucket. */
  #advance(now: number, buckets: Float64Array): number {
    const target = Math.floor(now / this.#width);
    if (target > this.#newest) {
      for (let i = Math.max(this.#newest + 1, target - BUCKETS + 1); i <= target; i++) {
        const at = (i % BUCKETS) * 3;
        this.#calls -= buckets[at + CALLS] as number;
        this.#failures -= buckets[at + FAILURES] as number;
        this.#slowCalls -= buckets[at + SLOW] as number;
        buckets.fill(0, at, at + 3);
      }
      this.#newest = target;
    }
    return (this.#newest % BUCKETS) * 3;
  }

  record(failed: boolean, durationMs: number, now: number): boolean {
    const buckets = (this.#buckets ??= new Float64Array(BUCKETS * 3));
    const at = this.#advance(now, buckets);
    const failure = failed ? 1 : 0;
    const slow = durationMs >= this.#rates.slowCallMs ? 1 : 0;
    buckets[at + CALLS] = (buckets[at + CALLS] as number) + 1;
    buckets[at + FAILURES] = (buckets[at + FAILURES] as number) + failure;
    buckets[at + SLOW] = (buckets[at + SLOW] as number) + slow;
    this.#calls++;
    this.#failures += failure;
    this.#slowCalls += slow;
    return exceedsRates(this.#calls, this.#failures, this.#slowCalls, this.#rates);
  }

  reset(): void {
    this.#buckets = undefined;
    this.#calls = this.#failures = this.#slowCalls = 0;
    this.#newest = -1;
  }

  counts(now?: number): WindowCounts {
    if (now !== undefined && this.#buckets !== undefined) this.#advance(now, this.#buckets);
    return { calls: this.#calls, failures: this.#failures, slowCalls: this.#slowCalls };
  }
}
