export { circuitBreaker } from './breaker.js';
export type {
  BreakerMetrics,
  BreakerOutcome,
  BreakerStateChange,
  CircuitBreaker,
} from './circuit-breaker.js';
export { type CircuitBreakerOptions } from './options.js';
export { breakerVerdict, type BreakerVerdict } from './breaker-failure.js';
export {
  snapshotFromJSON,
  snapshotToJSON,
  type BreakerSnapshot,
  type BreakerStateJSON,
  type BreakerStateName,
  type ClosedSnapshot,
  type HalfOpenSnapshot,
  type OpenSnapshot,
} from './state.js';
export { memoryBreakerStore, type BreakerStore } from './store.js';
export type {
  BreakerTrigger,
  ConsecutiveTrigger,
  CountWindowTrigger,
  RateTriggerOptions,
  TimeWindowTrigger,
  WindowCounts,
} from './triggers/trigger.js';
