import type { Project } from '../config/projects.js';
import type { Env } from '../env.js';

/**
 * Counts `events` against the project's `ingestPerMinute` in its `IngestLimiter` Durable Object
 * (one per project, so every isolate shares one exact count) and says how long to wait when
 * they do not fit: the `Retry-After` of the 429, in whole seconds, at least 1. Nothing is taken
 * for an empty batch. A refused batch takes nothing, so a client that waits and resends the
 * same events is counted once.
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
