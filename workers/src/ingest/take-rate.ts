import type { Project } from '../config/projects.js';
import type { Env } from '../env.js';
import { refusal } from './refusal.js';

/**
 * Refuses a batch whose valid `events` exceed the project's `ingestPerMinute`: the limiter could
 * never take it, so a 429 would send the client back forever, while a 413 tells an SDK to split
 * the batch (SPEC §5). Call it before {@link ingestRetryAfter}: the limiter is not asked.
 *
 * @throws HTTPException 413 (FaultError `resource_exhausted`, context `{ events, ingestPerMinute }`)
 *   when `events > project.ingestPerMinute`.
 * @example
 * assertBatchFitsRate(project, batch.valid.length);
 */
export function assertBatchFitsRate(project: Project, events: number): void {
  const perMinute = project.ingestPerMinute;
  if (events <= perMinute) return;
  const message =
    `Batch holds ${events} valid events, more than project ${project.id}'s rate of ` +
    `${perMinute} events per minute: split it into batches of at most ${perMinute}`;
  throw refusal(413, 'resource_exhausted', message, { events, ingestPerMinute: perMinute });
}

/**
 * Counts `events` against the project's `ingestPerMinute` in its `IngestLimiter` Durable Object
 * (one per project, so every isolate shares one exact count) and says how long to wait when
 * they do not fit: the `Retry-After` of the 429, in whole seconds, at least 1. Nothing is taken
 * for an empty batch. A refused batch takes nothing, so a client that waits and resends the
 * same events is counted once. A batch larger than the rate never fits: refuse it first with
 * {@link assertBatchFitsRate}.
 *
 * @returns `undefined` when the events fit, else the seconds to wait.
 * @see https://www.rfc-editor.org/rfc/rfc9110#field.retry-after
 * @example
 * const wait = await ingestRetryAfter(env, project, prepared.length);
 */
export async function ingestRetryAfter(
  env: Env,
  project: Project,
  events: number,
): Promise<number | undefined> {
  if (events === 0) return undefined;
  const limiter = env.INGEST_LIMITER.get(env.INGEST_LIMITER.idFromName(project.id));
  const decision = await limiter.take(events, project.ingestPerMinute);
  if (decision.allowed) return undefined;
  return Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
}
