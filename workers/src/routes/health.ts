import { Hono } from 'hono';
import { isFaultError } from '../../../src/errors/is-fault-error.js';
import { loadProjects } from '../config/projects.js';
import { SCHEMA_VERSION, readSchemaVersion } from '../db/meta-repo.js';
import type { Env } from '../env.js';

/** Options of {@link createHealth}. */
export interface HealthOptions {
  /** How long each check may take before it counts as failed, in ms. Default 2000. */
  readonly timeoutMs?: number;
}

/** One dependency's result: whether it answered in time, and how long it took. */
export type CheckResult<T extends object> =
  | ({ readonly ok: true; readonly latencyMs: number } & T)
  | { readonly ok: false; readonly latencyMs: number; readonly error: string };

/**
 * The Durable Object `/health` pings. Project ids start with a letter or digit
 * (config/projects.ts), so this name never wakes a project's limiter.
 */
const PROBE_OBJECT = '_health';

/**
 * `GET /health` (SPEC §5): liveness plus reachability of D1 and the Durable Object namespace,
 * checked in parallel with one cheap query and one no-op RPC, and whether the project
 * configuration loads (every other route needs it). 200 when all three pass and the database
 * has every migration; otherwise 503 with each check's error. A configuration error is named by
 * its type only: its message may quote the configuration, secrets included. Never cached.
 *
 * @example
 * app.route('/health', createHealth({ timeoutMs: 1000 }));
 */
export function createHealth(options: HealthOptions = {}) {
  const timeoutMs = options.timeoutMs ?? 2000;
  return new Hono<{ Bindings: Env }>().get('/', async function getHealth(c) {
    const [d1, durableObjects] = await Promise.all([
      check(timeoutMs, async function checkD1() {
        const schemaVersion = await readSchemaVersion(c.env.DB);
        if (schemaVersion < SCHEMA_VERSION) {
          throw new Error(
            `schema version ${schemaVersion}, expected ${SCHEMA_VERSION}: apply the D1 migrations`,
          );
        }
        return { schemaVersion };
      }),
      check(timeoutMs, async function checkDurableObjects() {
        const namespace = c.env.INGEST_LIMITER;
        await namespace.get(namespace.idFromName(PROBE_OBJECT)).ping();
        return { namespace: 'INGEST_LIMITER' };
      }),
    ]);
    const config = checkConfig(c.env);
    const ok = d1.ok && durableObjects.ok && config.ok;
    c.header('cache-control', 'no-store');
    return c.json({ ok, d1, durableObjects, config }, ok ? 200 : 503);
  });
}

/** `GET /health` with the default timeout. */
export const health = createHealth();

/** Whether the projects load, and how many there are; a failure says only its type. */
function checkConfig(env: Env):
  | { readonly ok: true; readonly projects: number }
  | {
      readonly ok: false;
      readonly error: string;
    } {
  try {
    return { ok: true, projects: loadProjects(env).config.projects.length };
  } catch (error) {
    const type = isFaultError(error) ? error.type : 'internal_error';
    return { ok: false, error: `the project configuration does not load (${type})` };
  }
}

async function check<T extends object>(
  timeoutMs: number,
  probe: () => Promise<T>,
): Promise<CheckResult<T>> {
  const started = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const details = await Promise.race([probe(), timeout]);
    return { ok: true, latencyMs: Date.now() - started, ...details };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, latencyMs: Date.now() - started, error: message.slice(0, 300) };
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}
