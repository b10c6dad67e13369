import type { ResolvedLimiterAlgorithm } from './algorithm.js';
import type { RateLimitDecision } from './meter.js';

/**
 * Where a rate limiter keeps the state of its keys (STYLE §2 item 3): in memory
 * (`memoryLimiterStore`) or shared, e.g. a Durable Object per key that runs the same
 * `limiterStep` (SPEC §5). A store holds `LimiterState` values and updates them only
 * through `limiterStep`, so every store decides alike.
 *
 * Rules for implementations:
 * - `take` is atomic per key: concurrent takes are applied one after another, never to the same
 *   read state (a Durable Object serialises them; the memory store never awaits inside).
 * - `now` is the caller's monotonic clock in ms. A store may use its own time source instead
 *   (a shared store should: one clock for every client), as long as it is the same for a key
 *   across calls and restarts; persisted state therefore wants a wall clock.
 * - `algorithm` is plain, validated data, sent with every call (as the collector's
 *   `POST /v1/limits/:key/take { n, limit }` body). A store holding state made under a different
 *   algorithm should start the key afresh rather than reinterpret it.
 * - Errors may be thrown or rejected; the limiter turns them into a FaultError.
 *
 * @example
 * const states = new Map<string, LimiterState>();
 * const mapStore: LimiterStore = {
 *   take(key, n, now, algorithm) {
 *     const { decision, state } = limiterStep(states.get(key), n, now, algorithm);
 *     states.set(key, state);
 *     return decision;
 *   },
 *   peek: (key, n, now, algorithm) => limiterStep(states.get(key), n, now, algorithm).decision,
 *   reset: (key) => void states.delete(key),
 * };
 */
export interface LimiterStore {
  /** Takes `n` units from `key` at `now` (ms) if `algorithm` allows it. */
  take(
    key: string,
    n: number,
    now: number,
    algorithm: ResolvedLimiterAlgorithm,
  ): RateLimitDecision | Promise<RateLimitDecision>;
  /** What `take` would decide now, without taking anything. */
  peek(
    key: string,
    n: number,
    now: number,
    algorithm: ResolvedLimiterAlgorithm,
  ): RateLimitDecision | Promise<RateLimitDecision>;
  /** Forgets `key`: its next take is that of a new key. */
  reset(key: string): void | Promise<void>;
}
