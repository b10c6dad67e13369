/**
 * The last bound on an event the SDK built: scrubbing replaces secrets with markers that may be
 * longer than what they replace (`token=1` becomes `token=[Filtered]`), so a string cut to its
 * limit before scrubbing can pass it after. This cuts every string of a scrubbed event back to
 * the limit of its place in the wire schema, so the collector never refuses the event for it.
 *
 * @module
 */
import type { WireEvent } from './event-schema.js';
import { WIRE_LIMITS as L } from './limits.js';
import { truncate } from './to-plain-data.js';

type Data = Record<string, unknown>;

const TOP_LEVEL: Readonly<Record<string, number>> = {
  subcategory: L.nameLength,
  message: L.messageLength,
  name: L.nameLength,
  stack: L.stackLength,
  correlationId: L.idLength,
  release: L.nameLength,
  environment: L.nameLength,
  url: L.urlLength,
  userAgent: L.urlLength,
};

function fitText(record: Data, key: string, max: number): void {
  const value = record[key];
  if (typeof value === 'string' && value.length > max) record[key] = truncate(value, max);
}

function fitFrames(frames: unknown): void {
  if (!Array.isArray(frames)) return;
  for (const frame of frames as Data[]) {
    fitText(frame, 'function', L.frameFieldLength);
    fitText(frame, 'file', L.frameFieldLength);
  }
}

/** Free-form data (`context`, `user`, breadcrumb `data`), which `toPlainData` made plain. */
function fitData(value: unknown): unknown {
  if (typeof value === 'string') return truncate(value, L.dataStringLength);
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = fitData(value[i]);
    return value;
  }
  const record = value as Data;
  for (const key of Object.keys(record)) {
    const item = fitData(record[key]);
    if (key.length > L.dataKeyLength) {
      delete record[key];
      record[truncate(key, L.dataKeyLength)] = item;
    } else record[key] = item;
  }
  return record;
}

/**
 * Cuts, in place, every string of `event` (scrubbed, built by the SDK within the wire's counts
 * and depths) that is over the limit of its place in the wire schema.
 *
 * @example
 * const scrubbed = scrub(event);
 * fitWireLimits(scrubbed);
 */
export function fitWireLimits(event: WireEvent): void {
  const record = event as unknown as Data;
  for (const key in TOP_LEVEL) fitText(record, key, TOP_LEVEL[key]!);
  fitFrames(event.frames);
  for (const cause of (event.causes ?? []) as unknown as Data[]) {
    fitText(cause, 'type', L.nameLength);
    fitText(cause, 'name', L.nameLength);
    fitText(cause, 'message', L.messageLength);
    fitFrames(cause.frames);
  }
  for (const crumb of (event.breadcrumbs ?? []) as unknown as Data[]) {
    fitText(crumb, 'category', L.nameLength);
    fitText(crumb, 'message', L.messageLength);
    if (crumb.data !== undefined) fitData(crumb.data);
  }
  if (event.tags !== undefined) {
    const tags = event.tags as Record<string, string>;
    for (const key of Object.keys(tags)) fitText(tags, key, L.tagValueLength);
  }
  if (event.context !== undefined) fitData(event.context);
  if (event.user !== undefined) fitData(event.user);
}
