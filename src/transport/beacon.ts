/**
 * The page-hide path (SPEC §4): one last request the browser delivers after the page is gone,
 * through `navigator.sendBeacon`, else `fetch(…, { keepalive: true })`. Both carry at most
 * 64 KiB in flight and cannot be read back, so a beacon is a hint, never an acknowledgement.
 * It is a CORS-simple request — `text/plain`, the key in `?key=` (SPEC §5), no custom header
 * and no `content-encoding` — because a preflight would not outlive the page.
 *
 * @module
 */
import type { Clock } from '../runtime/clock.js';
import { batchBody, envelopeBytes, packChunks, serializeEvents } from './batch-body.js';
import { OWN_REQUEST } from './own-request.js';
import type { OutgoingBatch } from './transport.js';

/**
 * The most a beacon carries, in bytes: browsers refuse `sendBeacon` and keepalive fetches
 * beyond 64 KiB in flight (Fetch standard, "inflight keepalive bytes").
 *
 * @see https://fetch.spec.whatwg.org/#http-network-or-cache-fetch
 */
export const BEACON_MAX_BYTES = 65_536;

/** The part of `navigator` a beacon uses. */
export interface BeaconNavigator {
  sendBeacon?(url: string, data?: BodyInit | null): boolean;
}

/** What {@link sendBeacon} needs. */
export interface BeaconOptions {
  /** `${endpoint}/v1/events?key=…`. */
  readonly url: string;
  /** `JSON.stringify` of the batch's `sdk`. */
  readonly sdkJson: string;
  /** Most events in the beacon. */
  readonly batchSize: number;
  /** The keepalive fallback; `undefined` where there is none. */
  readonly fetch: typeof fetch | undefined;
  /** Looked up when the beacon is sent, never at import time (STYLE §2 item 4). */
  readonly navigator: () => BeaconNavigator | undefined;
  readonly clock: Clock;
}

/** The page's `navigator`, if this runtime has one with `sendBeacon`. */
export function globalNavigator(): BeaconNavigator | undefined {
  return (globalThis as { navigator?: BeaconNavigator }).navigator;
}

/**
 * Sends the longest prefix of the batch's events that fits in {@link BEACON_MAX_BYTES} (events
 * that cannot be serialised or fit alone are left out). Drop counts never ride along: nothing
 * would say whether they arrived, and counting them twice would be wrong, whereas events are
 * ingested idempotently by id. Never throws.
 *
 * @returns the ids handed to the browser; none when neither mechanism exists or both refuse.
 * @example
 * const ids = sendBeacon({ events }, { url, sdkJson, batchSize: 100, fetch, navigator: globalNavigator, clock });
 */
export function sendBeacon(batch: OutgoingBatch, options: BeaconOptions): string[] {
  const { sdkJson, batchSize } = options;
  const room = BEACON_MAX_BYTES - envelopeBytes(sdkJson);
  // At most one beacon's worth is serialised: the page is going away.
  const serialized = serializeEvents(batch.events.slice(0, batchSize), room, []);
  const limits = { batchSize, maxBatchBytes: BEACON_MAX_BYTES };
  const chunk = packChunks(serialized, undefined, sdkJson, limits)[0];
  if (chunk === undefined) return [];
  const body = batchBody(sdkJson, options.clock.now(), chunk);
  return handOff(body, options) ? chunk.events.map((event) => event.id) : [];
}

function handOff(body: string, options: BeaconOptions): boolean {
  const { url } = options;
  try {
    const navigator = options.navigator();
    // A string body is sent as text/plain;charset=UTF-8, CORS-safelisted.
    if (typeof navigator?.sendBeacon === 'function' && navigator.sendBeacon(url, body)) return true;
  } catch {
    // sendBeacon throws on a bad URL or a blocked scheme: try the fallback.
  }
  const fetchFn = options.fetch;
  if (fetchFn === undefined) return false;
  try {
    const init = {
      method: 'POST',
      body,
      keepalive: true, // not in every runtime's RequestInit type; browsers honour it
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      [OWN_REQUEST]: true,
    } as RequestInit & { [OWN_REQUEST]: true };
    fetchFn(url, init).then(
      (response) => response.body?.cancel().catch(() => {}),
      () => {},
    );
    return true;
  } catch {
    return false;
  }
}
