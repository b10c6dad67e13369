import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app } from '../../workers/src/app.js';
import { tokenIdOf } from '../../workers/src/middleware/read-token.js';
import { TOKENS, call, clearQueryTables, seedEvents, seedIssues } from './query-seed.js';

interface AuditRow {
  id: number;
  at: number;
  project_id: string;
  token_id: string;
  method: string;
  path: string;
  status: number;
}

async function auditRows(): Promise<AuditRow[]> {
  const { results } = await env.DB.prepare('SELECT * FROM audit_log ORDER BY id').all<AuditRow>();
  return results;
}

/** The test D1, except that audit-log inserts go through `run` instead. */
function dbWithAuditInsert(run: (insert: D1PreparedStatement) => Promise<unknown>): D1Database {
  return new Proxy(env.DB, {
    get(target, property) {
      if (property === 'prepare') {
        return (sql: string) => {
          const statement = target.prepare(sql);
          if (!sql.startsWith('INSERT INTO audit_log')) return statement;
          return {
            bind: (...values: unknown[]) => ({ run: () => run(statement.bind(...values)) }),
          };
        };
      }
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function acmeRequest(path: string): Request {
  return new Request(`http://collector.test${path}`, {
    headers: { authorization: `Bearer ${TOKENS.acme}` },
  });
}

beforeEach(async () => {
  await clearQueryTables();
  await seedIssues([{ id: 'iss-1' }]);
  await seedEvents([{ id: 'e1', issueId: 'iss-1', timestamp: 1, userId: 'alice@example.test' }]);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('audit log of the query API', () => {
  it('records a read: time, project, token id, method, path without query string, status', async () => {
    const before = Date.now();
    await call('/v1/issues?q=private+search&limit=5');
    const rows = await auditRows();
    expect(rows).toEqual([
      {
        id: expect.any(Number),
        at: expect.any(Number),
        project_id: 'acme',
        token_id: await tokenIdOf(TOKENS.acme),
        method: 'GET',
        path: '/v1/issues',
        status: 200,
      },
    ]);
    expect(rows[0]?.at).toBeGreaterThanOrEqual(before);
    expect(rows[0]?.token_id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('records every route with the status it answered', async () => {
    await call('/v1/issues/iss-1');
    await call('/v1/issues/nope');
    await call('/v1/issues?limit=0');
    await call('/v1/issues/iss-1/events');
    await call('/v1/issues/iss-1', { method: 'PATCH', body: '{"status":"ignored"}' });
    await call('/v1/events?correlationId=x');
    await call('/v1/stats', { token: TOKENS.other });
    const rows = await auditRows();
    expect(rows.map((r) => [r.project_id, r.method, r.path, r.status])).toEqual([
      ['acme', 'GET', '/v1/issues/iss-1', 200],
      ['acme', 'GET', '/v1/issues/nope', 404],
      ['acme', 'GET', '/v1/issues', 400],
      ['acme', 'GET', '/v1/issues/iss-1/events', 200],
      ['acme', 'PATCH', '/v1/issues/iss-1', 200],
      ['acme', 'GET', '/v1/events', 200],
      ['other', 'GET', '/v1/stats', 200],
    ]);
  });

  it('records no row for a request without a valid token (there is no project to log)', async () => {
    await call('/v1/issues', { token: null });
    await call('/v1/issues', { token: 'not-a-token-at-all' });
    expect(await auditRows()).toEqual([]);
  });

  it('never stores a token: one stable id per token, distinct across tokens', async () => {
    await call('/v1/issues');
    await call('/v1/issues');
    await call('/v1/issues', { token: TOKENS.other });
    const rows = await auditRows();
    const dump = JSON.stringify(rows);
    for (const token of Object.values(TOKENS)) expect(dump).not.toContain(token);
    const [a1, a2, o] = rows.map((r) => r.token_id);
    expect(a1).toBe(a2);
    expect(o).not.toBe(a1);
  });

  it('records a user erasure without the user id', async () => {
    await call(`/v1/users/${encodeURIComponent('alice@example.test')}/events`, {
      method: 'DELETE',
    });
    const rows = await auditRows();
    expect(rows.map((r) => [r.method, r.path, r.status])).toEqual([
      ['DELETE', '/v1/users/:id/events', 200],
    ]);
    expect(JSON.stringify(rows)).not.toContain('alice');
  });

  it('answers before the audit write completes', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const DB = dbWithAuditInsert(async (insert) => {
      await held;
      return insert.run();
    });
    const ctx = createExecutionContext();
    const res = await app.fetch(acmeRequest('/v1/issues'), { ...env, DB }, ctx);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { issues: unknown[] }).issues).toHaveLength(1);
    expect(await auditRows()).toEqual([]);
    release();
    await waitOnExecutionContext(ctx);
    expect(await auditRows()).toHaveLength(1);
  });

  it('answers the read even when the audit write fails, and reports the failure', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const DB = dbWithAuditInsert(() => Promise.reject(new Error('D1 is down')));
    const ctx = createExecutionContext();
    const res = await app.fetch(acmeRequest('/v1/issues/iss-1'), { ...env, DB }, ctx);
    expect(res.status).toBe(200);
    await waitOnExecutionContext(ctx);
    expect(logged).toHaveBeenCalledWith('faultline: audit log write failed', expect.any(Error));
    expect(await auditRows()).toEqual([]);
  });
});
