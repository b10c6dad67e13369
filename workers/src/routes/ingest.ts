import { Hono } from 'hono';
import { FaultError } from '../../../src/errors/fault-error.js';
import { decodeBody } from '../ingest/decode-body.js';
import { prepareEvents } from '../ingest/prepare-events.js';
import { storeEvents } from '../ingest/store-events.js';
import { assertBatchFitsRate, ingestRetryAfter } from '../ingest/take-rate.js';
import { validateBatch, type Rejection } from '../ingest/validate-batch.js';
import { allowedOrigin } from '../middleware/allowed-origin.js';
import { publicKey, type PublicKeyEnv } from '../middleware/public-key.js';

/** The 202 answer of `POST /v1/events` (SPEC §5). */
export interface IngestAnswer {
  /** Events stored by this request. */
  readonly accepted: number;
  /** Valid events stored before (replays) or repeated within the batch. */
  readonly duplicate: number;
  /** Events refused, by position in the batch, each with the FaultError JSON saying why. */
  readonly rejected: readonly Rejection[];
}

const origins = allowedOrigin({ methods: ['POST'] });

/**
 * `POST /v1/events`: ingest a batch (SPEC §5). Key, then origin, then body (type, encoding,
 * size, JSON, envelope, event count), then each event on its own, then the project's rate
 * (counting the valid events, asked while they are scrubbed; 413 when they are more than the
 * rate allows a minute), then one D1 transaction; 202 only after it commits.
 * `OPTIONS` answers CORS preflights for allowed origins.
 *
 * The middleware sits on the routes, not on `use()`: `GET /v1/events` (query API, read token)
 * is mounted on the same base and must not see the public-key check.
 */
export const ingest = new Hono<PublicKeyEnv>()
  .options('/', publicKey(), origins)
  .post('/', publicKey(), origins, async function postEvents(c) {
    const project = c.get('project');
    const receivedAt = Date.now();
    const body = await decodeBody(c.req.raw, project.maxBodyBytes);
    const batch = validateBatch(body, project.maxEventsPerBatch);
    // More valid events than the project takes a minute would be refused forever: 413, split.
    assertBatchFitsRate(project, batch.valid.length);
    // The limiter's round trip overlaps the scrubbing: it counts the valid events.
    const [wait, { prepared, rejected }] = await Promise.all([
      ingestRetryAfter(c.env, project, batch.valid.length),
      prepareEvents(batch.valid, receivedAt, project.id),
    ]);
    if (wait !== undefined) {
      c.header('Retry-After', String(wait));
      throw new FaultError(
        'rate_limited',
        `Project ${project.id} takes ${project.ingestPerMinute} events per minute: retry in ${wait} s`,
        { captureStack: false, context: { retryAfterSeconds: wait } },
      );
    }
    const stored = await storeEvents(c.env.DB, {
      projectId: project.id,
      receivedAt,
      events: prepared,
      dropped: batch.dropped,
    });
    const answer: IngestAnswer = {
      ...stored,
      rejected: [...batch.rejected, ...rejected].sort((a, b) => a.index - b.index),
    };
    return c.json(answer, 202);
  });
