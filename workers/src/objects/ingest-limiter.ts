import { DurableObject } from 'cloudflare:workers';
import { limiterStep } from '../../../src/ratelimit/algorithm.js';
import type { LimiterState, RateLimitDecision } from '../../../src/ratelimit/meter.js';
import type { Env } from '../env.js';

/**
 * Counts one project's ingested events against its per-minute rate (SPEC §5): one object per
 * project, so every Worker isolate shares one count, and a Durable Object runs one call at a
 * time, so concurrent batches are counted exactly. A token bucket of `perMinute` tokens
 * refilled continuously: a quiet project may send a minute's worth at once.
 *
 * The count lives in memory: if the object is evicted (idle, or a deploy) a project starts
 * with a full bucket again, which at worst admits one extra minute's worth.
 */
export class IngestLimiter extends DurableObject<Env> {
  #state: LimiterState | undefined;
  #perMinute = 0;

  /** Takes `n` events at the project's `perMinute` rate. */
  take(n: number, perMinute: number): RateLimitDecision {
    if (perMinute !== this.#perMinute) {
      this.#perMinute = perMinute;
      this.#state = undefined; // a changed limit starts afresh
    }
    if (n > perMinute) return { allowed: false, remaining: 0, retryAfterMs: 60_000 };
    const step = limiterStep(this.#state, n, Date.now(), {
      algorithm: 'token_bucket',
      capacity: perMinute,
      refillPerSecond: perMinute / 60,
    });
    this.#state = step.state;
    return step.decision;
  }

  /** Answers at once: `/health` uses it to prove the namespace is reachable. */
  ping(): 'pong' {
    return 'pong';
  }
}
