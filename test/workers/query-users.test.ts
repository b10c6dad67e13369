import { env } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { deleteUserEvents } from '../../workers/src/db/users-repo.js';
import { userKey } from '../../workers/src/ingest/user-key.js';
import {
  TOKENS,
  call,
  clearQueryTables,
  idsOf,
  seedBuckets,
  seedEvents,
  seedIssues,
  seedManyEvents,
} from './query-seed.js';

async function countEvents(where: string, ...binds: unknown[]): Promise<number> {
  const row = await env.DB.prepare(`SELECT COUNT(*) AS n FROM events WHERE ${where}`)
    .bind(...binds)
    .first<{ n: number }>();
  return row?.n ?? -1;
}

/** Stored events of one user (`user_id` holds the user's erasure key) in a project. */
async function countUserEvents(id: string, projectId?: string): Promise<number> {
  if (projectId !== undefined) {
    return countEvents('project_id = ? AND user_id = ?', projectId, await userKey(projectId, id));
  }
  return countEvents('user_id IN (?, ?)', await userKey('acme', id), await userKey('other', id));
}

beforeEach(async () => {
  await clearQueryTables();
  await seedIssues([
    { id: 'iss-1', count: 12, firstSeen: 1_000, lastSeen: 4_000 },
    { id: 'iss-2', count: 1, firstSeen: 2_000, lastSeen: 2_000 },
    { id: 'iss-other', projectId: 'other' },
  ]);
  await seedEvents([
    { id: 'e1', issueId: 'iss-1', timestamp: 1_000, userId: 'alice@example.test', occurrences: 10 },
    { id: 'e2', issueId: 'iss-1', timestamp: 4_000, userId: 'bob' },
    { id: 'e3', issueId: 'iss-1', timestamp: 3_000 },
    { id: 'e4', issueId: 'iss-2', timestamp: 2_000, userId: 'alice@example.test' },
    {
      id: 'e5',
      issueId: 'iss-other',
      projectId: 'other',
      timestamp: 1,
      userId: 'alice@example.test',
    },
  ]);
  await seedBuckets([{ minute: 0, category: 'data', severity: 'medium', count: 13 }]);
});

describe('DELETE /v1/users/:id/events', () => {
  it("erases the user's events in the project and answers { deleted, complete }", async () => {
    const res = await call(`/v1/users/${encodeURIComponent('alice@example.test')}/events`, {
      method: 'DELETE',
    });
    expect(res).toMatchObject({ status: 200, body: { deleted: 2, complete: true } });
    expect(await countUserEvents('alice@example.test', 'acme')).toBe(0);
    expect(idsOf((await call('/v1/issues/iss-1/events')).body.events)).toEqual(['e2', 'e3']);
    expect((await call('/v1/issues/iss-2/events')).body.events).toEqual([]);
  });

  it("leaves other users' events, and the same user's events in other projects", async () => {
    await call('/v1/users/alice@example.test/events', { method: 'DELETE' });
    expect(await countUserEvents('bob')).toBe(1);
    expect(await countEvents('user_id IS NULL')).toBe(1);
    expect(await countUserEvents('alice@example.test', 'other')).toBe(1);
  });

  it('keeps issues, their counts and the stats buckets as they were', async () => {
    const before = (await call('/v1/issues')).body.issues;
    const statsBefore = (await call('/v1/stats?interval=minute&from=0&to=60000')).body;
    await call('/v1/users/alice@example.test/events', { method: 'DELETE' });
    expect((await call('/v1/issues')).body.issues).toEqual(before);
    expect((await call('/v1/stats?interval=minute&from=0&to=60000')).body).toEqual(statsBefore);
  });

  it('answers { deleted: 0 } for a user without events, and when repeated', async () => {
    expect((await call('/v1/users/nobody/events', { method: 'DELETE' })).body).toEqual({
      deleted: 0,
      complete: true,
    });
    await call('/v1/users/bob/events', { method: 'DELETE' });
    expect((await call('/v1/users/bob/events', { method: 'DELETE' })).body).toEqual({
      deleted: 0,
      complete: true,
    });
  });

  it('erases more events than one batch holds', async () => {
    await seedManyEvents(1_234, {
      projectId: 'acme',
      issueId: 'iss-1',
      userId: 'heavy',
      prefix: 'h',
    });
    await seedManyEvents(3, {
      projectId: 'other',
      issueId: 'iss-other',
      userId: 'heavy',
      prefix: 'h',
    });
    const res = await call('/v1/users/heavy/events', { method: 'DELETE' });
    expect(res.body).toEqual({ deleted: 1_234, complete: true });
    expect(await countUserEvents('heavy')).toBe(3);
  });

  it('erases a user with more events than one call deletes over several calls', async () => {
    await seedManyEvents(1_234, {
      projectId: 'acme',
      issueId: 'iss-1',
      userId: 'heavier',
      prefix: 'x',
    });
    const budget = { batchSize: 500, maxBatches: 2 };
    expect(await deleteUserEvents(env.DB, 'acme', 'heavier', budget)).toEqual({
      deleted: 1_000,
      complete: false,
    });
    expect(await deleteUserEvents(env.DB, 'acme', 'heavier', budget)).toEqual({
      deleted: 234,
      complete: true,
    });
    expect(await countUserEvents('heavier')).toBe(0);
  });

  it('needs the project read token', async () => {
    expect((await call('/v1/users/bob/events', { method: 'DELETE', token: null })).status).toBe(
      401,
    );
    expect(
      (await call('/v1/users/bob/events', { method: 'DELETE', token: TOKENS.other })).body,
    ).toEqual({ deleted: 0, complete: true });
    expect(await countUserEvents('bob')).toBe(1);
  });

  it('answers 400 naming id for an id longer than any ingest stores (2048 characters)', async () => {
    const res = await call(`/v1/users/${'u'.repeat(2049)}/events`, { method: 'DELETE' });
    expect(res.status).toBe(400);
    expect(res.body.error.context.problems[0].param).toBe('id');
  });

  it('answers 404 for other methods', async () => {
    expect((await call('/v1/users/bob/events')).status).toBe(404);
  });
});
