import { z } from 'zod';
import { decodeCursor } from './cursor.js';

/** Most rows one page of the query API returns. */
export const MAX_LIMIT = 200;

/** Rows per page when `limit` is not given. */
export const DEFAULT_LIMIT = 50;

/** `limit`: an integer from 1 to {@link MAX_LIMIT}; default {@link DEFAULT_LIMIT}. */
export const limitParam = z
  .string()
  .refine((text) => /^\d{1,4}$/.test(text) && Number(text) >= 1 && Number(text) <= MAX_LIMIT, {
    message: `expected an integer from 1 to ${MAX_LIMIT}`,
  })
  .transform(Number)
  .default(DEFAULT_LIMIT);

/** `cursor`: the `nextCursor` of the previous page, decoded (see `cursor.ts`). */
export const cursorParam = z.string().transform(function toCursor(text, ctx) {
  const cursor = decodeCursor(text);
  if (cursor !== undefined) return cursor;
  ctx.addIssue({ code: 'custom', message: 'expected the nextCursor of a previous page' });
  return z.NEVER;
});

// ISO 8601 as `Date.parse` reads it: a date, optionally a time and zone.
const ISO_DATE =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** A point in time: ms since the epoch, or an ISO 8601 date such as `2026-05-01T12:00:00Z`. */
export const timeParam = z.string().transform(function toMs(text, ctx) {
  const ms = /^\d{1,15}$/.test(text) ? Number(text) : ISO_DATE.test(text) ? Date.parse(text) : NaN;
  if (Number.isFinite(ms)) return ms;
  ctx.addIssue({
    code: 'custom',
    message: 'expected ms since the epoch or an ISO 8601 date (2026-05-01T12:00:00Z)',
  });
  return z.NEVER;
});

/**
 * A set of allowed values, comma-separated (`status=open,resolved`), repeated
 * (`status=open&status=resolved`) or both; duplicates dropped.
 */
export function setParam<const T extends readonly string[]>(values: T) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((input) => {
      const parts = (typeof input === 'string' ? [input] : input).flatMap((s) => s.split(','));
      return [...new Set(parts.map((s) => s.trim()).filter((s) => s !== ''))];
    })
    .pipe(
      z
        .array(z.enum(values, { error: `expected values from ${values.join(', ')}` }))
        .min(1, { error: `expected at least one of ${values.join(', ')}` }),
    );
}
