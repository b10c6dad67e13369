// Seeds issues, events and buckets straight into D1 (schema: workers/migrations/0002) and calls
// the collector app with an execution context whose waitUntil work is awaited, so tests of the
// query API depend neither on ingest nor on timing.
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { app } from '../../workers/src/app.js';
import { userKey } from '../../workers/src/ingest/user-key.js';

/** Read tokens of the test projects (test/workers/projects.ts). */
export const TOKENS = {
  acme: 'acme-read-token-1',
  other: 'other-read-token-1',
} as const;

/** An issue row; unset fields get plausible defaults. */
export interface IssueSeed {
  readonly id: string;
  readonly projectId?: string;
  readonly title?: string;
  readonly type?: string;
  readonly category?: string;
  readonly severity?: string;
  readonly firstSeen?: number;
  readonly lastSeen?: number;
  readonly count?: number;
  readonly status?: 'open' | 'resolved' | 'ignored';
  readonly resolvedAt?: number;
  readonly regressedAt?: number;
}

/** An event row; `payload` defaults to a wire event built from the other fields. */
export interface EventSeed {
  readonly id: string;
  readonly issueId: string;
  readonly projectId?: string;
  readonly timestamp: number;
  readonly receivedAt?: number;
  readonly category?: string;
  readonly severity?: string;
  readonly message?: string;
  readonly occurrences?: number;
  readonly correlationId?: string;
  readonly userId?: string;
  readonly payload?: string;
}

/** A per-minute bucket row. */
export interface BucketSeed {
  readonly projectId?: string;
  readonly minute: number;
  readonly category: string;
  readonly severity: string;
  readonly count: number;
}

/** Empties the tables the query API reads (storage is per test file). */
export async function clearQueryTables(): Promise<void> {
  await env.DB.batch(
    ['issues', 'events', 'event_buckets', 'audit_log'].map((t) =>
      env.DB.prepare(`DELETE FROM ${t}`),
    ),
  );
}

export async function seedIssues(seeds: readonly IssueSeed[]): Promise<void> {
  const insert = env.DB.prepare(
    `INSERT INTO issues (id, project_id, fingerprint, title, type, category, severity,
      first_seen, last_seen, count, status, resolved_at, regressed_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  await env.DB.batch(
    seeds.map((s) =>
      insert.bind(
        s.id,
        s.projectId ?? 'acme',
        `fp-${s.id}`,
        s.title ?? `Error in ${s.id}`,
        s.type ?? 'type_mismatch',
        s.category ?? 'data',
        s.severity ?? 'medium',
        s.firstSeen ?? s.lastSeen ?? 1_000,
        s.lastSeen ?? s.firstSeen ?? 1_000,
        s.count ?? 1,
        s.status ?? 'open',
        s.resolvedAt ?? null,
        s.regressedAt ?? null,
      ),
    ),
  );
}

/** The wire event (SPEC §6) an event seed stands for. */
export function wireEventOf(s: EventSeed): Record<string, unknown> {
  return {
    id: s.id,
    timestamp: s.timestamp,
    type: 'type_mismatch',
    code: 3201,
    category: s.category ?? 'data',
    subcategory: 'validation',
    severity: s.severity ?? 'medium',
    message: s.message ?? `message of ${s.id}`,
    occurrences: s.occurrences ?? 1,
    ...(s.correlationId === undefined ? {} : { correlationId: s.correlationId }),
    ...(s.userId === undefined ? {} : { user: { id: s.userId } }),
  };
}

/** `events.user_id` of a seed: the erasure key ingest would store for its `userId`. */
function userKeyOf(s: EventSeed): Promise<string> | null {
  return s.userId === undefined ? null : userKey(s.projectId ?? 'acme', s.userId);
}

export async function seedEvents(seeds: readonly EventSeed[]): Promise<void> {
  const userKeys = await Promise.all(seeds.map(userKeyOf));
  const insert = env.DB.prepare(
    `INSERT INTO events (project_id, id, issue_id, timestamp, received_at, type, category,
      severity, message, occurrences, correlation_id, user_id, payload)
    VALUES (?, ?, ?, ?, ?, 'type_mismatch', ?, ?, ?, ?, ?, ?, ?)`,
  );
  await env.DB.batch(
    seeds.map((s, i) =>
      insert.bind(
        s.projectId ?? 'acme',
        s.id,
        s.issueId,
        s.timestamp,
        s.receivedAt ?? s.timestamp + 5,
        s.category ?? 'data',
        s.severity ?? 'medium',
        s.message ?? `message of ${s.id}`,
        s.occurrences ?? 1,
        s.correlationId ?? null,
        userKeys[i] ?? null,
        s.payload ?? JSON.stringify(wireEventOf(s)),
      ),
    ),
  );
}

/**
 * Inserts `n` events of one user and issue in one statement (ids `${prefix}-1` …), `user_id`
 * being the erasure key of `userId` as ingest stores it.
 */
export async function seedManyEvents(
  n: number,
  fields: { projectId: string; issueId: string; userId: string; prefix: string },
): Promise<void> {
  await env.DB.prepare(
    `WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ?)
    INSERT INTO events (project_id, id, issue_id, timestamp, received_at, type, category,
      severity, message, occurrences, correlation_id, user_id, payload)
    SELECT ?, ? || '-' || i, ?, i, i, 'type_mismatch', 'data', 'medium', 'm', 1, NULL, ?, '{}'
    FROM seq`,
  )
    .bind(
      n,
      fields.projectId,
      fields.prefix,
      fields.issueId,
      await userKey(fields.projectId, fields.userId),
    )
    .run();
}

export async function seedBuckets(seeds: readonly BucketSeed[]): Promise<void> {
  const insert = env.DB.prepare(
    'INSERT INTO event_buckets (project_id, minute, category, severity, count) VALUES (?, ?, ?, ?, ?)',
  );
  await env.DB.batch(
    seeds.map((s) => insert.bind(s.projectId ?? 'acme', s.minute, s.category, s.severity, s.count)),
  );
}

/** Options of {@link call}. */
export interface CallOptions {
  /** Sent as `Authorization: Bearer <token>`; default the acme project's token. `null`: none. */
  readonly token?: string | null;
  readonly method?: string;
  readonly body?: string;
  readonly headers?: Record<string, string>;
  /** The bindings the app sees; default the test env. */
  readonly env?: Cloudflare.Env;
}

/** A response with its body read as JSON. */
export interface CallResult {
  readonly status: number;
  readonly headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests assert on the shape
  readonly body: any;
}

/**
 * Calls the collector app in this isolate and waits for its `waitUntil` work (the audit log)
 * before returning.
 */
export async function call(path: string, options: CallOptions = {}): Promise<CallResult> {
  const headers = new Headers(options.headers);
  const token = options.token === undefined ? TOKENS.acme : options.token;
  if (token !== null) headers.set('authorization', `Bearer ${token}`);
  const init: RequestInit = { method: options.method ?? 'GET', headers };
  // A body is only sent where a request may have one (the tests pass one for PATCH rows).
  if (options.body !== undefined && !['GET', 'HEAD'].includes(init.method ?? 'GET')) {
    init.body = options.body;
  }
  const ctx = createExecutionContext();
  const res = await app.fetch(
    new Request(`http://collector.test${path}`, init),
    options.env ?? env,
    ctx,
  );
  const text = await res.text();
  await waitOnExecutionContext(ctx);
  return { status: res.status, headers: res.headers, body: text === '' ? null : JSON.parse(text) };
}

/** The ids of a list answer, in order. */
export function idsOf(items: readonly { id: string }[]): string[] {
  return items.map((item) => item.id);
}
