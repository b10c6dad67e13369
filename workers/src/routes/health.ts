import { Hono } from 'hono';
import type { Env } from '../env.js';

/** `GET /health`: liveness plus D1 reachability; 503 when D1 does not answer. */
export const health = new Hono<{ Bindings: Env }>().get('/', async function getHealth(c) {
  const started = Date.now();
  try {
    const row = await c.env.DB.prepare(
      "SELECT value FROM meta WHERE key = 'schema_version'",
    ).first<{
      value: string;
    }>();
    return c.json({
      ok: true,
      d1: { ok: true, schemaVersion: Number(row?.value ?? 0), latencyMs: Date.now() - started },
    });
  } catch (error) {
    return c.json({ ok: false, d1: { ok: false, error: String(error) } }, 503);
  }
});
