/**
 * The last bound on an event the SDK built: scrubbing replaces secrets with markers that may be
 * longer than what they replace (`token=1` becomes `token=[Filtered]`), so a string cut to its
 * limit before scrubbing can pass it after. This cuts every string of a scrubbed event back to
 * the limit of its place in the wire schema, so the collector never refuses the event for it.
 *
 * @module
 */
import { boundFrames } from '../errors/to-wire-error.js';
import type { StackFrame } from '../stack/stack-frame.js';
import type { WireEvent } from './event-schema.js';
import { WIRE_LIMITS as L } from './limits.js';
import { toPlainData, truncate } from './to-plain-data.js';

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
  if (event.frames !== undefined) record.frames = boundFrames(event.frames as StackFrame[]);
  for (const cause of (event.causes ?? []) as unknown as Data[]) {
    fitText(cause, 'type', L.nameLength);
    fitText(cause, 'name', L.nameLength);
    fitText(cause, 'message', L.messageLength);
    if (cause.frames !== undefined) cause.frames = boundFrames(cause.frames as StackFrame[]);
  }
  for (const crumb of (event.breadcrumbs ?? []) as unknown as Data[]) {
    fitText(crumb, 'category', L.nameLength);
    fitText(crumb, 'message', L.messageLength);
    if (crumb.data !== undefined) crumb.data = toPlainData(crumb.data);
  }
  if (event.tags !== undefined) {
    const tags = event.tags as Record<string, string>;
    for (const key of Object.keys(tags)) fitText(tags, key, L.tagValueLength);
  }
  // Free-form data goes through the bounding it had before scrubbing, once more.
  if (event.context !== undefined) record.context = toPlainData(event.context);
  if (event.user !== undefined) record.user = toPlainData(event.user);
}
