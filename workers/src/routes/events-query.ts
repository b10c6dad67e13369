import { Hono } from 'hono';
import { z } from 'zod';
import { WIRE_LIMITS } from '../../../src/wire/limits.js';
import { listCorrelatedEvents } from '../db/events-query-repo.js';
import { auditLog } from '../middleware/audit-log.js';
import { readToken, type ReadEnv } from '../middleware/read-token.js';
import { validInput } from '../middleware/valid-input.js';
import { nextCursorOf } from '../query/cursor.js';
import { cursorParam, limitParam } from '../query/params.js';

const CORRELATED_SCOPE = 'correlated-events';

const correlationParams = z
  .strictObject({
    correlationId: z
      .string('expected a correlation id')
      .min(1, 'expected a correlation id')
      .max(WIRE_LIMITS.idLength, `expected at most ${WIRE_LIMITS.idLength} characters`),
    limit: limitParam,
    cursor: cursorParam.optional(),
  })
  .refine((params) => params.cursor === undefined || params.cursor.scope === CORRELATED_SCOPE, {
    path: ['cursor'],
    message: 'expected the nextCursor of a previous page of this list',
  });

/**
 * `GET /v1/events?correlationId=…&limit&cursor` (read token, audit-logged): every event of the
 * project with that correlation id — a browser error beside the backend events of the same
 * request — newest first, each with `issueId`, `receivedAt` and `issue: { id, title, status }`.
 * Answers `{ correlationId, events, nextCursor }`.
 *
 * The middleware sits on the route, not on `use()`: `POST /v1/events` (ingest, public key) is
 * mounted on the same base and must not see the read-token check.
 */
export const eventsQuery = new Hono<ReadEnv>().get(
  '/',
  readToken(),
  auditLog(),
  validInput('query', correlationParams),
  async function listCorrelatedEventsRoute(c) {
    const { correlationId, limit, cursor } = c.req.valid('query');
    const page = await listCorrelatedEvents(c.env.DB, c.get('project').id, correlationId, {
      limit,
      after: cursor,
    });
    const nextCursor = nextCursorOf(page, CORRELATED_SCOPE, (event) => event.timestamp);
    return c.json({ correlationId, events: page.items, nextCursor });
  },
);
