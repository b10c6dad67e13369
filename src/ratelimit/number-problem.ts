import type { ConfigProblem } from '../config/config-problem.js';

/**
 * Why `value` at `path` is not a whole number from 1 to `max`, or `undefined` when it is.
 * Checked by hand rather than with zod: nothing the resilience policies import may pull zod in.
 */
export function wholeNumberProblem(
  value: unknown,
  path: string,
  max = Number.MAX_SAFE_INTEGER,
): ConfigProblem | undefined {
  const expected = `a whole number from 1 to ${max}`;
  if (value === undefined) return { kind: 'missing', path, received: value, expected };
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    return { kind: 'value', path, received: value, expected };
  }
  return value > max ? { kind: 'range', path, received: value, expected } : undefined;
}

/** Why `value` at `path` is not a finite number above 0, or `undefined` when it is. */
export function positiveNumberProblem(value: unknown, path: string): ConfigProblem | undefined {
  const expected = 'a finite number above 0';
  if (value === undefined) return { kind: 'missing', path, received: value, expected };
  const ok = typeof value === 'number' && Number.isFinite(value) && value > 0;
  return ok ? undefined : { kind: 'value', path, received: value, expected };
}
