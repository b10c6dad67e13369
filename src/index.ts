/**
 * faultline core: the error model, classification, stack parsing, fingerprints, scrubbing,
 * operation contexts, configuration, and the resilience policies (backoff, retry, circuit
 * breaker, rate limiter, timeout, fallback, bulkhead, `resilientFetch`). Runtime-agnostic (web-standard APIs only) and free of
 * side effects: import what you use and bundlers drop the rest.
 *
 * @module
 */
export * from './errors/index.js';
export * from './classify/index.js';
export * from './stack/index.js';
export * from './scrub/index.js';
export * from './context/index.js';
export * from './config/index.js';
export * from './wire/index.js';
export * from './runtime/index.js';
export * from './backoff/index.js';
export * from './retry/index.js';
export * from './breaker/index.js';
export * from './ratelimit/index.js';
export * from './policy/index.js';
export * from './fetch/index.js';
export * from './buffer/index.js';
export * from './transport/index.js';
export * from './client/index.js';
