// Builders for the ingest tests: wire events, batches, requests and D1 reads.
import { SELF, env } from 'cloudflare:test';
import type { EventRow } from '../../workers/src/db/events-query-repo.js';

/** The acme project's public key and allowed origin (test/workers/projects.ts). */
export const ACME_KEY = 'acme-public-key-1';
export const ACME_ORIGIN = 'https://app.acme.test';
export const INGEST_URL = 'http://collector.test/v1/events';

/** A fresh event id. */
export function eventId(): string {
  return crypto.randomUUID();
}

/** A word no other test uses, to keep fingerprints (and so issues) apart. */
export function uniqueWord(): string {
  // Letters only: a run of letters and digits is a random token to the fingerprint, which
  // would group every test's messages into one issue.
  const hex = crypto.randomUUID().replaceAll('-', '');
  return `w${hex.replace(/\d/g, (digit) => 'ghijklmnop'[Number(digit)]!)}`;
}

/** A valid wire event (SPEC §6); `overrides` win. */
export function wireEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: eventId(),
    timestamp: Date.now(),
    type: 'programming_error',
    code: 2403,
    category: 'system',
    subcategory: 'runtime',
    severity: 'high',
    message: `Cannot read properties of undefined (reading '${uniqueWord()}')`,
    frames: [{ function: 'Cart.total', file: 'https://shop.example/static/main.js', line: 1 }],
    ...overrides,
  };
}

/** A batch envelope around `events`. */
export function batchOf(events: unknown[], extra: Record<string, unknown> = {}) {
  return {
    sdk: { name: 'faultline.test', version: '0.1.0' },
    sentAt: Date.now(),
    events,
    ...extra,
  };
}

/** Options of {@link postBatch}. */
export interface PostOptions {
  /** Public key sent in `x-faultline-key`; `null` for none. Default acme's. */
  readonly key?: string | null;
  /** Query string, e.g. `?key=…`. */
  readonly query?: string;
  readonly headers?: Record<string, string>;
}

/** POSTs `body` to the collector: text, bytes and streams as they are, anything else as JSON. */
export function postBatch(body: unknown, options: PostOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const key = options.key === undefined ? ACME_KEY : options.key;
  if (key !== null) headers['x-faultline-key'] = key;
  const payload =
    typeof body === 'string' || body instanceof Uint8Array || body instanceof ReadableStream
      ? body
      : JSON.stringify(body);
  return SELF.fetch(INGEST_URL + (options.query ?? ''), {
    method: 'POST',
    headers: { ...headers, ...options.headers },
    body: payload,
  });
}

/** `bytes` gzipped with CompressionStream. */
export async function gzip(bytes: Uint8Array | string): Promise<Uint8Array> {
  const input = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  const stream = new Blob([input]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The 202 body. */
export interface IngestAnswer {
  accepted: number;
  duplicate: number;
  rejected: { index: number; error: Record<string, unknown> }[];
}

/** One stored event row, every column. */
export type EventRowView = EventRow & { user_id: string | null };

/** Stored rows of a project's events with these ids. */
export async function storedEvents(ids: string[], projectId = 'acme'): Promise<EventRowView[]> {
  const { results } = await env.DB.prepare(
    'SELECT * FROM events WHERE project_id = ? AND id IN (SELECT value FROM json_each(?))',
  )
    .bind(projectId, JSON.stringify(ids))
    .all<EventRowView>();
  return results;
}

/** One issue row. */
export interface IssueRowView {
  id: string;
  fingerprint: string;
  title: string;
  type: string;
  category: string;
  severity: string;
  first_seen: number;
  last_seen: number;
  count: number;
  status: string;
  resolved_at: number | null;
  regressed_at: number | null;
}

/** The issue of a stored event. */
export async function issueOf(eventIdValue: string, projectId = 'acme'): Promise<IssueRowView> {
  const issue = await env.DB.prepare(
    `SELECT i.* FROM issues AS i JOIN events AS e ON e.issue_id = i.id
     WHERE e.project_id = ? AND e.id = ?`,
  )
    .bind(projectId, eventIdValue)
    .first<IssueRowView>();
  if (issue === null) throw new Error(`no issue for event ${eventIdValue}`);
  return issue;
}
