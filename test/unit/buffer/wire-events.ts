// Valid wire events for buffer tests: `wireEvent(7)` has id `event-000007`.
import type { WireEvent } from '../../../src/wire/event-schema.js';

type Severity = WireEvent['severity'];

/** A minimal valid wire event numbered `n`; `message` pads it to grow its size. */
export function wireEvent(
  n: number,
  severity: Severity = 'medium',
  message = `boom ${n}`,
): WireEvent {
  return {
    id: `event-${String(n).padStart(6, '0')}`,
    timestamp: 1_700_000_000_000 + n,
    type: 'network_error',
    code: 4101,
    category: 'external',
    subcategory: 'network',
    severity,
    message,
  };
}

/** The numbers of events, from their ids. */
export function numbers(events: readonly { id: string }[]): number[] {
  return events.map((e) => Number(e.id.slice('event-'.length)));
}

/** Bytes of UTF-8 JSON, measured the slow, obvious way. */
export function jsonBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}
