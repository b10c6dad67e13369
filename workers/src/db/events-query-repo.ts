import type { PageCursor } from '../query/cursor.js';
import type { Page } from './issues-repo.js';

/**
 * A stored event as the query API returns it: the scrubbed wire event (SPEC §6) plus where it
 * was grouped and when the collector stored it.
 */
export type EventView = Record<string, unknown> & {
  readonly id: string;
  readonly timestamp: number;
  readonly issueId: string;
  /** When the collector stored it, ms since the epoch. */
  readonly receivedAt: number;
};

/** An event found by correlation id, with a summary of its issue. */
export type CorrelatedEventView = EventView & {
  readonly issue: { readonly id: string; readonly title: string; readonly status: string } | null;
};

/** How many and from where (keyset on `timestamp`, then id, newest first). */
export interface EventPageQuery {
  readonly limit: number;
  readonly after?: Pick<PageCursor, 'key' | 'id'> | undefined;
}

/** One row of the `events` table as the query API reads it (`user_id` is never returned). */
export interface EventRow {
  id: string;
  issue_id: string;
  timestamp: number;
  received_at: number;
  type: string;
  category: string;
  severity: string;
  message: string;
  occurrences: number;
  correlation_id: string | null;
  payload: string;
}

const EVENT_COLUMNS = `e.id, e.issue_id, e.timestamp, e.received_at, e.type, e.category,
  e.severity, e.message, e.occurrences, e.correlation_id, e.payload`;

function parsePayload(row: EventRow): Record<string, unknown> {
  try {
    const payload: unknown = JSON.parse(row.payload);
    if (typeof payload === 'object' && payload !== null && !Array.isArray(payload)) {
      return payload as Record<string, unknown>;
    }
  } catch {
    // fall through: rebuild what the columns hold
  }
  const { type, category, severity, message, occurrences } = row;
  return {
    type,
    category,
    severity,
    message,
    occurrences,
    ...(row.correlation_id === null ? {} : { correlationId: row.correlation_id }),
    payloadUnreadable: true,
  };
}

function toEventView(row: EventRow): EventView {
  return {
    ...parsePayload(row),
    id: row.id,
    timestamp: row.timestamp,
    issueId: row.issue_id,
    receivedAt: row.received_at,
  };
}

async function pageOf<R extends EventRow, T>(
  statement: D1PreparedStatement,
  limit: number,
  view: (row: R) => T,
): Promise<Page<T>> {
  const { results } = await statement.all<R>();
  return { items: results.slice(0, limit).map(view), hasMore: results.length > limit };
}

function afterClause(page: EventPageQuery): [string, unknown[]] {
  if (page.after === undefined) return ['', []];
  return ['AND (e.timestamp, e.id) < (?, ?)', [page.after.key, page.after.id]];
}

/** One page of an issue's events, newest first. */
export async function listIssueEvents(
  db: D1Database,
  projectId: string,
  issueId: string,
  page: EventPageQuery,
): Promise<Page<EventView>> {
  const [after, afterBinds] = afterClause(page);
  const statement = db
    .prepare(
      `SELECT ${EVENT_COLUMNS} FROM events e
      WHERE e.project_id = ? AND e.issue_id = ? ${after}
      ORDER BY e.timestamp DESC, e.id DESC LIMIT ?`,
    )
    .bind(projectId, issueId, ...afterBinds, page.limit + 1);
  return pageOf(statement, page.limit, toEventView);
}

interface CorrelatedRow extends EventRow {
  issue_title: string | null;
  issue_status: string | null;
}

function toCorrelatedView(row: CorrelatedRow): CorrelatedEventView {
  const issue =
    row.issue_title === null || row.issue_status === null
      ? null
      : { id: row.issue_id, title: row.issue_title, status: row.issue_status };
  return { ...toEventView(row), issue };
}

/**
 * One page of a project's events sharing a correlation id — a browser error next to the
 * backend events of the same request — newest first, each with its issue's title and status.
 */
export async function listCorrelatedEvents(
  db: D1Database,
  projectId: string,
  correlationId: string,
  page: EventPageQuery,
): Promise<Page<CorrelatedEventView>> {
  const [after, afterBinds] = afterClause(page);
  const statement = db
    .prepare(
      `SELECT ${EVENT_COLUMNS}, i.title AS issue_title, i.status AS issue_status
      FROM events e LEFT JOIN issues i ON i.id = e.issue_id AND i.project_id = e.project_id
      WHERE e.project_id = ? AND e.correlation_id = ? ${after}
      ORDER BY e.timestamp DESC, e.id DESC LIMIT ?`,
    )
    .bind(projectId, correlationId, ...afterBinds, page.limit + 1);
  return pageOf(statement, page.limit, toCorrelatedView);
}
