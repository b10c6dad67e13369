/**
 * The Worker adapter: capture around a module Worker's `fetch` handler and in Hono apps.
 *
 * @module
 */
export { withFaultline, type FetchHandler } from './with-faultline.js';
export { faultline, type FaultlineVariables } from './hono-middleware.js';
export { faultErrorResponse, faultErrorStatus, type FailureRefs } from './fault-error-response.js';
export type {
  CollectorBinding,
  ErrorResponseMode,
  WorkerContext,
  WorkerOptions,
  WorkerOptionsInput,
} from './worker-options.js';
