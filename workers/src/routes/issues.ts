import { Hono } from 'hono';
import { z } from 'zod';
import { FaultError } from '../../../src/errors/fault-error.js';
import { listIssueEvents } from '../db/events-query-repo.js';
import {
  getIssue,
  ISSUE_STATUSES,
  listIssues,
  setIssueStatus,
  sortKeyOf,
} from '../db/issues-repo.js';
import { auditLog } from '../middleware/audit-log.js';
import { readToken, type ReadEnv } from '../middleware/read-token.js';
import { validInput } from '../middleware/valid-input.js';
import { nextCursorOf } from '../query/cursor.js';
import { issueListParams, issueListScope } from '../query/issue-list-params.js';
import { cursorParam, limitParam } from '../query/params.js';
import { parseInput } from '../query/parse-input.js';
import { readJsonBody } from '../query/read-json-body.js';

const ISSUE_EVENTS_SCOPE = 'issue-events';

const idParams = z.object({ id: z.string().min(1).max(128, 'expected an issue id') });

const eventPageParams = z
  .strictObject({ limit: limitParam, cursor: cursorParam.optional() })
  .refine((params) => params.cursor === undefined || params.cursor.scope === ISSUE_EVENTS_SCOPE, {
    path: ['cursor'],
    message: 'expected the nextCursor of a previous page of this list',
  });

const statusBody = z.strictObject({
  status: z.enum(ISSUE_STATUSES, `expected one of ${ISSUE_STATUSES.join(', ')}`),
});

function issueNotFound(id: string): FaultError {
  return new FaultError('data_not_found', `No issue ${id} in this project`, {
    captureStack: false,
  });
}

/**
 * The issues of the read token's project (SPEC §5), behind `Authorization: Bearer <read
 * token>` and audit-logged:
 *
 * - `GET /` → `{ issues: IssueView[], nextCursor: string | null }`, filters and ordering in
 *   {@link issueListParams}; newest `lastSeen` first by default.
 * - `GET /:id` → `{ issue }`.
 * - `GET /:id/events?limit&cursor` → `{ events, nextCursor }`, newest first; each event is the
 *   stored (scrubbed) wire event plus `issueId` and `receivedAt`.
 * - `PATCH /:id` `{ status: 'open' | 'resolved' | 'ignored' }` → `{ issue }`.
 *
 * An unknown id, or another project's, is 404 `data_not_found`; bad parameters are 400
 * `format_error` naming each one.
 */
export const issues = new Hono<ReadEnv>()
  .use(readToken(), auditLog())
  .get('/', validInput('query', issueListParams), async function listIssuesRoute(c) {
    const params = c.req.valid('query');
    const page = await listIssues(c.env.DB, c.get('project').id, {
      from: params.from,
      to: params.to,
      statuses: params.status,
      categories: params.category,
      severities: params.severity,
      text: params.q,
      sort: params.sort,
      order: params.order,
      limit: params.limit,
      after: params.cursor,
    });
    const scope = issueListScope(params.sort, params.order);
    const nextCursor = nextCursorOf(page, scope, (issue) => sortKeyOf(issue, params.sort));
    return c.json({ issues: page.items, nextCursor });
  })
  .get('/:id', validInput('param', idParams), async function getIssueRoute(c) {
    const { id } = c.req.valid('param');
    const issue = await getIssue(c.env.DB, c.get('project').id, id);
    if (issue === null) throw issueNotFound(id);
    return c.json({ issue });
  })
  .get(
    '/:id/events',
    validInput('param', idParams),
    validInput('query', eventPageParams),
    async function listIssueEventsRoute(c) {
      const { id } = c.req.valid('param');
      const { limit, cursor } = c.req.valid('query');
      const projectId = c.get('project').id;
      const [issue, page] = await Promise.all([
        getIssue(c.env.DB, projectId, id),
        listIssueEvents(c.env.DB, projectId, id, { limit, after: cursor }),
      ]);
      if (issue === null) throw issueNotFound(id);
      const nextCursor = nextCursorOf(page, ISSUE_EVENTS_SCOPE, (event) => event.timestamp);
      return c.json({ events: page.items, nextCursor });
    },
  )
  .patch('/:id', validInput('param', idParams), async function patchIssueRoute(c) {
    const { id } = c.req.valid('param');
    const { status } = parseInput('body', statusBody, await readJsonBody(c));
    const issue = await setIssueStatus(c.env.DB, c.get('project').id, id, status, Date.now());
    if (issue === null) throw issueNotFound(id);
    return c.json({ issue });
  });
