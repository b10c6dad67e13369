import type { PageCursor } from '../query/cursor.js';

/** The states of an issue (the `issues.status` CHECK constraint). */
export const ISSUE_STATUSES = ['open', 'resolved', 'ignored'] as const;

/** The state of an issue. */
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

/** The orderings of the issue list. */
export const ISSUE_SORTS = ['lastSeen', 'firstSeen', 'count'] as const;

/** What the issue list is ordered by. */
export type IssueSort = (typeof ISSUE_SORTS)[number];

/** An issue as the query API returns it. Times are ms since the epoch. */
export interface IssueView {
  readonly id: string;
  readonly fingerprint: string;
  /** The scrubbed message of the issue's first event. */
  readonly title: string;
  readonly type: string;
  readonly category: string;
  readonly severity: string;
  /** Sum of the events' `occurrences`. */
  readonly count: number;
  readonly firstSeen: number;
  readonly lastSeen: number;
  readonly status: IssueStatus;
  /** When it was marked resolved; `null` unless `status` is `resolved`. */
  readonly resolvedAt: number | null;
  /** The last time it recurred after being resolved; `null` if it never did. */
  readonly regressedAt: number | null;
}

/** Filters, ordering and page of the issue list. */
export interface IssueListQuery {
  /** `lastSeen` at or after, ms. */
  readonly from?: number | undefined;
  /** `lastSeen` before, ms. */
  readonly to?: number | undefined;
  readonly statuses?: readonly string[] | undefined;
  readonly categories?: readonly string[] | undefined;
  readonly severities?: readonly string[] | undefined;
  /** Title contains this text, ignoring ASCII case. */
  readonly text?: string | undefined;
  readonly sort: IssueSort;
  readonly order: 'asc' | 'desc';
  readonly limit: number;
  /** Start after this row (keyset pagination). */
  readonly after?: Pick<PageCursor, 'key' | 'id'> | undefined;
}

/** One page of rows and whether more follow. */
export interface Page<T> {
  readonly items: T[];
  readonly hasMore: boolean;
}

const ISSUE_COLUMNS = `id, fingerprint, title, type, category, severity, count,
  first_seen AS firstSeen, last_seen AS lastSeen, status,
  resolved_at AS resolvedAt, regressed_at AS regressedAt`;

// Whitelisted: the only way a sort reaches the SQL text.
const SORT_COLUMN: Readonly<Record<IssueSort, string>> = {
  lastSeen: 'last_seen',
  firstSeen: 'first_seen',
  count: 'count',
};

/** Escapes `%`, `_` and the escape character itself for `LIKE … ESCAPE '\'`. */
function likeContaining(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** A WHERE clause built from fixed fragments, with every value bound. */
function whereBuilder(projectId: string) {
  const clauses = ['project_id = ?'];
  const binds: unknown[] = [projectId];
  return {
    clauses,
    binds,
    add(clause: string, ...values: unknown[]) {
      clauses.push(clause);
      binds.push(...values);
    },
    addIn(column: string, values: readonly string[]) {
      clauses.push(`${column} IN (${values.map(() => '?').join(', ')})`);
      binds.push(...values);
    },
  };
}

/**
 * The sort key of an issue under an ordering (what a cursor records).
 *
 * @example
 * sortKeyOf(issue, 'count'); // issue.count
 */
export function sortKeyOf(issue: IssueView, sort: IssueSort): number {
  return issue[sort];
}

/** One page of a project's issues, filtered and ordered, ties broken by id. */
export async function listIssues(
  db: D1Database,
  projectId: string,
  query: IssueListQuery,
): Promise<Page<IssueView>> {
  const where = whereBuilder(projectId);
  if (query.from !== undefined) where.add('last_seen >= ?', query.from);
  if (query.to !== undefined) where.add('last_seen < ?', query.to);
  if (query.statuses !== undefined) where.addIn('status', query.statuses);
  if (query.categories !== undefined) where.addIn('category', query.categories);
  if (query.severities !== undefined) where.addIn('severity', query.severities);
  if (query.text !== undefined) where.add("title LIKE ? ESCAPE '\\'", likeContaining(query.text));
  const column = SORT_COLUMN[query.sort];
  const direction = query.order === 'asc' ? 'ASC' : 'DESC';
  if (query.after !== undefined) {
    const op = query.order === 'asc' ? '>' : '<';
    where.add(`(${column}, id) ${op} (?, ?)`, query.after.key, query.after.id);
  }
  const sql = `SELECT ${ISSUE_COLUMNS} FROM issues WHERE ${where.clauses.join(' AND ')}
    ORDER BY ${column} ${direction}, id ${direction} LIMIT ?`;
  const { results } = await db
    .prepare(sql)
    .bind(...where.binds, query.limit + 1)
    .all<IssueView>();
  return { items: results.slice(0, query.limit), hasMore: results.length > query.limit };
}

/** One issue of a project; `null` when the project has no issue with that id. */
export async function getIssue(
  db: D1Database,
  projectId: string,
  issueId: string,
): Promise<IssueView | null> {
  return db
    .prepare(`SELECT ${ISSUE_COLUMNS} FROM issues WHERE project_id = ? AND id = ?`)
    .bind(projectId, issueId)
    .first<IssueView>();
}

/**
 * Sets an issue's status. `resolved_at` is `now` when it becomes resolved (kept when it already
 * was) and cleared when it leaves `resolved`, so it is set exactly while the issue is resolved.
 * Returns the updated issue, or `null` when the project has no issue with that id.
 */
export async function setIssueStatus(
  db: D1Database,
  projectId: string,
  issueId: string,
  status: IssueStatus,
  now: number,
): Promise<IssueView | null> {
  return db
    .prepare(
      `UPDATE issues SET status = ?1,
        resolved_at = CASE WHEN ?1 = 'resolved' THEN
          COALESCE(CASE WHEN status = 'resolved' THEN resolved_at END, ?2) END
      WHERE project_id = ?3 AND id = ?4
      RETURNING ${ISSUE_COLUMNS}`,
    )
    .bind(status, now, projectId, issueId)
    .first<IssueView>();
}
