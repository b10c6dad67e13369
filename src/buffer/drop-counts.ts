/**
 * Counts of dropped events by reason, as a batch reports them in `dropped` (SPEC §5). Values
 * are immutable plain objects with no zero entries, so they compare with deep equality and go
 * on the wire as they are.
 *
 * @module
 */
import type { DropReason } from './drop-reasons.js';

/**
 * How many errors were dropped for each reason; reasons with none are absent. An event that
 * folds repeats counts its `occurrences` (see {@link weightOf}), as an issue's count does.
 */
export type DropCounts = { readonly [R in DropReason]?: number };

function entries(counts: DropCounts): [DropReason, number][] {
  return Object.entries(counts) as [DropReason, number][];
}

/**
 * How many errors `event` stands for: its `occurrences` (a whole number ≥ 1), else 1.
 *
 * @example
 * weightOf({ occurrences: 5 }); // 5
 */
export function weightOf(event: { readonly occurrences?: unknown } | null | undefined): number {
  const n = event?.occurrences;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 1 ? n : 1;
}

/**
 * The sum of two counts, reason by reason.
 *
 * @example
 * addDrops({ sampled: 2 }, { sampled: 1, invalid: 1 }); // { sampled: 3, invalid: 1 }
 */
export function addDrops(a: DropCounts, b: DropCounts): DropCounts {
  const sum: Partial<Record<DropReason, number>> = { ...a };
  for (const [reason, count] of entries(b)) {
    const total = (sum[reason] ?? 0) + count;
    if (total > 0) sum[reason] = total;
  }
  return sum;
}

/**
 * `a` minus `b`, reason by reason, never below zero: what is left to report once `b` has been
 * acknowledged.
 *
 * @example
 * subtractDrops({ sampled: 3, invalid: 1 }, { sampled: 3 }); // { invalid: 1 }
 */
export function subtractDrops(a: DropCounts, b: DropCounts): DropCounts {
  const rest: Partial<Record<DropReason, number>> = {};
  for (const [reason, count] of entries(a)) {
    const left = count - (b[reason] ?? 0);
    if (left > 0) rest[reason] = left;
  }
  return rest;
}

/**
 * How many drops `counts` holds over all reasons.
 *
 * @example
 * totalDrops({ sampled: 3, invalid: 1 }); // 4
 */
export function totalDrops(counts: DropCounts): number {
  let total = 0;
  for (const [, count] of entries(counts)) total += count;
  return total;
}
