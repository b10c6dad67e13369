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
 * costs O(1) however large the window. The ring is made on the first outcome: an idle breaker
 * holds no window.
 */
export class CountWindowTrigger implements TriggerState {
  readonly #size: number;
  readonly #rates: ResolvedRates;
  #ring: Uint8Array | undefined;
  #next = 0;
  #calls = 0;
  #failures = 0;
  #slowCalls = 0;

  constructor(size: number, rates: ResolvedRates) {
    this.#size = size;
    this.#rates = rates;
  }

  record(failed: boolean, durationMs: number): boolean {
    const ring = (this.#ring ??= new Uint8Array(this.#size));
    const bits = (failed ? FAILED : 0) | (durationMs >= this.#rates.slowCallMs ? SLOW : 0);
    if (this.#calls === this.#size) {
      const old = ring[this.#next] as number;
      this.#failures -= old & FAILED;
      this.#slowCalls -= (old & SLOW) >> 1;
    } else {
      this.#calls++;
    }
    ring[this.#next] = bits;
    this.#next = this.#next + 1 === this.#size ? 0 : this.#next + 1;
    this.#failures += bits & FAILED;
    this.#slowCalls += (bits & SLOW) >> 1;
    return exceedsRates(this.#calls, this.#failures, this.#slowCalls, this.#rates);
  }

  reset(): void {
    this.#ring = undefined;
    this.#next = this.#calls = this.#failures = this.#slowCalls = 0;
  }

  counts(): WindowCounts {
    return { calls: this.#calls, failures: this.#failures, slowCalls: this.#slowCalls };
  }
}
