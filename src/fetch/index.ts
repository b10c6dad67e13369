export { resilientFetch } from './resilient-fetch.js';
export type {
  AuthErrorDetails,
  AuthErrorHandler,
  FetchLimiter,
  FetchRetryOptions,
  FetchTimeouts,
  ResilientFetchOptions,
} from './options.js';
export type { PropagateTraceTo } from './trace-propagation.js';
export { IDEMPOTENT_METHODS } from './idempotent.js';
