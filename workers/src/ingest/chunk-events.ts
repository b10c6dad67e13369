import type { EventChunk } from '../db/events-repo.js';
import { utf8Length } from './utf8-length.js';

/** One event to store. */
export interface EventRow {
  readonly id: string;
  /** `user.id` as text, for erasure by user; `null` when the event names no user. */
  readonly userId: string | null;
  /** When it happened, integer ms. */
  readonly timestamp: number;
  readonly occurrences: number;
  readonly category: string;
  readonly severity: string;
  /** The stored event as JSON (see `EventChunk.rows`). */
  readonly payload: string;
  /** UTF-8 size of `payload`. */
  readonly bytes: number;
}

/** The events of one issue, and what the issue is made with if it does not exist yet. */
export interface IssueEvents {
  /** Deterministic from (project, fingerprint). */
  readonly id: string;
  readonly fingerprint: string;
  readonly title: string;
  readonly type: string;
  readonly category: string;
  readonly severity: string;
  readonly events: readonly EventRow[];
}

/**
 * Largest JSON parameter: D1 refuses strings over its row-size limit (1 000 000 bytes on older
 * accounts, 2 000 000 now), so each array of a chunk stays under the smaller with room to spare.
 * @see https://developers.cloudflare.com/d1/platform/limits/
 */
export const CHUNK_BYTES = 900_000;

/** One chunk being filled. */
interface Filling {
  rows: string[];
  index: string[];
  rowBytes: number;
  indexBytes: number;
}

function empty(): Filling {
  return { rows: [], index: [], rowBytes: 2, indexBytes: 2 };
}

function close(chunk: Filling): EventChunk {
  return { rows: `[${chunk.rows.join(',')}]`, index: `[${chunk.index.join(',')}]` };
}

/**
 * The events of a write as {@link EventChunk}s whose two arrays are each at most `budget` bytes
 * (default {@link CHUNK_BYTES}); an event larger than that goes alone, but stored events are at
 * most 256 KiB. Any body up to the default 1 MiB limit makes one or two chunks, and every chunk
 * costs three statements, so the statements per request do not grow with the number of events.
 *
 * @example
 * const chunks = chunkEvents(issues); // issues grouped by fingerprint
 */
export function chunkEvents(issues: readonly IssueEvents[], budget = CHUNK_BYTES): EventChunk[] {
  const chunks: EventChunk[] = [];
  let chunk = empty();
  for (const issue of issues) {
    const issueId = JSON.stringify(issue.id);
    const { fingerprint, title, type, category, severity } = issue;
    const head = `,"h":${JSON.stringify({ fingerprint, title, type, category, severity })}`;
    const headBytes = utf8Length(head);
    let headed = false; // the issue's head is in the current chunk
    for (const event of issue.events) {
      const user = JSON.stringify(event.userId);
      const row = `{"s":${issueId},"u":${user},"p":${event.payload}}`;
      // {"s":,"u":,"p":} and a comma are 17 bytes; ids, categories and severities are ASCII.
      const rowBytes = issueId.length + utf8Length(user) + event.bytes + 17;
      const entry = `{"i":${JSON.stringify(event.id)},"s":${issueId},"t":${event.timestamp},"n":${event.occurrences},"c":${JSON.stringify(event.category)},"v":${JSON.stringify(event.severity)}`;
      const entryBytes = (withHead: boolean) => entry.length + 2 + (withHead ? headBytes : 0);
      const full =
        chunk.rowBytes + rowBytes > budget || chunk.indexBytes + entryBytes(!headed) > budget;
      if (full && chunk.rows.length > 0) {
        chunks.push(close(chunk));
        chunk = empty();
        headed = false;
      }
      chunk.rows.push(row);
      chunk.rowBytes += rowBytes;
      chunk.index.push(`${entry}${headed ? '' : head}}`);
      chunk.indexBytes += entryBytes(!headed);
      headed = true;
    }
  }
  if (chunk.rows.length > 0) chunks.push(close(chunk));
  return chunks;
}
