import { beforeAll, describe, expect, it } from 'vitest';
import { call, clearQueryTables, idsOf, seedIssues, type IssueSeed } from './query-seed.js';

// 37 issues in few distinct values of every sort key, so most pages end inside a run of ties.
const ISSUES: IssueSeed[] = Array.from({ length: 37 }, (_, i) => ({
  id: `iss-${String(i).padStart(2, '0')}`,
  lastSeen: 10_000 + (i % 3) * 1_000,
  firstSeen: 1_000 + (i % 4) * 100,
  count: 1 + (i % 5),
  status: i % 2 === 0 ? 'open' : 'resolved',
}));

type Key = 'lastSeen' | 'firstSeen' | 'count';

function expected(sort: Key, order: 'asc' | 'desc', issues = ISSUES): string[] {
  const sign = order === 'asc' ? 1 : -1;
  return [...issues]
    .sort((x, y) => sign * ((x[sort] as number) - (y[sort] as number) || (x.id < y.id ? -1 : 1)))
    .map((issue) => issue.id);
}

async function walk(query: string, limit: number): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const suffix: string = cursor === null ? '' : `&cursor=${cursor}`;
    const res = await call(`/v1/issues?${query}&limit=${limit}${suffix}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.issues.length).toBeLessThanOrEqual(limit);
    ids.push(...idsOf(res.body.issues));
    cursor = res.body.nextCursor;
    pages += 1;
    expect(pages).toBeLessThan(100);
  } while (cursor !== null);
  return { ids, pages };
}

beforeAll(async () => {
  await clearQueryTables();
  await seedIssues(ISSUES);
});

describe('GET /v1/issues cursor pagination', () => {
  const orderings = (['lastSeen', 'firstSeen', 'count'] as const).flatMap((sort) =>
    (['desc', 'asc'] as const).map((order) => [sort, order] as const),
  );

  it.each(orderings)(
    'walks sort=%s order=%s across ties with no duplicate or gap',
    async (sort, order) => {
      for (const limit of [1, 4, 7]) {
        const { ids, pages } = await walk(`sort=${sort}&order=${order}`, limit);
        expect(ids).toEqual(expected(sort, order));
        expect(new Set(ids).size).toBe(ISSUES.length);
        expect(pages).toBe(Math.ceil(ISSUES.length / limit));
      }
    },
  );

  it('keeps filters across pages', async () => {
    const { ids } = await walk('status=resolved&sort=count', 3);
    expect(ids).toEqual(
      expected(
        'count',
        'desc',
        ISSUES.filter((i) => i.status === 'resolved'),
      ),
    );
  });

  it('has no next cursor when the last page is exactly full', async () => {
    const res = await call(`/v1/issues?limit=${ISSUES.length}`);
    expect(res.body.issues).toHaveLength(ISSUES.length);
    expect(res.body.nextCursor).toBeNull();
  });

  it('gives URL-safe opaque cursors', async () => {
    const res = await call('/v1/issues?limit=5');
    expect(res.body.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});
