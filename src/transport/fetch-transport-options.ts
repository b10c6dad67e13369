import { createBackoff, type Backoff } from '../backoff/backoff.js';
import { equalJitter } from '../backoff/jitter.js';
import type { Clock } from '../runtime/clock.js';
import type { RandomSource } from '../runtime/random.js';
import type { Timers } from '../runtime/timers.js';
import type { BeaconNavigator } from './beacon.js';
import type { TransportBreaker } from './transport.js';

/** Options of {@link createFetchTransport}. */
export interface FetchTransportOptions {
  /** The collector's base URL; batches go to `${endpoint}/v1/events`. */
  readonly endpoint: string;
  /** The project's public key, sent in `x-faultline-key` (in `?key=` only for beacons). */
  readonly key: string;
  /**
   * The breaker on the collector endpoint, usually `collectorBreaker()`; a `circuitBreaker()`
   * fits too (name it `COLLECTOR_BREAKER` so the capture client does not report it, and share
   * its state between tabs through its store, if wanted).
   */
  readonly breaker: TransportBreaker;
  /** The batch's `sdk`. Default {@link DEFAULT_SDK}. */
  readonly sdk?: { readonly name: string; readonly version: string } | undefined;
  /** Most events per request (the collector allows 1000). Default 100. */
  readonly batchSize?: number | undefined;
  /** Most bytes per request before compression (the collector allows 1 MiB). Default 512 KiB. */
  readonly maxBatchBytes?: number | undefined;
  /**
   * Waits after failed sends (5xx, 408, network failures, timeouts, a 429 without
   * `Retry-After`); reset by an acknowledged send. Default: equal jitter from 1 s, doubling,
   * capped at 5 minutes.
   */
  readonly backoff?: Backoff | undefined;
  /** Abandon a request that has not fully answered after this many ms. Default 30 000. */
  readonly timeoutMs?: number | undefined;
  /** Whether to gzip bodies of at least `gzipMinBytes` when that shrinks them. Default true. */
  readonly gzip?: boolean | undefined;
  /** Smallest body worth gzipping, in bytes. Default 1024. */
  readonly gzipMinBytes?: number | undefined;
  /**
   * The `fetch` to send with. Default: `globalThis.fetch` as it is when the transport is made,
   * i.e. before any breadcrumb integration wraps it.
   */
  readonly fetch?: typeof fetch | undefined;
  /** Where beacons find `navigator.sendBeacon`. Default: `globalThis.navigator`, looked up lazily. */
  readonly navigator?: (() => BeaconNavigator | undefined) | undefined;
  /** Time source. Default: the system clock. */
  readonly clock?: Clock | undefined;
  /** Timer source, for request timeouts. Default: the system timers. */
  readonly timers?: Timers | undefined;
  /** Draws the default backoff's jitter. Default: `systemRandom`. */
  readonly random?: RandomSource | undefined;
}

/** The `sdk` of a batch when none is given. */
export const DEFAULT_SDK = Object.freeze({ name: 'faultline', version: '0.1.0' });

/**
 * The transport's default backoff: equal jitter (each wait in [d/2, d]) from d = 1 s, doubling,
 * capped at 5 minutes. Equal rather than full jitter: a wait near 0 ms after a failure would be
 * a retry storm against a collector that is already struggling.
 *
 * @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 * @example
 * createFetchTransport({ endpoint, key, breaker, backoff: collectorBackoff(seededRandom) });
 */
export function collectorBackoff(random: RandomSource): Backoff {
  return createBackoff(
    equalJitter,
    { initialMs: 1000, factor: 2, stepMs: 0, maxMs: 300_000 },
    random,
  );
}
