import type { TriggerState, WindowCounts } from './trigger.js';

/** Opens after `threshold` failures in a row. A class: idle breakers are many, fields are cheap. */
export class ConsecutiveTrigger implements TriggerState {
  readonly #threshold: number;
  #failures = 0;
  #calls = 0;

  constructor(threshold: number) {
    this.#threshold = threshold;
  }

  record(failed: boolean): boolean {
    this.#calls++;
    this.#failures = failed ? this.#failures + 1 : 0;
    return this.#failures >= this.#threshold;
  }

  reset(): void {
    this.#failures = 0;
    this.#calls = 0;
  }

  counts(): WindowCounts {
    return { calls: this.#calls, failures: this.#failures, slowCalls: 0 };
  }
}
