import { SELF, env } from 'cloudflare:test';
import { Hono } from 'hono';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SCHEMA_VERSION } from '../../workers/src/db/meta-repo.js';
import type { Env } from '../../workers/src/env.js';
import { createHealth } from '../../workers/src/routes/health.js';

/** The schema version the last migration writes to `meta`, read from the migration files. */
function lastMigratedVersion(): number {
  let version = 0;
  for (const migration of env.TEST_MIGRATIONS) {
    for (const query of migration.queries) {
      const match = /schema_version/.test(query) ? /'(\d+)'/.exec(query) : null;
      if (match?.[1] !== undefined) version = Number(match[1]);
    }
  }
  return version;
}

/** The health route over `env` with its Durable Object namespace replaced by `namespace`. */
function healthWith(ping: () => Promise<unknown>, timeoutMs?: number) {
  const app = new Hono<{ Bindings: Env }>().route(
    '/health',
    createHealth(timeoutMs === undefined ? {} : { timeoutMs }),
  );
  const namespace = {
    idFromName: (name: string) => env.INGEST_LIMITER.idFromName(name),
    get: () => ({ ping }),
  } as unknown as Env['INGEST_LIMITER'];
  return app.request('/health', {}, { ...env, INGEST_LIMITER: namespace });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('GET /health', () => {
  it('answers 200 with D1 at the latest schema version and the Durable Object reachable', async () => {
    expect(SCHEMA_VERSION).toBe(lastMigratedVersion());
    const res = await SELF.fetch('http://collector.test/health');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.json();
    expect(body).toEqual({
      ok: true,
      d1: { ok: true, schemaVersion: SCHEMA_VERSION, latencyMs: expect.any(Number) },
      durableObjects: { ok: true, namespace: 'INGEST_LIMITER', latencyMs: expect.any(Number) },
      config: { ok: true, projects: expect.any(Number) },
    });
  });

  it.each([
    ['FAULTLINE_PROJECTS that is not JSON', { FAULTLINE_PROJECTS: '{not json' }],
    ['no projects in production', { FAULTLINE_PROJECTS: '', FAULTLINE_ENV: 'production' }],
  ])('answers 503 for %s, naming no configured value', async (_, vars) => {
    const app = new Hono<{ Bindings: Env }>().route('/health', createHealth());
    const res = await app.request('/health', {}, { ...env, ...vars });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({
      ok: false,
      d1: { ok: true },
      config: {
        ok: false,
        error: expect.stringMatching(/^the project configuration does not load/),
      },
    });
  });

  it('answers 503 when D1 does not have the schema, still reporting the Durable Object', async () => {
    await env.DB.exec('ALTER TABLE meta RENAME TO meta_hidden');
    try {
      const res = await SELF.fetch('http://collector.test/health');
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({
        ok: false,
        d1: { ok: false, error: expect.stringContaining('meta') },
        durableObjects: { ok: true },
      });
    } finally {
      await env.DB.exec('ALTER TABLE meta_hidden RENAME TO meta');
    }
  });

  it('answers 503 when the database is behind the latest migration', async () => {
    await env.DB.exec(`UPDATE meta SET value = '1' WHERE key = 'schema_version'`);
    try {
      const res = await SELF.fetch('http://collector.test/health');
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({
        ok: false,
        d1: { ok: false, error: expect.stringContaining(`expected ${SCHEMA_VERSION}`) },
      });
    } finally {
      await env.DB.exec(`UPDATE meta SET value = '${SCHEMA_VERSION}' WHERE key = 'schema_version'`);
    }
  });

  it('answers 503 with the error when the Durable Object call fails', async () => {
    const res = await healthWith(() => Promise.reject(new Error('namespace unreachable')));
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({
      ok: false,
      d1: { ok: true, schemaVersion: SCHEMA_VERSION },
      durableObjects: { ok: false, error: 'namespace unreachable' },
    });
  });

  it('answers 503 when the Durable Object does not answer within the timeout', async () => {
    vi.useFakeTimers();
    const pending = healthWith(() => new Promise(() => {}), 1500);
    await vi.advanceTimersByTimeAsync(1500);
    const res = await pending;
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({
      durableObjects: { ok: false, error: 'no answer within 1500 ms' },
    });
  });
});

describe('unknown routes', () => {
  it('answer 404 with a FaultError body', async () => {
    const res = await SELF.fetch('http://collector.test/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({
      error: { type: 'data_not_found', code: 3401, category: 'data' },
    });
  });
});
