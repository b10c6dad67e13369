/**
 * Dedupe and the per-fingerprint rate cap (SPEC §4), which never drop: the first event of a
 * fingerprint in a window goes to the buffer at once (an alert is never delayed); repeats inside
 * the window fold into a count, handed out as one event carrying `occurrences` whenever the
 * client flushes. At most `maxPerWindow` events per fingerprint leave in a window; later repeats
 * keep counting and leave when the window ends. The collector sums `occurrences`, so an issue's
 * count stays exact: a burst of 1000 identical errors is two events, A and A × 999; alternating
 * A, B, A, B… is four.
 *
 * @module
 */
import type { Clock } from '../runtime/clock.js';
import type { WireEvent } from '../wire/event-schema.js';

interface Window {
  /** When the window opened (the first event left), in ms of the monotonic clock. */
  readonly start: number;
  /** Events of this fingerprint that left in this window. */
  sent: number;
  /** Repeats counted and not handed out yet. */
  pending: number;
  /** The latest repeat: what the folded event looks like. */
  last: WireEvent | undefined;
}

/** Most fingerprints tracked; the oldest window goes (its repeats handed out) beyond this. */
const MAX_FINGERPRINTS = 500;

/**
 * Folds repeats of a fingerprint inside a window into one event with `occurrences`.
 *
 * @example
 * const dedupe = new Dedupe(60_000, 10, systemClock);
 * dedupe.offer(a, 'f00d'); // true: buffer it now
 * dedupe.offer(again, 'f00d'); // false: counted
 * dedupe.take(); // [{ ...again, occurrences: 1 }]
 */
export class Dedupe {
  readonly #windows = new Map<string, Window>();
  readonly #windowMs: number;
  readonly #maxPerWindow: number;
  readonly #clock: Clock;
  readonly #evicted: WireEvent[] = [];

  /**
   * @param windowMs - how long repeats fold after a fingerprint's first event; 0 turns dedupe off.
   * @param maxPerWindow - most events per fingerprint per window (the rate cap), first included.
   */
  constructor(windowMs: number, maxPerWindow: number, clock: Clock) {
    this.#windowMs = windowMs;
    this.#maxPerWindow = Math.max(1, maxPerWindow);
    this.#clock = clock;
  }

  /** Repeats counted and not handed out yet, over every fingerprint. */
  get pending(): number {
    let total = this.#evicted.length;
    for (const window of this.#windows.values()) total += window.pending;
    return total;
  }

  /**
   * Offers a fresh event with its fingerprint `key`. Returns `true` when it should be buffered
   * now, `false` when it was folded into its fingerprint's count (hand the count out later
   * with {@link take}).
   */
  offer(event: WireEvent, key: string): boolean {
    if (this.#windowMs <= 0) return true;
    const now = this.#clock.monotonic();
    const window = this.#windows.get(key);
    if (window !== undefined && now - window.start < this.#windowMs) {
      window.pending += event.occurrences ?? 1;
      window.last = event;
      return false;
    }
    if (window !== undefined) {
      this.#windows.delete(key);
      this.#handOut(window, this.#evicted);
    }
    this.#windows.set(key, { start: now, sent: 1, pending: 0, last: undefined });
    if (this.#windows.size > MAX_FINGERPRINTS) this.#evictOldest();
    return true;
  }

  /**
   * Milliseconds until the earliest window holding repeats ends (when {@link take} will hand
   * them out whatever the cap), or `undefined` when none holds any.
   */
  nextEndMs(): number | undefined {
    const now = this.#clock.monotonic();
    let next: number | undefined;
    for (const window of this.#windows.values()) {
      if (window.pending === 0) continue;
      const left = Math.max(0, window.start + this.#windowMs - now);
      next = next === undefined ? left : Math.min(next, left);
    }
    return next;
  }

  /**
   * Hands out the folded repeats that may leave now, each as its latest event with
   * `occurrences` set to the count: those under the rate cap, those whose window has ended,
   * and all of them when `force` is set (flush, page hide, close). Forgets ended windows.
   */
  take(force = false): WireEvent[] {
    const out = this.#evicted.splice(0);
    const now = this.#clock.monotonic();
    for (const [key, window] of this.#windows) {
      const ended = now - window.start >= this.#windowMs;
      if (window.pending > 0 && (force || ended || window.sent < this.#maxPerWindow)) {
        this.#handOut(window, out);
      }
      if (ended && window.pending === 0) this.#windows.delete(key);
    }
    return out;
  }

  #handOut(window: Window, into: WireEvent[]): void {
    if (window.pending === 0 || window.last === undefined) return;
    into.push({ ...window.last, occurrences: window.pending });
    window.sent++;
    window.pending = 0;
    window.last = undefined;
  }

  #evictOldest(): void {
    const [key, window] = this.#windows.entries().next().value as [string, Window];
    this.#windows.delete(key);
    this.#handOut(window, this.#evicted);
  }
}
