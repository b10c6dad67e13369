import { env } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  call,
  clearQueryTables,
  idsOf,
  seedEvents,
  seedIssues,
  wireEventOf,
  type EventSeed,
} from './query-seed.js';

const EVENTS: EventSeed[] = [
  { id: 'evt-1', issueId: 'iss-1', timestamp: 1_000, receivedAt: 1_010, userId: 'u-1' },
  { id: 'evt-2', issueId: 'iss-1', timestamp: 3_000, correlationId: 'corr-1' },
  { id: 'evt-3b', issueId: 'iss-1', timestamp: 2_000 },
  { id: 'evt-3a', issueId: 'iss-1', timestamp: 2_000 },
  { id: 'evt-3c', issueId: 'iss-1', timestamp: 2_000 },
  { id: 'evt-other-issue', issueId: 'iss-2', timestamp: 9_000 },
];

beforeEach(async () => {
  await clearQueryTables();
  await seedIssues([
    { id: 'iss-1', title: 'cart is undefined', firstSeen: 1_000, lastSeen: 3_000, count: 5 },
    { id: 'iss-2', firstSeen: 9_000, lastSeen: 9_000 },
    { id: 'iss-other', projectId: 'other' },
  ]);
  await seedEvents(EVENTS);
});

describe('GET /v1/issues/:id', () => {
  it('answers { issue }', async () => {
    const res = await call('/v1/issues/iss-1');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      issue: expect.objectContaining({
        id: 'iss-1',
        title: 'cart is undefined',
        count: 5,
        firstSeen: 1_000,
        lastSeen: 3_000,
        status: 'open',
        resolvedAt: null,
      }),
    });
  });

  it('answers 404 data_not_found for an unknown id', async () => {
    const res = await call('/v1/issues/nope');
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({
      type: 'data_not_found',
      message: 'No issue nope in this project',
    });
  });

  it('answers 400 naming id for an id over 128 characters', async () => {
    const res = await call(`/v1/issues/${'x'.repeat(129)}`);
    expect(res.status).toBe(400);
    expect(res.body.error.context.problems[0]).toMatchObject({ param: 'id' });
  });
});

describe('GET /v1/issues/:id/events', () => {
  it('answers the stored events, newest first, ties by id, with issueId and receivedAt', async () => {
    const res = await call('/v1/issues/iss-1/events');
    expect(res.status).toBe(200);
    expect(idsOf(res.body.events)).toEqual(['evt-2', 'evt-3c', 'evt-3b', 'evt-3a', 'evt-1']);
    expect(res.body.nextCursor).toBeNull();
    const first = EVENTS[0] as EventSeed;
    expect(res.body.events[4]).toEqual({
      ...wireEventOf(first),
      issueId: 'iss-1',
      receivedAt: 1_010,
    });
  });

  it('pages with a cursor across events of the same timestamp', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const suffix: string = cursor === null ? '' : `&cursor=${cursor}`;
      const res = await call(`/v1/issues/iss-1/events?limit=2${suffix}`);
      expect(res.status).toBe(200);
      seen.push(...idsOf(res.body.events));
      cursor = res.body.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(['evt-2', 'evt-3c', 'evt-3b', 'evt-3a', 'evt-1']);
  });

  it('answers an empty page for an issue without stored events', async () => {
    await env.DB.prepare("DELETE FROM events WHERE issue_id = 'iss-2'").run();
    expect(await call('/v1/issues/iss-2/events')).toMatchObject({
      status: 200,
      body: { events: [], nextCursor: null },
    });
  });

  it('rebuilds an event whose stored payload is unreadable from its columns', async () => {
    await seedEvents([
      { id: 'evt-broken', issueId: 'iss-2', timestamp: 9_500, payload: '{not json' },
    ]);
    const res = await call('/v1/issues/iss-2/events?limit=1');
    expect(res.body.events[0]).toMatchObject({
      id: 'evt-broken',
      message: 'message of evt-broken',
      category: 'data',
      payloadUnreadable: true,
    });
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=201', 'limit'],
    ['limit=ten', 'limit'],
    ['cursor=abc', 'cursor'],
    ['sort=count', 'sort'],
  ])('answers 400 naming the parameter for %s', async (query, param) => {
    const res = await call(`/v1/issues/iss-1/events?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.context.problems[0].param).toBe(param);
  });

  it('refuses a cursor of the issue list', async () => {
    const list = await call('/v1/issues?limit=1');
    const res = await call(`/v1/issues/iss-1/events?cursor=${list.body.nextCursor}`);
    expect(res.status).toBe(400);
  });

  it('answers 404 for an unknown issue', async () => {
    expect((await call('/v1/issues/nope/events')).status).toBe(404);
  });
});

async function patch(id: string, body: string) {
  return call(`/v1/issues/${id}`, {
    method: 'PATCH',
    body,
    headers: { 'content-type': 'application/json' },
  });
}

describe('PATCH /v1/issues/:id', () => {
  it('resolves an issue, setting resolvedAt to now', async () => {
    const before = Date.now();
    const res = await patch('iss-1', '{"status":"resolved"}');
    expect(res.status).toBe(200);
    expect(res.body.issue).toMatchObject({ id: 'iss-1', status: 'resolved', count: 5 });
    expect(res.body.issue.resolvedAt).toBeGreaterThanOrEqual(before);
    expect((await call('/v1/issues/iss-1')).body.issue).toEqual(res.body.issue);
  });

  it('keeps resolvedAt when an already resolved issue is resolved again', async () => {
    await seedIssues([{ id: 'iss-done', status: 'resolved', resolvedAt: 1_234 }]);
    const res = await patch('iss-done', '{"status":"resolved"}');
    expect(res.body.issue).toMatchObject({ status: 'resolved', resolvedAt: 1_234 });
  });

  it.each(['open', 'ignored'] as const)(
    'clears resolvedAt when a resolved issue becomes %s',
    async (status) => {
      await seedIssues([
        { id: 'iss-done', status: 'resolved', resolvedAt: 1_234, regressedAt: 99 },
      ]);
      const res = await patch('iss-done', JSON.stringify({ status }));
      expect(res.body.issue).toMatchObject({ status, resolvedAt: null, regressedAt: 99 });
    },
  );

  it('ignores and reopens an issue', async () => {
    expect((await patch('iss-1', '{"status":"ignored"}')).body.issue.status).toBe('ignored');
    expect((await patch('iss-1', '{"status":"open"}')).body.issue).toMatchObject({
      status: 'open',
      resolvedAt: null,
    });
  });

  it('reads a JSON body sent without a content type (curl -d)', async () => {
    const res = await call('/v1/issues/iss-1', { method: 'PATCH', body: '{"status":"ignored"}' });
    expect(res.body.issue.status).toBe('ignored');
  });

  it('answers 404 for an unknown id without creating it', async () => {
    expect((await patch('nope', '{"status":"resolved"}')).status).toBe(404);
    const row = await env.DB.prepare("SELECT COUNT(*) AS n FROM issues WHERE id = 'nope'").first();
    expect(row).toEqual({ n: 0 });
  });

  it.each([
    ['{"status":"closed"}', 'status'],
    ['{}', 'status'],
    ['{"status":"open","title":"x"}', 'title'],
    ['[]', '(root)'],
    ['"resolved"', '(root)'],
  ])('answers 400 format_error naming the field for %s', async (body, param) => {
    const res = await patch('iss-1', body);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ type: 'format_error', context: { place: 'body' } });
    expect(res.body.error.context.problems[0].param).toBe(param);
    expect((await call('/v1/issues/iss-1')).body.issue.status).toBe('open');
  });

  it.each(['', 'status=resolved', '{"status":'])(
    'answers 400 deserialization_failed for body %j',
    async (body) => {
      const res = await patch('iss-1', body);
      expect(res.status).toBe(400);
      expect(res.body.error.type).toBe('deserialization_failed');
    },
  );
});
