import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { WIRE_LIMITS } from '../../../src/wire/limits.js';
import { deleteUserEvents } from '../db/users-repo.js';
import { auditLog } from '../middleware/audit-log.js';
import { readToken, type ReadEnv } from '../middleware/read-token.js';
import { validInput } from '../middleware/valid-input.js';

// As long as any `user.id` ingest stores: an id ingest accepted can always be erased.
const MAX_ID = WIRE_LIMITS.dataStringLength;
const userParams = z.object({
  id: z.string().min(1).max(MAX_ID, `expected a user id of at most ${MAX_ID} characters`),
});

/** The audit log records that an erasure happened, not whose: the id is what was erased. */
function pathWithoutUserId(c: Context<ReadEnv>): string {
  return c.req.path.replace(/\/users\/[^/]+/, '/users/:id');
}

/**
 * `DELETE /v1/users/:id/events` (read token, audit-logged without the user id): erases every
 * stored event of that user (the wire event's `user.id`, as sent: a number's id is its decimal
 * text) in the token's project and answers `{ deleted, complete }`: the number of events
 * erased (0 when there were none), and whether that was all (a user with more than 800 000
 * events is erased over several calls: call again while `complete` is false). Events are found by the hash ingest stored of that raw id (`userKey`), not
 * by the scrubbed payload, so an id that looks like an email erases that user only.
 *
 * Issues, their counts, first/last seen and the per-minute buckets stay as they were: they are
 * aggregates without personal data, and they already outlive events the same way when
 * retention prunes them — an issue's `count` is how often it happened, not how many events are
 * still stored. Recounting would also race with concurrent ingest and lose an issue's
 * status and regression history. An issue's title is the scrubbed message of its first event.
 */
export const users = new Hono<ReadEnv>().delete(
  '/:id/events',
  readToken(),
  auditLog({ path: pathWithoutUserId }),
  validInput('param', userParams),
  async function deleteUserEventsRoute(c) {
    const { id } = c.req.valid('param');
    return c.json(await deleteUserEvents(c.env.DB, c.get('project').id, id));
  },
);
