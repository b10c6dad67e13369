import { beforeAll, describe, expect, it } from 'vitest';
import { call, clearQueryTables, idsOf, seedEvents, seedIssues } from './query-seed.js';

beforeAll(async () => {
  await clearQueryTables();
  await seedIssues([
    { id: 'browser-issue', title: 'TypeError: cart is undefined', status: 'open' },
    { id: 'api-issue', title: 'D1 query timed out', status: 'resolved', resolvedAt: 5 },
  ]);
  await seedEvents([
    {
      id: 'browser-evt',
      issueId: 'browser-issue',
      timestamp: 1_000,
      receivedAt: 1_100,
      correlationId: 'req-42',
    },
    {
      id: 'api-evt',
      issueId: 'api-issue',
      timestamp: 1_200,
      receivedAt: 1_250,
      correlationId: 'req-42',
    },
    { id: 'api-evt-retry', issueId: 'api-issue', timestamp: 1_200, correlationId: 'req-42' },
    { id: 'orphan-evt', issueId: 'gone-issue', timestamp: 900, correlationId: 'req-42' },
    { id: 'unrelated', issueId: 'api-issue', timestamp: 2_000, correlationId: 'req-43' },
    { id: 'uncorrelated', issueId: 'api-issue', timestamp: 3_000 },
  ]);
});

describe('GET /v1/events?correlationId=', () => {
  it('joins the browser error with the backend events of the same correlation id, newest first', async () => {
    const res = await call('/v1/events?correlationId=req-42');
    expect(res.status).toBe(200);
    expect(res.body.correlationId).toBe('req-42');
    expect(idsOf(res.body.events)).toEqual([
      'api-evt-retry',
      'api-evt',
      'browser-evt',
      'orphan-evt',
    ]);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.events[1]).toMatchObject({
      id: 'api-evt',
      correlationId: 'req-42',
      issueId: 'api-issue',
      receivedAt: 1_250,
      issue: { id: 'api-issue', title: 'D1 query timed out', status: 'resolved' },
    });
    expect(res.body.events[2].issue).toEqual({
      id: 'browser-issue',
      title: 'TypeError: cart is undefined',
      status: 'open',
    });
  });

  it('answers issue null for an event whose issue row is gone', async () => {
    const res = await call('/v1/events?correlationId=req-42');
    expect(res.body.events[3]).toMatchObject({
      id: 'orphan-evt',
      issueId: 'gone-issue',
      issue: null,
    });
  });

  it('answers an empty list for an unknown correlation id', async () => {
    expect((await call('/v1/events?correlationId=req-404')).body).toEqual({
      correlationId: 'req-404',
      events: [],
      nextCursor: null,
    });
  });

  it('limits and pages the answer', async () => {
    const first = await call('/v1/events?correlationId=req-42&limit=3');
    expect(idsOf(first.body.events)).toEqual(['api-evt-retry', 'api-evt', 'browser-evt']);
    const rest = await call(
      `/v1/events?correlationId=req-42&limit=3&cursor=${first.body.nextCursor}`,
    );
    expect(idsOf(rest.body.events)).toEqual(['orphan-evt']);
    expect(rest.body.nextCursor).toBeNull();
  });

  it.each([
    ['', 'correlationId'],
    ['correlationId=', 'correlationId'],
    [`correlationId=${'x'.repeat(65)}`, 'correlationId'],
    ['correlationId=a&correlationId=b', 'correlationId'],
    ['correlationId=req-42&limit=500', 'limit'],
    ['correlationId=req-42&issueId=x', 'issueId'],
  ])('answers 400 naming the parameter for %j', async (query, param) => {
    const res = await call(`/v1/events?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.type).toBe('format_error');
    expect(res.body.error.context.problems.map((p: { param: string }) => p.param)).toEqual([param]);
  });
});
