/**
 * The body of `POST /v1/events` (SPEC §5): `{ sdk, sentAt, events, dropped? }`, built from
 * events serialised once each, so a batch can be cut by bytes and split in halves on 413
 * without serialising anything twice.
 *
 * @module
 */
import { utf8Length } from '../buffer/event-bytes.js';
import type { WireEvent } from '../wire/event-schema.js';
import type { TransportDrop } from './drop-reasons.js';

/** One event as JSON, with its size. */
export interface SerializedEvent {
  readonly id: string;
  readonly json: string;
  /** UTF-8 length of `json`. */
  readonly bytes: number;
}

/** The content of one request. */
export interface RequestChunk {
  readonly events: readonly SerializedEvent[];
  readonly dropped?: Readonly<Record<string, number>> | undefined;
}

/** Limits of one request. */
export interface ChunkLimits {
  /** Most events per request. */
  readonly batchSize: number;
  /** Most bytes per request body before compression, envelope included. */
  readonly maxBatchBytes: number;
}

/** Room left for `sentAt` digits beyond the envelope measured with `sentAt: 0`. */
const SENT_AT_ROOM = 16;

/**
 * The request body for `chunk`; `sdkJson` is `JSON.stringify({ name, version })`, `sentAt` ms
 * since the epoch.
 *
 * @example
 * batchBody('{"name":"faultline","version":"0.1.0"}', Date.now(), { events: [serialized] });
 */
export function batchBody(sdkJson: string, sentAt: number, chunk: RequestChunk): string {
  let body = `{"sdk":${sdkJson},"sentAt":${sentAt},"events":[`;
  chunk.events.forEach((event, i) => (body += (i > 0 ? ',' : '') + event.json));
  body += ']';
  if (chunk.dropped !== undefined) body += `,"dropped":${JSON.stringify(chunk.dropped)}`;
  return body + '}';
}

/** Bytes of a body holding no events, for `sdkJson` and `dropped`. */
export function envelopeBytes(sdkJson: string, dropped?: RequestChunk['dropped']): number {
  return utf8Length(batchBody(sdkJson, 0, { events: [], dropped })) + SENT_AT_ROOM;
}

/**
 * `event` as JSON, or a drop when it cannot be serialised (`invalid`: a cycle, a BigInt, a
 * throwing `toJSON`) or is over `maxBytes` (`event_too_large`).
 */
function serializeEvent(event: WireEvent, maxBytes: number): SerializedEvent | TransportDrop {
  const id = event.id;
  let json: string | undefined;
  try {
    json = JSON.stringify(event);
  } catch (error) {
    return { id, reason: 'invalid', error };
  }
  if (json === undefined) return { id, reason: 'invalid' };
  const bytes = utf8Length(json);
  return bytes > maxBytes ? { id, reason: 'event_too_large' } : { id, json, bytes };
}

/**
 * Serialises `events` in order: those that fit in `maxBytes` come back, the others are pushed
 * onto `drops` (see {@link serializeEvent}).
 */
export function serializeEvents(
  events: readonly WireEvent[],
  maxBytes: number,
  drops: TransportDrop[],
): SerializedEvent[] {
  const serialized: SerializedEvent[] = [];
  for (const event of events) {
    const one = serializeEvent(event, maxBytes);
    if ('json' in one) serialized.push(one);
    else drops.push(one);
  }
  return serialized;
}

/**
 * Cuts events into requests of at most `limits.batchSize` events and `limits.maxBatchBytes`
 * bytes, in order; `dropped` rides in the first. Every event must fit in a request of its own
 * (see {@link serializeEvent}).
 *
 * @example
 * packChunks(serialized, { buffer_overflow: 2 }, sdkJson, { batchSize: 100, maxBatchBytes: 512 * 1024 });
 */
export function packChunks(
  events: readonly SerializedEvent[],
  dropped: RequestChunk['dropped'],
  sdkJson: string,
  limits: ChunkLimits,
): RequestChunk[] {
  const chunks: RequestChunk[] = [];
  const base = envelopeBytes(sdkJson);
  let current: SerializedEvent[] = [];
  let currentDropped = dropped;
  let bytes = dropped === undefined ? base : envelopeBytes(sdkJson, dropped);
  for (const event of events) {
    const added = event.bytes + (current.length > 0 ? 1 : 0);
    const full = current.length >= limits.batchSize || bytes + added > limits.maxBatchBytes;
    if (full && (current.length > 0 || currentDropped !== undefined)) {
      chunks.push({ events: current, dropped: currentDropped });
      current = [];
      currentDropped = undefined;
      bytes = base;
    }
    current.push(event);
    bytes += event.bytes + (current.length > 1 ? 1 : 0);
  }
  if (current.length > 0 || currentDropped !== undefined) {
    chunks.push({ events: current, dropped: currentDropped });
  }
  return chunks;
}
