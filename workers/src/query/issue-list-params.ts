import { z } from 'zod';
import { categorySchema, severitySchema } from '../../../src/wire/event-schema.js';
import { ISSUE_SORTS, ISSUE_STATUSES } from '../db/issues-repo.js';
import { cursorParam, limitParam, setParam, timeParam } from './params.js';

/** The cursor scope of an issue list ordering: a cursor only continues its own ordering. */
export function issueListScope(sort: string, order: string): string {
  return `issues:${sort}:${order}`;
}

/**
 * Query parameters of `GET /v1/issues`, all optional: `limit` (1–200, default 50), `cursor`,
 * `from`/`to` (on `lastSeen`; ms or ISO 8601; `from` inclusive, `to` exclusive), `status`,
 * `category`, `severity` (one or more, comma-separated or repeated), `q` (title contains, ASCII
 * case ignored), `sort` (`lastSeen` | `firstSeen` | `count`, default `lastSeen`) and `order`
 * (`asc` | `desc`, default `desc`). Unknown parameters are refused, so a typo is not silently
 * ignored.
 */
export const issueListParams = z
  .strictObject({
    limit: limitParam,
    cursor: cursorParam.optional(),
    from: timeParam.optional(),
    to: timeParam.optional(),
    status: setParam(ISSUE_STATUSES).optional(),
    category: setParam(categorySchema.options).optional(),
    severity: setParam(severitySchema.options).optional(),
    q: z
      .string()
      .trim()
      .min(1, 'expected some text')
      .max(200, 'expected at most 200 characters')
      .refine((text) => !text.includes('\0'), 'expected text without NUL')
      .optional(),
    sort: z.enum(ISSUE_SORTS, `expected one of ${ISSUE_SORTS.join(', ')}`).default('lastSeen'),
    order: z.enum(['asc', 'desc'], 'expected asc or desc').default('desc'),
  })
  .superRefine(function checkRangeAndCursor(params, ctx) {
    if (params.from !== undefined && params.to !== undefined && params.from >= params.to) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'expected a time before `to`' });
    }
    if (
      params.cursor !== undefined &&
      params.cursor.scope !== issueListScope(params.sort, params.order)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['cursor'],
        message: 'expected a cursor from a page with the same sort and order',
      });
    }
  });
