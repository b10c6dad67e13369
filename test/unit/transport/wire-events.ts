// Valid wire events for transport tests, and a way to read a request body back.
import { gunzipSync } from 'node:zlib';
import type { WireEvent } from '../../../src/wire/event-schema.js';

/** `count` valid events with ids `event-0001`, `event-0002`, …; `messageBytes` pads each one. */
export function wireEvents(count: number, messageBytes = 20, from = 1): WireEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `event-${String(from + i).padStart(4, '0')}`,
    timestamp: 1_700_000_000_000,
    type: 'network_error',
    code: 3001,
    category: 'external',
    subcategory: 'network',
    severity: 'medium',
    message: 'x'.repeat(messageBytes),
  }));
}

/** The ids of `events`. */
export const ids = (events: readonly { id: string }[]) => events.map((event) => event.id);

/** A request body as the collector reads it: gunzipped when declared so, then parsed. */
export function readBatch(body: Uint8Array | string, encoding: string | null | undefined) {
  const bytes = typeof body === 'string' ? Buffer.from(body) : Buffer.from(body);
  const text = encoding === 'gzip' ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
  return JSON.parse(text) as {
    sdk: { name: string; version: string };
    sentAt: number;
    events: WireEvent[];
    dropped?: Record<string, number>;
  };
}
