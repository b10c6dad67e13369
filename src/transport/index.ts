/**
 * The transport (SPEC §4): batches scrubbed events to the collector's `POST /v1/events`, gzips
 * when it pays, backs off, honours `Retry-After` and 413, sits behind a circuit breaker, and
 * hands a last beacon to the browser when the page hides.
 *
 * @module
 */
export type {
  OutgoingBatch,
  SendOptions,
  SendResult,
  Transport,
  TransportBreaker,
  TransportFailure,
  TransportState,
  TransportStatus,
} from './transport.js';
export type { TransportDrop, TransportDropReason } from './drop-reasons.js';
export { createFetchTransport } from './fetch-transport.js';
export {
  collectorBackoff,
  DEFAULT_SDK,
  type FetchTransportOptions,
} from './fetch-transport-options.js';
export { collectorBreaker, type CollectorBreakerOptions } from './collector-breaker.js';
export { createBatcher, type Batcher, type BatcherOptions } from './batcher.js';
export { gzipIfSmaller, GZIP_MIN_BYTES, type EncodedBody } from './gzip.js';
export { BEACON_MAX_BYTES, type BeaconNavigator } from './beacon.js';
export { isOwnRequest, OWN_REQUEST } from './own-request.js';
