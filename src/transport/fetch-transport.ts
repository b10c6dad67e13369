import { BATCH_DEFAULTS } from '../buffer/buffer-options.js';
import { readSafely, readString } from '../errors/read-safely.js';
import { parseRetryAfter } from '../retry/retry-after.js';
import { isRetryableStatus } from '../retry/retryable-status.js';
import { systemClock } from '../runtime/clock.js';
import { systemRandom } from '../runtime/random.js';
import { systemTimers } from '../runtime/timers.js';
import { batchBody, envelopeBytes, packChunks, serializeEvents } from './batch-body.js';
import type { RequestChunk, SerializedEvent } from './batch-body.js';
import { globalNavigator, sendBeacon } from './beacon.js';
import type { TransportDrop } from './drop-reasons.js';
import {
  collectorBackoff,
  DEFAULT_SDK,
  type FetchTransportOptions,
} from './fetch-transport-options.js';
import { gzipIfSmaller, GZIP_MIN_BYTES } from './gzip.js';
import {
  collectorMessage,
  isAcknowledgement,
  postBody,
  rejectedByIndex,
  type CollectorAnswer,
} from './post-body.js';
import type { OutgoingBatch, SendOptions, SendResult, Transport } from './transport.js';
import type { TransportFailure, TransportStatus } from './transport.js';

/**
 * Bodies any proxy in front of the collector should take: the size of a beacon. One event under
 * it refused with a 413 means a cap on every body, not an event too large.
 */
export const SMALL_BODY_BYTES = 64 * 1024;

/** One `send` in progress: what it collects (`retryInMs` is added at the end) and how it runs. */
interface Round {
  readonly acked: string[];
  readonly dropped: TransportDrop[];
  readonly retry: string[];
  droppedReported: boolean;
  readonly force: boolean;
  readonly signal: AbortSignal | undefined;
}

/**
 * The transport of browsers, Workers and Deno: `POST ${endpoint}/v1/events` with the key in
 * `x-faultline-key`, gzip when it pays, through the collector breaker (SPEC §4, §5). Per
 * answer:
 * - 202 acknowledges every event but those in `rejected[]`, which are dropped as `invalid`;
 * - 413 splits the request in halves and sends each; a lone event still refused is dropped as
 *   `event_too_large`;
 * - 429 waits `Retry-After` (or the backoff, when longer), even for forced sends;
 * - 5xx, 408, network failures and timeouts back off, and count against the breaker;
 * - 401, 403, 404 and other refusals stop the transport (a configuration problem): no retry
 *   storm, events stay buffered;
 * - 400 resends once without the drop counts when they rode along (they may be what was
 *   refused), else stops; 415 resends once without gzip, else stops.
 *
 * No Node.js API, no classification tables: it stays small for the browser bundle.
 *
 * @example
 * const transport = createFetchTransport({ endpoint, key, breaker: collectorBreaker() });
 * const batch = await buffer.take();
 * const result = await transport.send(batch);
 * await buffer.ack(result.acked, result.droppedReported ? batch.dropped : undefined);
 * for (const { id, reason } of result.dropped) await buffer.drop([id], reason);
 * buffer.release(result.retry, result.droppedReported ? undefined : batch.dropped);
 */
export function createFetchTransport(options: FetchTransportOptions): Transport {
  const { key, breaker } = options;
  const batchSize = options.batchSize ?? BATCH_DEFAULTS.maxEvents;
  const maxBatchBytes = options.maxBatchBytes ?? BATCH_DEFAULTS.maxBytes;
  const { timeoutMs = 30_000, gzipMinBytes = GZIP_MIN_BYTES } = options;
  const clock = options.clock ?? systemClock;
  const timers = options.timers ?? systemTimers;
  const fetchFn = options.fetch ?? globalThis.fetch;
  const url = `${options.endpoint.replace(/\/+$/, '')}/v1/events`;
  const sdkJson = JSON.stringify(options.sdk ?? DEFAULT_SDK);
  const limits = { batchSize, maxBatchBytes };
  const fresh = options.backoff ?? collectorBackoff(options.random ?? systemRandom);
  let step = fresh;
  let retryAt = 0; // backoff or open breaker; a forced send ignores it
  let rateLimitedUntil = 0; // Retry-After; honoured by every send
  let stopped = false;
  let gzip = options.gzip !== false;
  let lastFailure: TransportFailure | undefined;

  async function post(
    chunk: RequestChunk,
    { force, signal }: Round,
  ): Promise<CollectorAnswer & { readonly error?: unknown; readonly gzip: boolean }> {
    const text = batchBody(sdkJson, clock.now(), chunk);
    const encoded = gzip ? await gzipIfSmaller(text, gzipMinBytes) : undefined;
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-faultline-key': key,
    };
    if (encoded?.gzip) headers['content-encoding'] = 'gzip';
    const zipped = encoded?.gzip === true;
    const body = zipped ? (encoded.body as Uint8Array<ArrayBuffer>) : text;
    let refused: CollectorAnswer | undefined;
    const attempt = async () => {
      const answer = await postBody(url, body, headers, {
        fetch: fetchFn,
        timeoutMs,
        timers,
        signal,
      });
      // Thrown as data: the breaker's default verdict reads `status` (5xx, 408 fail; 429 not).
      if (isRetryableStatus(answer.status)) {
        throw (refused = answer);
      }
      return answer;
    };
    try {
      // A forced send is the probe of an open breaker (SPEC §4: flush ignores the wait).
      if (force && breaker.state === 'open') {
        const answer = await attempt();
        breaker.reset();
        return { ...answer, gzip: zipped };
      }
      return { ...(await breaker.execute(attempt)), gzip: zipped };
    } catch (error) {
      return { status: 0, retryAfter: null, body: undefined, ...refused, error, gzip: zipped };
    }
  }

  /**
   * Whether `chunk` is one event (no counts) of under {@link SMALL_BODY_BYTES}: refused with a
   * 413, it shows a proxy capping every body, not an event too large. The transport then stops
   * and keeps it, rather than drop every event one request each.
   */
  function isSmallAlone(chunk: RequestChunk): boolean {
    const [lone] = chunk.events;
    return (
      chunk.events.length === 1 && chunk.dropped === undefined && lone!.bytes < SMALL_BODY_BYTES
    );
  }

  /** Sends each chunk in turn until one must wait; returns false if one did. */
  async function deliverAll(chunks: readonly RequestChunk[], round: Round): Promise<boolean> {
    let going = true;
    for (const chunk of chunks) {
      if (going) going = await deliver(chunk, round);
      else for (const event of chunk.events) round.retry.push(event.id);
    }
    return going;
  }

  /** Splits a refused request; a lone event is dropped for `reason`. */
  function split(
    chunk: RequestChunk,
    reason: TransportDrop['reason'],
    error: unknown,
    round: Round,
  ): Promise<boolean> | boolean {
    const { events, dropped } = chunk;
    const half = Math.ceil(events.length / 2);
    if (events.length > 1) {
      const halves = [{ events: events.slice(0, half), dropped }, { events: events.slice(half) }];
      return deliverAll(halves, round);
    }
    if (dropped !== undefined && events.length === 1) {
      return deliverAll([{ events: [], dropped }, { events }], round);
    }
    const lone = events[0] as SerializedEvent | undefined;
    if (lone === undefined)
      round.droppedReported = true; // counts alone refused: resending cannot help
    else round.dropped.push({ id: lone.id, reason, ...(error !== undefined && { error }) });
    return true;
  }

  async function deliver(chunk: RequestChunk, round: Round): Promise<boolean> {
    const answer = await post(chunk, round);
    const { status } = answer;
    const now = clock.now();
    if (isAcknowledgement(status, answer.body)) {
      const rejected = rejectedByIndex(answer.body);
      chunk.events.forEach(({ id }, index) => {
        if (!rejected.has(index)) round.acked.push(id);
        else round.dropped.push({ id, reason: 'invalid', error: rejected.get(index) });
      });
      if (chunk.dropped !== undefined) round.droppedReported = true;
      step = fresh;
      retryAt = 0;
      stopped = false;
      lastFailure = undefined;
      return true;
    }
    const problem = (answer.body as { error?: unknown } | undefined)?.error;
    if (status === 413 && !isSmallAlone(chunk)) {
      return split(chunk, 'event_too_large', problem, round);
    }
    if (status === 400 && chunk.dropped !== undefined) {
      round.droppedReported = true; // the counts may be what was refused: send the events alone
      return chunk.events.length === 0 || deliver({ events: chunk.events }, round);
    }
    if (status === 415 && answer.gzip) {
      gzip = false; // a collector or proxy that refuses gzip: plain from now on
      return deliver(chunk, round);
    }
    for (const event of chunk.events) round.retry.push(event.id);
    if (round.signal?.aborted) return false;
    const message =
      status === 0
        ? (readString(answer.error, 'message') ?? 'fetch failed')
        : status < 300
          ? `HTTP ${status} without an ingest answer: is the endpoint the collector's base URL?`
          : collectorMessage(answer);
    lastFailure = { status, message, at: now };
    if ((status >= 200 && status < 300) || (status >= 400 && !isRetryableStatus(status))) {
      // 400, 401, 403, 404, 415…, or a page that is not the collector's: resending cannot succeed
      stopped = true;
      return false;
    }
    // An open breaker's rejection (circuit_open FaultError) says when it will let a probe in.
    const breakerWait = readSafely(readSafely(answer.error, 'context'), 'retryAfterMs');
    if (typeof breakerWait === 'number') {
      retryAt = now + breakerWait; // the breaker is open: come back when it probes
      return false;
    }
    step = step.next();
    const asked =
      status === 429 && answer.retryAfter !== null
        ? parseRetryAfter(answer.retryAfter, now)
        : undefined;
    if (asked !== undefined) rateLimitedUntil = now + asked;
    retryAt = now + Math.max(step.delayMs, asked ?? 0);
    return false;
  }

  function status(): TransportStatus {
    const until = Math.max(retryAt, rateLimitedUntil);
    const waiting = until > clock.now();
    return {
      state: stopped ? 'stopped' : waiting ? 'waiting' : 'ready',
      breaker: breaker.state,
      ...(waiting && { retryAt: until }),
      ...(lastFailure && { lastFailure }),
    };
  }

  return {
    async send(batch: OutgoingBatch, sendOptions: SendOptions = {}): Promise<SendResult> {
      const force = sendOptions.force === true;
      const { signal } = sendOptions;
      const out: Round = {
        acked: [],
        dropped: [],
        retry: [],
        droppedReported: false,
        force,
        signal,
      };
      const counts =
        batch.dropped && Object.keys(batch.dropped).length > 0 ? batch.dropped : undefined;
      const now = clock.now();
      if (
        (stopped && !force) ||
        (force ? rateLimitedUntil : Math.max(retryAt, rateLimitedUntil)) > now
      ) {
        for (const event of batch.events) out.retry.push(event.id);
      } else {
        const room = maxBatchBytes - envelopeBytes(sdkJson);
        const serialized = serializeEvents(batch.events, room, out.dropped);
        const chunks = packChunks(serialized, counts, sdkJson, limits);
        await deliverAll(chunks, out);
      }
      const { acked, dropped, retry, droppedReported } = out;
      const result = { acked, dropped, retry, droppedReported };
      if (retry.length === 0 || stopped) return result;
      const wait = Math.max(retryAt, rateLimitedUntil) - clock.now();
      return { ...result, retryInMs: Math.max(0, wait) };
    },
    beacon(batch: OutgoingBatch): readonly string[] {
      if (stopped || rateLimitedUntil > clock.now()) return [];
      return sendBeacon(batch, {
        url: `${url}?key=${encodeURIComponent(key)}`,
        sdkJson,
        batchSize,
        fetch: fetchFn,
        navigator: options.navigator ?? globalNavigator,
        clock,
      });
    },
    status,
  };
}
