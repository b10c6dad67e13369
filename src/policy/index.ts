export type { ExecuteOptions, ExecutionContext, Operation, Policy } from './policy.js';
export { compose } from './compose.js';
export { timeout, type TimeoutOptions } from './timeout.js';
export { fallback, type FallbackOptions } from './fallback.js';
export { bulkhead, type Bulkhead, type BulkheadOptions } from './bulkhead.js';
export type { Listeners, Subscribe } from './event.js';
export {
  onResilienceEvent,
  type BreakerTransitionEvent,
  type ResilienceEvent,
  type RetryExhaustedEvent,
} from './resilience-events.js';
