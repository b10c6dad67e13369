/**
 * Rate limiting (SPEC §3): token bucket and GCRA per key, returning
 * `{ allowed, remaining, retryAfterMs }`, in memory or over a shared store. The algorithms are
 * pure steps over two-number states, so a Durable Object runs the very same engine (SPEC §5).
 *
 * @module
 */
export {
  rateLimiter,
  type RateLimiter,
  type RateLimiterOptions,
  type LimiterRuntimeOptions,
} from './limiter.js';
export {
  limiterStep,
  isIdleState,
  type LimiterAlgorithm,
  type ResolvedLimiterAlgorithm,
} from './algorithm.js';
export { tokenBucketStep, type TokenBucketAlgorithm } from './token-bucket.js';
export {
  gcraStep,
  DEFAULT_GCRA_BURST,
  type GcraAlgorithm,
  type ResolvedGcraAlgorithm,
} from './gcra.js';
export { resolveLimiterAlgorithm } from './resolve-algorithm.js';
export type { LimiterState, LimiterStep, RateLimitDecision } from './meter.js';
export type { LimiterStore } from './store.js';
export {
  memoryLimiterStore,
  DEFAULT_LIMITER_MAX_KEYS,
  type MemoryLimiterStore,
  type MemoryLimiterStoreOptions,
} from './memory-store.js';
