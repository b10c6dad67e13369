/**
 * What `createClient` takes: the configuration and the parts a runtime plugs in.
 *
 * @module
 */
import type { EventBuffer } from '../buffer/buffer.js';
import type { ClientConfig, ClientConfigInput } from '../config/client-schema.js';
import type { FromOptions } from '../errors/describe-thrown.js';
import type { Clock } from '../runtime/clock.js';
import type { RandomSource } from '../runtime/random.js';
import type { Timers } from '../runtime/timers.js';
import type { ScrubOptions } from '../scrub/scrub-options.js';
import type { Transport } from '../transport/transport.js';
import type { EventOrigin } from './build-event.js';
import type { EventFilter } from './filters.js';
import type { SendGate } from './send-gate.js';

/**
 * What `createClient` takes: the configuration of SPEC §4 (validated, with defaults: see
 * `clientConfigSchema`) plus the parts a runtime entry plugs in. Every part has a default that
 * works in any runtime: a memory buffer, the fetch transport behind a collector breaker, the
 * system clock, timers and randomness.
 */
export interface ClientOptions extends ClientConfigInput {
  /** How events are scrubbed before they are buffered. Default: the built-in detectors. */
  readonly scrub?: ScrubOptions | undefined;
  /** Types what was thrown. Default: `failureType` (compact); pass `classify` for the whole taxonomy. */
  readonly classifier?: FromOptions['classifier'];
  /**
   * Where events wait for the collector: a buffer, or a function making one from the config's
   * validated bounds. Default: `memoryBuffer` with those bounds.
   */
  readonly eventBuffer?:
    EventBuffer | ((bounds: ClientConfig['buffer']) => EventBuffer) | undefined;
  /** What carries batches. Default: `createFetchTransport` behind `collectorBreaker()`. */
  readonly eventTransport?: Transport | undefined;
  /** Who sends when several clients share one buffer. Default: this client always does. */
  readonly gate?: SendGate | undefined;
  /** Extra filters; an event one of them claims is dropped as `ignored`. */
  readonly noise?: readonly EventFilter[] | undefined;
  /** The URL and user agent of each event (the page, the request). Default: none. */
  readonly origin?: (() => EventOrigin) | undefined;
  /** The `sdk` of each batch. Default `{ name: 'faultline', version }`. */
  readonly sdk?: { readonly name: string; readonly version: string } | undefined;
  /**
   * Report breaker transitions (as breadcrumbs, and an opened breaker as an event) and
   * exhausted retries of the resilience policies; `'breakers'` reports the breakers only (a
   * Worker's default: an exhausted retry that is thrown is captured with its request instead).
   * The collector's own breaker is never reported. Default true.
   */
  readonly captureResilience?: boolean | 'breakers' | undefined;
  /** The `fetch` of the default transport. Default: `globalThis.fetch` when the client is made. */
  readonly fetch?: typeof fetch | undefined;
  readonly clock?: Clock | undefined;
  readonly timers?: Timers | undefined;
  /** Draws `sampleRate` decisions and the transport's jitter. Default: `Math.random`. */
  readonly random?: RandomSource | undefined;
}
