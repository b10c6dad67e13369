import { createScheduledController, env } from 'cloudflare:test';
import { describe, expect, it, vi } from 'vitest';
import { pruneExpired } from '../../workers/src/cron/retention.js';
import { DELETE_EXPIRED, RETENTION_TABLES } from '../../workers/src/db/retention-repo.js';
import type { Env } from '../../workers/src/env.js';
import worker from '../../workers/src/index.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 1, 12, 0, 0);

/** `env` serving projects `<prefix>-week` (7 days' retention) and `<prefix>-month` (30). */
function envWithProjects(prefix: string): Env {
  const project = (id: string, retentionDays: number) => ({
    id: `${prefix}-${id}`,
    name: id,
    publicKeys: [`${prefix}-${id}-public-key`],
    readTokens: [`${prefix}-${id}-read-token`],
    retentionDays,
  });
  const projects = [project('week', 7), project('month', 30)];
  return { ...env, FAULTLINE_PROJECTS: JSON.stringify({ projects }) };
}

/** Inserts events of `projectId` received `ageDays` before NOW (per migrations/0002). */
async function seedEvents(projectId: string, ageDays: number[], issueId = `${projectId}-issue`) {
  await env.DB.batch(
    ageDays.map((age, i) =>
      env.DB.prepare(
        `INSERT INTO events (project_id, id, issue_id, timestamp, received_at, type, category,
           severity, message, payload)
         VALUES (?1, ?2, ?3, ?4, ?4, 'network_error', 'external', 'medium', 'boom', '{}')`,
      ).bind(projectId, `evt-${projectId}-${i}-${age}`, issueId, NOW - age * DAY),
    ),
  );
}

async function receivedAges(projectId: string): Promise<number[]> {
  const { results } = await env.DB.prepare(
    'SELECT received_at FROM events WHERE project_id = ? ORDER BY received_at',
  )
    .bind(projectId)
    .all<{ received_at: number }>();
  return results.map((row) => (NOW - row.received_at) / DAY).sort((a, b) => a - b);
}

async function count(table: string, projectId: string): Promise<number> {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE project_id = ?`)
    .bind(projectId)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

describe('pruneExpired()', () => {
  it("deletes events received before each project's retention and keeps the rest", async () => {
    const projectsEnv = envWithProjects('a');
    await seedEvents('a-week', [1, 6.9, 7.1, 10, 40]);
    await seedEvents('a-month', [1, 10, 29.9, 30.1, 40]);
    await seedEvents('a-unconfigured', [400]);
    const summary = await pruneExpired(projectsEnv, NOW);
    expect(await receivedAges('a-week')).toEqual([1, 6.9]);
    expect(await receivedAges('a-month')).toEqual([1, 10, 29.9]);
    expect(await receivedAges('a-unconfigured')).toEqual([400]);
    expect(summary).toEqual({
      deleted: { events: 5, event_buckets: 0, dropped_counts: 0, audit_log: 0 },
      batches: 1,
      complete: true,
    });
  });

  it('prunes buckets, drop counts and audit entries by the same cutoff, and keeps issues', async () => {
    const projectsEnv = envWithProjects('b');
    const cutoffMinute = Math.floor((NOW - 7 * DAY) / 60_000);
    const minutes = [cutoffMinute - 2, cutoffMinute - 1, cutoffMinute, cutoffMinute + 1];
    await env.DB.batch([
      ...minutes.flatMap((minute) => [
        env.DB.prepare(
          `INSERT INTO event_buckets (project_id, minute, category, severity, count)
           VALUES ('b-week', ?, 'data', 'high', 3)`,
        ).bind(minute),
        env.DB.prepare(
          `INSERT INTO dropped_counts (project_id, minute, reason, count)
           VALUES ('b-week', ?, 'buffer_overflow', 2)`,
        ).bind(minute),
      ]),
      ...[8, 6].map((age) =>
        env.DB.prepare(
          `INSERT INTO audit_log (at, project_id, token_id, method, path, status)
           VALUES (?, 'b-week', 'abc123', 'GET', '/v1/issues', 200)`,
        ).bind(NOW - age * DAY),
      ),
      env.DB.prepare(
        `INSERT INTO issues (id, project_id, fingerprint, title, type, category, severity,
           first_seen, last_seen, count)
         VALUES ('b-week-issue', 'b-week', 'fp', 'boom', 'network_error', 'external', 'medium',
           ?1, ?1, 4)`,
      ).bind(NOW - 40 * DAY),
    ]);
    await seedEvents('b-week', [40, 39], 'b-week-issue');

    const summary = await pruneExpired(projectsEnv, NOW);

    const { results: buckets } = await env.DB.prepare(
      "SELECT minute FROM event_buckets WHERE project_id = 'b-week' ORDER BY minute",
    ).all<{ minute: number }>();
    expect(buckets.map((row) => row.minute)).toEqual([cutoffMinute, cutoffMinute + 1]);
    expect(await count('dropped_counts', 'b-week')).toBe(2);
    expect(await count('audit_log', 'b-week')).toBe(1);
    expect(await count('events', 'b-week')).toBe(0);
    // The issue outlives its events, with its count: a recurrence is a regression, not new.
    const issue = await env.DB.prepare(
      "SELECT count FROM issues WHERE id = 'b-week-issue'",
    ).first();
    expect(issue).toEqual({ count: 4 });
    expect(summary.deleted).toEqual({
      events: 2,
      event_buckets: 2,
      dropped_counts: 2,
      audit_log: 1,
    });
  });

  it('deletes at most batchSize rows per round trip and maxBatches round trips per run, oldest first', async () => {
    const projectsEnv = envWithProjects('c');
    const ages = Array.from({ length: 25 }, (_, i) => 100 - i); // 100 … 76 days old
    await seedEvents('c-week', ages);
    await seedEvents('c-week', [1]);

    const first = await pruneExpired(projectsEnv, NOW, { batchSize: 10, maxBatches: 2 });
    expect(first).toMatchObject({ deleted: { events: 20 }, batches: 2, complete: false });
    expect(await receivedAges('c-week')).toEqual([1, 76, 77, 78, 79, 80]);

    const second = await pruneExpired(projectsEnv, NOW, { batchSize: 10, maxBatches: 2 });
    expect(second).toMatchObject({ deleted: { events: 5 }, batches: 1, complete: true });
    expect(await receivedAges('c-week')).toEqual([1]);
  });

  it("sizes a run to a minute of the projects' ingest limits, so retention keeps up", async () => {
    const projects = ['e-1', 'e-2'].map((id) => ({
      id,
      name: id,
      publicKeys: [`${id}-public-key`],
      readTokens: [`${id}-read-token`],
      retentionDays: 7,
      ingestPerMinute: 12,
    }));
    const projectsEnv = { ...env, FAULTLINE_PROJECTS: JSON.stringify({ projects }) };
    await seedEvents(
      'e-1',
      Array.from({ length: 60 }, (_, i) => 100 - i),
    );
    // 24 events a minute at most, 5 a round trip: 1 + 5 round trips, 30 events.
    const summary = await pruneExpired(projectsEnv, NOW, { batchSize: 5 });
    expect(summary).toMatchObject({ deleted: { events: 30 }, batches: 6, complete: false });
    expect(await count('events', 'e-1')).toBe(30);
  });

  it('runs one more round trip to learn that a table emptied on an exact batch boundary', async () => {
    const projectsEnv = envWithProjects('d');
    await seedEvents('d-week', [10, 11, 12, 13]);
    const summary = await pruneExpired(projectsEnv, NOW, { batchSize: 2, maxBatches: 10 });
    expect(summary).toMatchObject({ deleted: { events: 4 }, batches: 3, complete: true });
    expect(await count('events', 'd-week')).toBe(0);
  });

  it.each(RETENTION_TABLES)(
    'finds expired %s rows through an index, never a table scan',
    async (table) => {
      const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${DELETE_EXPIRED[table]}`)
        .bind('[]', 10)
        .all<{ detail: string }>();
      const plan = results.map((row) => row.detail);
      expect(
        plan.some((line) => /^SEARCH \w+ USING .*INDEX .*\(project_id=\? AND/.test(line)),
      ).toBe(true);
      expect(
        plan.filter((line) => line.startsWith('SCAN') && !line.includes('VIRTUAL TABLE')),
      ).toEqual([]);
    },
  );
});

describe('scheduled handler', () => {
  it('prunes past retention at the cron’s scheduled time', async () => {
    // The workerd suite's projects (test/workers/projects.ts) keep the default 30 days.
    await seedEvents('acme', [31, 29]);
    const controller = createScheduledController({ scheduledTime: NOW, cron: '17 * * * *' });
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    let logged: unknown;
    try {
      await worker.scheduled(controller, env);
      logged = log.mock.calls[0]?.[0];
    } finally {
      log.mockRestore();
    }
    expect(await receivedAges('acme')).toEqual([29]);
    expect(JSON.parse(String(logged))).toMatchObject({
      cron: '17 * * * *',
      retention: { deleted: { events: 1 }, complete: true },
    });
  });
});
