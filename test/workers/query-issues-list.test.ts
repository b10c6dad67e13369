import { beforeAll, describe, expect, it } from 'vitest';
import { call, clearQueryTables, idsOf, seedIssues, type IssueSeed } from './query-seed.js';

const ISSUES: IssueSeed[] = [
  {
    id: 'a',
    title: 'TypeError: cart is undefined',
    category: 'data',
    severity: 'high',
    firstSeen: 100,
    lastSeen: 5_000,
    count: 10,
  },
  {
    id: 'b',
    title: 'Network request failed (50% of calls)',
    category: 'external',
    severity: 'medium',
    status: 'resolved',
    resolvedAt: 4_500,
    firstSeen: 200,
    lastSeen: 4_000,
    count: 3,
  },
  {
    id: 'c',
    title: 'timeout_ms exceeded',
    category: 'external',
    severity: 'low',
    status: 'ignored',
    firstSeen: 300,
    lastSeen: 4_000,
    count: 10,
  },
  {
    id: 'd',
    title: 'Quota exceeded: CART full',
    category: 'system',
    severity: 'critical',
    firstSeen: 50,
    lastSeen: 1_000,
    count: 1,
    regressedAt: 900,
  },
  {
    id: 'e',
    title: 'Config missing',
    category: 'config',
    severity: 'info',
    firstSeen: 400,
    lastSeen: 6_000,
    count: 2,
  },
  { id: 'z', projectId: 'other', title: 'cart of another tenant', firstSeen: 1, lastSeen: 9_000 },
];

beforeAll(async () => {
  await clearQueryTables();
  await seedIssues(ISSUES);
});

async function listIds(query: string): Promise<string[]> {
  const res = await call(`/v1/issues${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return idsOf(res.body.issues);
}

describe('GET /v1/issues', () => {
  it('answers the SPEC shape, newest lastSeen first, ties by id', async () => {
    const res = await call('/v1/issues');
    expect(res.status).toBe(200);
    expect(idsOf(res.body.issues)).toEqual(['e', 'a', 'c', 'b', 'd']);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.issues[3]).toEqual({
      id: 'b',
      fingerprint: 'fp-b',
      title: 'Network request failed (50% of calls)',
      type: 'type_mismatch',
      category: 'external',
      severity: 'medium',
      count: 3,
      firstSeen: 200,
      lastSeen: 4_000,
      status: 'resolved',
      resolvedAt: 4_500,
      regressedAt: null,
    });
    expect(res.body.issues[4]).toMatchObject({ id: 'd', regressedAt: 900, resolvedAt: null });
  });

  it.each([
    ['?sort=lastSeen&order=asc', ['d', 'b', 'c', 'a', 'e']],
    ['?sort=firstSeen', ['e', 'c', 'b', 'a', 'd']],
    ['?sort=firstSeen&order=asc', ['d', 'a', 'b', 'c', 'e']],
    ['?sort=count', ['c', 'a', 'b', 'e', 'd']],
    ['?sort=count&order=asc', ['d', 'e', 'b', 'a', 'c']],
  ])('sorts by %s', async (query, expected) => {
    expect(await listIds(query)).toEqual(expected);
  });

  it.each([
    ['?status=open', ['e', 'a', 'd']],
    ['?status=resolved,ignored', ['c', 'b']],
    ['?status=resolved&status=ignored', ['c', 'b']],
    ['?category=external', ['c', 'b']],
    ['?category=system,config', ['e', 'd']],
    ['?severity=critical', ['d']],
    ['?severity=low,high', ['a', 'c']],
    ['?category=external&status=resolved', ['b']],
    ['?status=open&severity=medium', []],
  ])('filters by %s', async (query, expected) => {
    expect(await listIds(query)).toEqual(expected);
  });

  it.each([
    ['cart', ['a', 'd']],
    ['CART', ['a', 'd']],
    ['  exceeded ', ['c', 'd']],
    ['50%', ['b']],
    ['%', ['b']],
    ['_ms', ['c']],
    ['_', ['c']],
    ['nothing like this', []],
  ])('finds titles containing %j, ignoring case, % and _ literal', async (text, expected) => {
    expect(await listIds(`?q=${encodeURIComponent(text)}`)).toEqual(expected);
  });

  it.each([
    ['?from=4000', ['e', 'a', 'c', 'b']],
    ['?to=4000', ['d']],
    ['?from=4000&to=5000', ['c', 'b']],
    ['?from=1970-01-01T00:00:04Z&to=1970-01-01T00:00:05.000Z', ['c', 'b']],
    ['?from=1970-01-01T01:00:04%2B01:00', ['e', 'a', 'c', 'b']],
  ])(
    'filters lastSeen by time range %s (from inclusive, to exclusive)',
    async (query, expected) => {
      expect(await listIds(query)).toEqual(expected);
    },
  );

  it('combines filters with sort and limit', async () => {
    const res = await call('/v1/issues?category=external,data&sort=count&order=asc&limit=2');
    expect(idsOf(res.body.issues)).toEqual(['b', 'a']);
    expect(res.body.nextCursor).toEqual(expect.any(String));
    const next = await call(
      `/v1/issues?category=external,data&sort=count&order=asc&limit=2&cursor=${res.body.nextCursor}`,
    );
    expect(idsOf(next.body.issues)).toEqual(['c']);
    expect(next.body.nextCursor).toBeNull();
  });
});

describe('GET /v1/issues limits', () => {
  it.each(['1', '200'])('accepts limit=%s', async (limit) => {
    const res = await call(`/v1/issues?limit=${limit}`);
    expect(res.status).toBe(200);
    expect(res.body.issues).toHaveLength(limit === '1' ? 1 : 5);
  });

  it.each(['0', '201', 'abc', '-1', '1.5', '', '1e2', '9999999999', ' 5'])(
    'answers 400 naming limit for limit=%j',
    async (limit) => {
      const res = await call(`/v1/issues?limit=${encodeURIComponent(limit)}`);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ type: 'format_error', code: 3202 });
      expect(res.body.error.context.problems).toEqual([
        { param: 'limit', received: limit, expected: 'expected an integer from 1 to 200' },
      ]);
      expect(res.body.error.message).toContain('limit: expected an integer from 1 to 200');
    },
  );

  it('answers 400 for a repeated limit', async () => {
    const res = await call('/v1/issues?limit=1&limit=2');
    expect(res.status).toBe(400);
    expect(res.body.error.context.problems[0]).toMatchObject({
      param: 'limit',
      received: ['1', '2'],
    });
  });
});

describe('GET /v1/issues bad parameters', () => {
  it('lists every bad parameter in one 400', async () => {
    const res = await call(
      '/v1/issues?limit=0&status=closed&sort=name&order=up&limt=5&from=yesterday',
    );
    expect(res.status).toBe(400);
    const params = res.body.error.context.problems.map((p: { param: string }) => p.param);
    expect(params.sort()).toEqual(['from', 'limit', 'limt', 'order', 'sort', 'status']);
    expect(res.body.error.message).toMatch(/^Invalid query \(6 problems\): /);
    expect(res.body.error.context.problems).toContainEqual({
      param: 'limt',
      received: '5',
      expected: 'no such parameter',
    });
  });

  it.each([
    ['status=', 'status'],
    ['category=network', 'category'],
    ['severity=fatal', 'severity'],
    ['q=', 'q'],
    [`q=${'x'.repeat(201)}`, 'q'],
    ['from=5000&to=5000', 'from'],
    ['to=2026-13-45', 'to'],
    ['from=12:00', 'from'],
    ['cursor=%%%', 'cursor'],
    ['cursor=bm9wZQ', 'cursor'],
    ['cursor=WyJpc3N1ZXM6bGFzdFNlZW46ZGVzYyIsIngiLDFd', 'cursor'],
  ])('answers 400 naming the parameter for %s', async (query, param) => {
    const res = await call(`/v1/issues?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.context.problems.map((p: { param: string }) => p.param)).toEqual([param]);
  });

  it('refuses a cursor made for another ordering', async () => {
    const first = await call('/v1/issues?sort=count&limit=1');
    const res = await call(`/v1/issues?sort=lastSeen&limit=1&cursor=${first.body.nextCursor}`);
    expect(res.status).toBe(400);
    expect(res.body.error.context.problems[0]).toMatchObject({
      param: 'cursor',
      expected: 'expected a cursor from a page with the same sort and order',
    });
  });
});
