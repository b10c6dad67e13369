export {
  retry,
  type AttemptRecord,
  type RetryEvent,
  type RetryOptions,
  type RetryPolicy,
} from './retry.js';
export { parseRetryAfter, retryAfterMs } from './retry-after.js';
