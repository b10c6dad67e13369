/**
 * One chunk of an ingest write: two JSON arrays over the same events, each within D1's size
 * limit for a bound value (see `chunkEvents`).
 */
export interface EventChunk {
  /**
   * `[{ s: issueId, u: userId | null, p: payload }]`: what the events table stores, `p` being
   * the stored event, a wire event (SPEC §6) with `id`, `timestamp` (integer ms), `type`,
   * `category`, `severity`, `message` and `occurrences` present.
   */
  readonly rows: string;
  /**
   * `[{ i: eventId, s: issueId, t: timestamp, n: occurrences, c: category, v: severity,
   * h?: { fingerprint, title, type, category, severity } }]`: what issues and buckets are
   * counted from, small so those statements never parse or sort the payloads. `h`, what a new
   * issue is made with, rides on the first row of each issue in the chunk.
   */
  readonly index: string;
}

/** Everything one ingest request writes. */
export interface IngestWrite {
  readonly projectId: string;
  /** When the collector received the batch, ms since the epoch. */
  readonly receivedAt: number;
  /** The events, ids unique across the whole write. */
  readonly chunks: readonly EventChunk[];
  /** Every event id of the write (JSON array): tells a replayed batch for drop counts. */
  readonly eventIds: string;
  /** Client drop counts by reason (zero counts are skipped). */
  readonly dropped: Readonly<Record<string, number>>;
}

// A chunk's events arrive as JSON parameters unpacked with json_each (see EventChunk): three
// statements per chunk, whatever the number of events. Issues and buckets count only the events
// not stored yet (NOT EXISTS) and run before the events are inserted; D1 runs a batch as one
// transaction, one write at a time, so counts stay exact under concurrent and replayed batches.
// They read the small index, never the payloads: parsing, and above all sorting, a payload per
// row for GROUP BY cost tens of milliseconds per batch.
const NOT_STORED = `NOT EXISTS (SELECT 1 FROM events AS e
  WHERE e.project_id = ?1 AND e.id = r.value ->> 'i')`;

// A resolved issue that gets a new event that happened after it was resolved is open again (a
// regression): resolved_at is cleared, as it is set exactly while an issue is resolved
// (issues-repo setIssueStatus). An event from before the resolve that arrives late (an offline
// buffer draining) is counted but reopens nothing. The CTE is materialised so NOT EXISTS runs
// once per row, not once per aggregate that reads it.
const RECURS = `issues.status = 'resolved'
  AND (issues.resolved_at IS NULL OR excluded.last_seen > issues.resolved_at)`;
const UPSERT_ISSUES = `WITH chunk AS MATERIALIZED (
    SELECT r.value ->> 's' AS issue, r.value -> 'h' AS head, r.value ->> 't' AS ts,
      r.value ->> 'n' AS n, ${NOT_STORED} AS new
    FROM json_each(?2) AS r)
  INSERT INTO issues
    (id, project_id, fingerprint, title, type, category, severity, first_seen, last_seen, count)
  SELECT issue, ?1, MAX(head ->> 'fingerprint'), MAX(head ->> 'title'), MAX(head ->> 'type'),
    MAX(head ->> 'category'), MAX(head ->> 'severity'), MIN(ts) FILTER (WHERE new),
    MAX(ts) FILTER (WHERE new), SUM(n) FILTER (WHERE new)
  FROM chunk
  GROUP BY issue
  HAVING MAX(new)
  ON CONFLICT (project_id, fingerprint) DO UPDATE SET
    count = issues.count + excluded.count,
    first_seen = MIN(issues.first_seen, excluded.first_seen),
    last_seen = MAX(issues.last_seen, excluded.last_seen),
    status = CASE WHEN ${RECURS} THEN 'open' ELSE issues.status END,
    resolved_at = CASE WHEN ${RECURS} THEN NULL ELSE issues.resolved_at END,
    regressed_at = CASE WHEN ${RECURS} THEN ?3 ELSE issues.regressed_at END`;

const UPSERT_BUCKETS = `INSERT INTO event_buckets (project_id, minute, category, severity, count)
  SELECT ?1, ?3, r.value ->> 'c', r.value ->> 'v', SUM(r.value ->> 'n')
  FROM json_each(?2) AS r
  WHERE ${NOT_STORED}
  GROUP BY 3, 4
  ON CONFLICT (project_id, minute, category, severity) DO UPDATE SET
    count = event_buckets.count + excluded.count`;

// ON CONFLICT DO NOTHING rather than INSERT OR IGNORE: only a known id is skipped, never a row
// that breaks another constraint.
const INSERT_EVENTS = `INSERT INTO events (project_id, id, issue_id, timestamp, received_at, type,
    category, severity, message, occurrences, correlation_id, user_id, payload)
  SELECT ?1, r.value ->> '$.p.id', r.value ->> 's', r.value ->> '$.p.timestamp', ?3,
    r.value ->> '$.p.type', r.value ->> '$.p.category', r.value ->> '$.p.severity',
    r.value ->> '$.p.message', r.value ->> '$.p.occurrences', r.value ->> '$.p.correlationId',
    r.value ->> 'u', r.value -> '$.p'
  FROM json_each(?2) AS r
  WHERE true
  ON CONFLICT (project_id, id) DO NOTHING`;

// Drop counts carry no id, so a replayed batch is recognised by its events: the counts are
// added when the batch holds no event (?4 is '[]') or at least one not stored yet. Runs first.
const ADD_DROPPED = `INSERT INTO dropped_counts (project_id, minute, reason, count)
  SELECT ?1, ?2, d.key, d.value FROM json_each(?3) AS d
  WHERE d.value > 0 AND (json_array_length(?4) = 0 OR EXISTS (
    SELECT 1 FROM json_each(?4) AS x
    WHERE NOT EXISTS (SELECT 1 FROM events AS e WHERE e.project_id = ?1 AND e.id = x.value)))
  ON CONFLICT (project_id, minute, reason) DO UPDATE SET
    count = dropped_counts.count + excluded.count`;

/**
 * Stores one ingest request in one D1 batch — one transaction, so the caller may answer 202
 * once this resolves: an acknowledged event is a stored event. Per chunk of events: issues
 * upserted by (project, fingerprint) with `count` += the new events' occurrences, first/last
 * seen widened and a resolved issue reopened by an event that happened after it was resolved
 * (`regressed_at` = `receivedAt`); per-minute
 * `event_buckets` by category and severity += the new events' occurrences; the events
 * inserted, known ids skipped. Drop counts are added per minute first.
 *
 * @returns how many events were new (the others were stored already: replays).
 * @example
 * const accepted = await writeIngest(env.DB, { projectId, receivedAt, chunks, eventIds, dropped });
 */
export async function writeIngest(db: D1Database, write: IngestWrite): Promise<number> {
  const { projectId, receivedAt } = write;
  const minute = Math.floor(receivedAt / 60_000);
  const statements: D1PreparedStatement[] = [];
  if (Object.values(write.dropped).some((count) => count > 0)) {
    statements.push(
      db
        .prepare(ADD_DROPPED)
        .bind(projectId, minute, JSON.stringify(write.dropped), write.eventIds),
    );
  }
  const inserts: number[] = [];
  for (const chunk of write.chunks) {
    statements.push(
      db.prepare(UPSERT_ISSUES).bind(projectId, chunk.index, receivedAt),
      db.prepare(UPSERT_BUCKETS).bind(projectId, chunk.index, minute),
    );
    inserts.push(statements.length);
    statements.push(db.prepare(INSERT_EVENTS).bind(projectId, chunk.rows, receivedAt));
  }
  if (statements.length === 0) return 0;
  const results = await db.batch(statements);
  return inserts.reduce((sum, at) => sum + (results[at]?.meta.changes ?? 0), 0);
}
