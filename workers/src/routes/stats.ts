import { Hono } from 'hono';
import { z } from 'zod';
import { sumBuckets } from '../db/stats-repo.js';
import { auditLog } from '../middleware/audit-log.js';
import { readToken, type ReadEnv } from '../middleware/read-token.js';
import { validInput } from '../middleware/valid-input.js';
import { timeParam } from '../query/params.js';
import { statsSeries } from '../query/stats-series.js';

/** Most intervals one answer holds: a day of minutes, or 60 days of hours. */
const MAX_INTERVALS = 1440;

const MINUTES = { minute: 1, hour: 60 } as const;

/** The default window when `from` is not given: the last hour of minutes, the last day of hours. */
const DEFAULT_SPAN_MS = { minute: 3_600_000, hour: 86_400_000 } as const;

const statsParams = z
  .strictObject({
    from: timeParam.optional(),
    to: timeParam.optional(),
    interval: z.enum(['minute', 'hour'], 'expected minute or hour').default('hour'),
  })
  .transform(function toWindow(params, ctx) {
    const step = MINUTES[params.interval];
    const to = params.to ?? Date.now();
    const from = params.from ?? to - DEFAULT_SPAN_MS[params.interval];
    const fromMinute = Math.floor(from / 60_000 / step) * step;
    const toMinute = Math.ceil(to / 60_000 / step) * step;
    if (from >= to) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'expected a time before `to`' });
    } else if ((toMinute - fromMinute) / step > MAX_INTERVALS) {
      ctx.addIssue({
        code: 'custom',
        path: ['from'],
        message: `expected at most ${MAX_INTERVALS} ${params.interval}s between from and to`,
      });
    }
    return { interval: params.interval, step, fromMinute, toMinute };
  });

/**
 * `GET /v1/stats?from&to&interval=minute|hour` (read token, audit-logged): the project's event
 * counts per minute or hour, by category and severity, from the per-minute buckets ingest keeps
 * (by time of receipt). `from`/`to` are ms or ISO 8601 and widen to whole intervals; defaults:
 * `interval=hour`, `to` now, `from` a day (minutes: an hour) before `to`; at most 1440
 * intervals. Answers {@link StatsSeries}: `{ interval, from, to, totals, series }`.
 */
export const stats = new Hono<ReadEnv>().get(
  '/',
  readToken(),
  auditLog(),
  validInput('query', statsParams),
  async function getStatsRoute(c) {
    const { interval, step, fromMinute, toMinute } = c.req.valid('query');
    const rows = await sumBuckets(c.env.DB, c.get('project').id, fromMinute, toMinute, step);
    return c.json(statsSeries(interval, fromMinute, toMinute, step, rows));
  },
);
