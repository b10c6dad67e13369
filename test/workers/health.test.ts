import { SELF, env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';

describe('GET /health', () => {
  it('answers 200 with D1 reachable and the schema version from the migrations', async () => {
    const res = await SELF.fetch('http://collector.test/health');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ ok: true, d1: { ok: true, schemaVersion: 1 } });
  });

  it('answers 503 when D1 does not have the schema', async () => {
    await env.DB.exec('ALTER TABLE meta RENAME TO meta_hidden');
    try {
      const res = await SELF.fetch('http://collector.test/health');
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ ok: false, d1: { ok: false } });
    } finally {
      await env.DB.exec('ALTER TABLE meta_hidden RENAME TO meta');
    }
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
