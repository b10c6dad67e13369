import { SELF } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  TOKENS,
  call,
  clearQueryTables,
  idsOf,
  seedBuckets,
  seedEvents,
  seedIssues,
} from './query-seed.js';

beforeEach(async () => {
  await clearQueryTables();
  await seedIssues([
    { id: 'acme-1', projectId: 'acme', lastSeen: 2_000 },
    { id: 'other-1', projectId: 'other', lastSeen: 3_000 },
  ]);
  await seedEvents([
    {
      id: 'evt-acme-1',
      issueId: 'acme-1',
      projectId: 'acme',
      timestamp: 1_000,
      correlationId: 'c-1',
      userId: 'u-1',
    },
    {
      id: 'evt-other-1',
      issueId: 'other-1',
      projectId: 'other',
      timestamp: 1_000,
      correlationId: 'c-1',
      userId: 'u-1',
    },
  ]);
  await seedBuckets([
    { projectId: 'acme', minute: 0, category: 'data', severity: 'low', count: 3 },
    { projectId: 'other', minute: 0, category: 'data', severity: 'low', count: 7 },
  ]);
});

const READ_ROUTES = [
  ['GET', '/v1/issues'],
  ['GET', '/v1/issues/acme-1'],
  ['GET', '/v1/issues/acme-1/events'],
  ['PATCH', '/v1/issues/acme-1'],
  ['GET', '/v1/events?correlationId=c-1'],
  ['GET', '/v1/stats?from=0&to=60000&interval=minute'],
  ['DELETE', '/v1/users/u-1/events'],
] as const;

describe('read token', () => {
  it.each(READ_ROUTES)(
    '%s %s without a token answers 401 with a Bearer challenge',
    async (method, path) => {
      const res = await call(path, { method, token: null, body: '{"status":"resolved"}' });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="faultline"');
      expect(res.body).toMatchObject({ error: { type: 'authentication_failed', code: 4401 } });
    },
  );

  it.each(READ_ROUTES)('%s %s with an unknown token answers 401', async (method, path) => {
    const res = await call(path, {
      method,
      token: 'acme-read-token-2',
      body: '{"status":"resolved"}',
    });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toBe('Unknown read token');
  });

  it.each([
    ['a Basic credential', `Basic ${btoa('acme:acme-read-token-1')}`],
    ['the bare token', TOKENS.acme],
    ['Bearer without a token', 'Bearer '],
    ['a public key as token', 'Bearer acme-public-key-1'],
    ['two tokens', `Bearer ${TOKENS.acme} ${TOKENS.acme}`],
  ])('refuses %s', async (_name, authorization) => {
    const res = await call('/v1/issues', { token: null, headers: { authorization } });
    expect(res.status).toBe(401);
  });

  it('takes the scheme in any case', async () => {
    const res = await call('/v1/issues', {
      token: null,
      headers: { authorization: `bEaReR ${TOKENS.acme}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('www-authenticate')).toBeNull();
  });

  it('works through the deployed Worker entry too', async () => {
    const res = await SELF.fetch('http://collector.test/v1/issues', {
      headers: { authorization: `Bearer ${TOKENS.acme}` },
    });
    expect(res.status).toBe(200);
    expect(idsOf(((await res.json()) as { issues: { id: string }[] }).issues)).toEqual(['acme-1']);
  });

  it('leaves POST /v1/events (ingest, public key) to its own route', async () => {
    const res = await SELF.fetch('http://collector.test/v1/events', { method: 'POST', body: '{}' });
    await res.body?.cancel();
    expect(res.headers.get('www-authenticate')).toBeNull();
  });
});

describe('tenants', () => {
  it('list only their own issues', async () => {
    expect(idsOf((await call('/v1/issues')).body.issues)).toEqual(['acme-1']);
    expect(idsOf((await call('/v1/issues', { token: TOKENS.other })).body.issues)).toEqual([
      'other-1',
    ]);
  });

  it.each([
    ['GET', '/v1/issues/acme-1'],
    ['GET', '/v1/issues/acme-1/events'],
    ['PATCH', '/v1/issues/acme-1'],
  ])("get 404 for another tenant's issue: %s %s", async (method, path) => {
    const res = await call(path, { method, token: TOKENS.other, body: '{"status":"ignored"}' });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: { type: 'data_not_found', code: 3401 } });
    const own = await call('/v1/issues/acme-1');
    expect(own.body.issue.status).toBe('open');
  });

  it('see only their own events of a shared correlation id', async () => {
    const acme = await call('/v1/events?correlationId=c-1');
    const other = await call('/v1/events?correlationId=c-1', { token: TOKENS.other });
    expect(idsOf(acme.body.events)).toEqual(['evt-acme-1']);
    expect(idsOf(other.body.events)).toEqual(['evt-other-1']);
  });

  it('count only their own buckets', async () => {
    const path = '/v1/stats?from=0&to=60000&interval=minute';
    expect((await call(path)).body.totals.count).toBe(3);
    expect((await call(path, { token: TOKENS.other })).body.totals.count).toBe(7);
  });

  it("erase only their own project's events of a user", async () => {
    const res = await call('/v1/users/u-1/events', { method: 'DELETE', token: TOKENS.other });
    expect(res.body).toEqual({ deleted: 1, complete: true });
    expect(idsOf((await call('/v1/issues/acme-1/events')).body.events)).toEqual(['evt-acme-1']);
  });
});
