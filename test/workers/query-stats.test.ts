import { beforeAll, describe, expect, it } from 'vitest';
import { call, clearQueryTables, seedBuckets } from './query-seed.js';

const M = 28_800_000; // a whole hour, in minutes since the epoch
const ms = (minute: number) => minute * 60_000;
const NOW_MINUTE = Math.floor(Date.now() / 60_000);

beforeAll(async () => {
  await clearQueryTables();
  await seedBuckets([
    { minute: M - 1, category: 'data', severity: 'low', count: 100 },
    { minute: M, category: 'data', severity: 'low', count: 2 },
    { minute: M, category: 'external', severity: 'high', count: 1 },
    { minute: M + 1, category: 'data', severity: 'low', count: 3 },
    { minute: M + 59, category: 'system', severity: 'critical', count: 4 },
    { minute: M + 60, category: 'data', severity: 'medium', count: 5 },
    { minute: M + 125, category: 'data', severity: 'low', count: 6 },
    { minute: M + 180, category: 'data', severity: 'low', count: 100 },
    { projectId: 'other', minute: M, category: 'data', severity: 'low', count: 1000 },
    { minute: NOW_MINUTE, category: 'config', severity: 'info', count: 7 },
  ]);
});

describe('GET /v1/stats', () => {
  it('counts per minute by category and severity, zero-filled', async () => {
    const res = await call(`/v1/stats?interval=minute&from=${ms(M)}&to=${ms(M + 3)}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      interval: 'minute',
      from: ms(M),
      to: ms(M + 3),
      totals: {
        count: 6,
        byCategory: { data: 5, external: 1 },
        bySeverity: { low: 5, high: 1 },
      },
      series: [
        {
          start: ms(M),
          count: 3,
          byCategory: { data: 2, external: 1 },
          bySeverity: { low: 2, high: 1 },
        },
        { start: ms(M + 1), count: 3, byCategory: { data: 3 }, bySeverity: { low: 3 } },
        { start: ms(M + 2), count: 0, byCategory: {}, bySeverity: {} },
      ],
    });
  });

  it('sums minutes into hours', async () => {
    const res = await call(`/v1/stats?interval=hour&from=${ms(M)}&to=${ms(M + 180)}`);
    expect(res.body.series).toEqual([
      {
        start: ms(M),
        count: 10,
        byCategory: { data: 5, external: 1, system: 4 },
        bySeverity: { low: 5, high: 1, critical: 4 },
      },
      { start: ms(M + 60), count: 5, byCategory: { data: 5 }, bySeverity: { medium: 5 } },
      { start: ms(M + 120), count: 6, byCategory: { data: 6 }, bySeverity: { low: 6 } },
    ]);
    expect(res.body.totals.count).toBe(21);
  });

  it('widens from and to to whole intervals', async () => {
    const minute = await call(
      `/v1/stats?interval=minute&from=${ms(M) + 30_000}&to=${ms(M + 2) + 1}`,
    );
    expect(minute.body).toMatchObject({ from: ms(M), to: ms(M + 3), totals: { count: 6 } });
    const hour = await call(`/v1/stats?interval=hour&from=${ms(M + 30)}&to=${ms(M + 61)}`);
    expect(hour.body).toMatchObject({ from: ms(M), to: ms(M + 120), totals: { count: 15 } });
    expect(hour.body.series).toHaveLength(2);
  });

  it('takes ISO 8601 times', async () => {
    const from = new Date(ms(M)).toISOString();
    const to = new Date(ms(M + 3)).toISOString();
    const res = await call(`/v1/stats?interval=minute&from=${from}&to=${to}`);
    expect(res.body.totals.count).toBe(6);
  });

  it('defaults to hours over the last day, ending now', async () => {
    const res = await call('/v1/stats');
    expect(res.body.interval).toBe('hour');
    expect(res.body.series.length).toBeGreaterThanOrEqual(24);
    expect(res.body.series.length).toBeLessThanOrEqual(25);
    expect(res.body.to).toBeGreaterThanOrEqual(Date.now() - 1_000);
    expect(res.body.totals).toEqual({
      count: 7,
      byCategory: { config: 7 },
      bySeverity: { info: 7 },
    });
  });

  it('defaults to minutes over the last hour with interval=minute', async () => {
    const res = await call('/v1/stats?interval=minute');
    expect(res.body.series.length).toBeGreaterThanOrEqual(60);
    expect(res.body.series.length).toBeLessThanOrEqual(61);
    expect(res.body.series.at(-1)).toMatchObject({ start: ms(NOW_MINUTE), count: 7 });
  });

  it('allows 1440 intervals', async () => {
    const res = await call(`/v1/stats?interval=minute&from=${ms(M)}&to=${ms(M + 1440)}`);
    expect(res.status).toBe(200);
    expect(res.body.series).toHaveLength(1440);
  });

  it.each([
    ['interval=day', 'interval'],
    ['interval=minute&from=0&to=86400001', 'from'],
    ['interval=hour&from=0&to=5184000001', 'from'],
    [`from=${ms(M)}&to=${ms(M)}`, 'from'],
    ['from=soon', 'from'],
    ['to=-5', 'to'],
    ['bucket=minute', 'bucket'],
  ])('answers 400 naming the parameter for %s', async (query, param) => {
    const res = await call(`/v1/stats?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.context.problems.map((p: { param: string }) => p.param)).toEqual([param]);
  });
});
