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

/** One event's texts in a chunk, and what its sizes are measured from. */
interface Piece {
  /** `{"s":…,"u":…,"p":…}`: its element of `rows`. */
  readonly row: string;
  /** Its element of `index`, without the closing brace (and without the head). */
  readonly entry: string;
  /** `,"h":{…}`: the head of its issue, written on the issue's first entry of each chunk. */
  readonly head: string;
  /** What the row is made of, JSON: the issue id, the user key and the payload. */
  readonly issueId: string;
  readonly user: string;
  readonly payload: string;
}

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

/** Every event's {@link Piece}, issue by issue. */
function piecesOf(issues: readonly IssueEvents[]): Piece[] {
  const pieces: Piece[] = [];
  for (const issue of issues) {
    const issueId = JSON.stringify(issue.id);
    const { fingerprint, title, type, category, severity } = issue;
    const head = `,"h":${JSON.stringify({ fingerprint, title, type, category, severity })}`;
    for (const event of issue.events) {
      const user = JSON.stringify(event.userId);
      pieces.push({
        row: `{"s":${issueId},"u":${user},"p":${event.payload}}`,
        entry: `{"i":${JSON.stringify(event.id)},"s":${issueId},"t":${event.timestamp},"n":${event.occurrences},"c":${JSON.stringify(event.category)},"v":${JSON.stringify(event.severity)}`,
        head,
        issueId,
        user,
        payload: event.payload,
      });
    }
  }
  return pieces;
}

/**
 * Whether all `pieces` fit one chunk of `budget` bytes without measuring them: each UTF-16 unit
 * is at most 3 bytes of UTF-8, so text of at most a third of the budget in units fits.
 */
function fitsUnmeasured(pieces: readonly Piece[], budget: number): boolean {
  let rowUnits = 2;
  let indexUnits = 2;
  let head = '';
  for (const piece of pieces) {
    rowUnits += piece.row.length + 1;
    indexUnits += piece.entry.length + 2;
    if (piece.head !== head) indexUnits += piece.head.length;
    head = piece.head;
  }
  return 3 * rowUnits <= budget && 3 * indexUnits <= budget;
}

/**
 * The events of a write as {@link EventChunk}s whose two arrays are each at most `budget` bytes
 * (default {@link CHUNK_BYTES}); an event larger than that goes alone, but stored events are at
 * most 256 KiB. Any body up to the default 1 MiB limit makes one or two chunks, and every chunk
 * costs three statements, so the statements per request do not grow with the number of events.
 * Sizes are measured only when the write may not fit one chunk (see {@link fitsUnmeasured}).
 *
 * @example
 * const chunks = chunkEvents(issues); // issues grouped by fingerprint
 */
export function chunkEvents(issues: readonly IssueEvents[], budget = CHUNK_BYTES): EventChunk[] {
  const pieces = piecesOf(issues);
  const measured = !fitsUnmeasured(pieces, budget);
  const chunks: EventChunk[] = [];
  let chunk = empty();
  // The head of the issue whose rows the chunk ends with (heads hold fingerprints: all differ).
  let headed = '';
  for (const piece of pieces) {
    if (measured) {
      // {"s":,"u":,"p":} and a comma are 17 bytes; ids, categories and severities are ASCII.
      const rowBytes =
        piece.issueId.length + utf8Length(piece.user) + utf8Length(piece.payload) + 17;
      const entryBytes = (fresh: boolean) =>
        piece.entry.length + 2 + (fresh ? utf8Length(piece.head) : 0);
      const full =
        chunk.rowBytes + rowBytes > budget ||
        chunk.indexBytes + entryBytes(piece.head !== headed) > budget;
      if (full && chunk.rows.length > 0) {
        chunks.push(close(chunk));
        chunk = empty();
        headed = '';
      }
      chunk.rowBytes += rowBytes;
      chunk.indexBytes += entryBytes(piece.head !== headed);
    }
    // The head goes on the issue's first row in the chunk.
    chunk.rows.push(piece.row);
    chunk.index.push(`${piece.entry}${piece.head !== headed ? piece.head : ''}}`);
    headed = piece.head;
  }
  if (chunk.rows.length > 0) chunks.push(close(chunk));
  return chunks;
}
