import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError } from '../../src/errors/fault-error.js';
import { repoRoot } from './source-files.js';

// The README's first command, for real: `npm start` migrates the local D1 and serves the
// collector with the demo project.
describe('npm start', () => {
  const port = String(18_000 + (process.pid % 2000));
  const base = `http://127.0.0.1:${port}`;
  // Its own state directory, so the test never leaves events in the developer's demo database.
  const stateDir = mkdtempSync(join(tmpdir(), 'faultline-start-'));
  let child: ChildProcess | undefined;
  let health: { status: number; body: unknown } | undefined;

  beforeAll(async () => {
    child = spawn('node', [join(repoRoot, 'workers/scripts/start.mjs')], {
      cwd: repoRoot,
      env: {
        ...process.env,
        PORT: port,
        WRANGLER_SEND_METRICS: 'false',
        FAULTLINE_STATE_DIR: stateDir,
      },
      detached: true,
      stdio: 'ignore',
    });
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && health === undefined) {
      health = await fetch(`${base}/health`)
        .then(async (res) => ({ status: res.status, body: await res.json() }))
        .catch(() => undefined);
      if (health === undefined) await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }, 90_000);

  afterAll(() => {
    if (child?.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('applies the migrations and answers /health with D1 and the Durable Object reachable', () => {
    expect(health).toMatchObject({
      status: 200,
      body: {
        ok: true,
        d1: { ok: true, schemaVersion: 2 },
        durableObjects: { ok: true, namespace: 'INGEST_LIMITER' },
      },
    });
  });

  it('accepts a batch sent with the demo public key, then sees it again as duplicate', async () => {
    const events = ['first', 'second'].map((n) =>
      new FaultError('service_unavailable', `collector-scripts test: ${n}`, {
        id: randomUUID(),
        context: { run: n },
      }).toJSON(),
    );
    const body = JSON.stringify({
      sdk: { name: 'faultline-test', version: '0.0.0' },
      sentAt: Date.now(),
      events,
    });
    const post = () =>
      fetch(`${base}/v1/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-faultline-key': 'demo-public-key' },
        body,
      });
    const first = await post();
    expect({ status: first.status, body: await first.json() }).toEqual({
      status: 202,
      body: { accepted: 2, duplicate: 0, rejected: [] },
    });
    const replay = await post();
    expect(await replay.json()).toEqual({ accepted: 0, duplicate: 2, rejected: [] });
  });

  it('serves the demo page with the standalone bundle, its origin allowed on any PORT', async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('demo.js');
    const bundle = await fetch(`${base}/faultline.browser.mjs`);
    expect(bundle.status).toBe(200);
    expect(await bundle.text()).toMatch(/export\{[^}]*\binit\b/);
    const preflight = await fetch(`${base}/v1/events`, {
      method: 'OPTIONS',
      headers: {
        origin: base,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, x-faultline-key',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(base);
  });
});

interface DeployChecks {
  deployProblems(configPath: string): Promise<string[]>;
}
const checks = (await import(
  pathToFileURL(join(repoRoot, 'workers/scripts/deploy-checks.mjs')).href
)) as DeployChecks;

describe('npm run deploy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-deploy-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Problems deploy finds in a wrangler.jsonc with these `vars` and D1 `database_id`. */
  function problemsWith(vars: Record<string, string>, databaseId = randomUUID()) {
    const path = join(dir, `${randomUUID()}.jsonc`);
    writeFileSync(
      path,
      `{
        // as in workers/wrangler.jsonc: comments and trailing commas
        "name": "faultline-collector",
        "main": "src/index.ts",
        "compatibility_date": "2026-04-01",
        "d1_databases": [{ "binding": "DB", "database_name": "faultline", "database_id": "${databaseId}", }],
        "vars": ${JSON.stringify(vars)},
      }`,
    );
    return checks.deployProblems(path);
  }

  it('refuses the placeholder database id before calling wrangler', () => {
    const result = spawnSync('node', [join(repoRoot, 'workers/scripts/deploy.mjs')], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Refusing to deploy');
    expect(result.stderr).toContain('placeholder database_id');
  });

  it('refuses vars holding the demo public key or read token', async () => {
    const projects = JSON.stringify({ projects: [{ publicKeys: ['demo-public-key'] }] });
    expect(await problemsWith({ FAULTLINE_ENV: 'production', OTHER: 'demo-read-token' })).toEqual([
      'vars.OTHER contains the demo credentials demo-read-token.',
    ]);
    expect(await problemsWith({ FAULTLINE_PROJECTS: projects })).toEqual([
      'vars.FAULTLINE_PROJECTS contains the demo credentials demo-public-key.',
      expect.stringContaining('set it as a secret'),
    ]);
  });

  it('refuses projects in vars even without demo credentials: read tokens are secrets', async () => {
    const projects = JSON.stringify({ projects: [{ readTokens: ['real-read-token-1'] }] });
    expect(await problemsWith({ FAULTLINE_PROJECTS: projects })).toEqual([
      expect.stringContaining('npx wrangler secret put FAULTLINE_PROJECTS'),
    ]);
  });

  it('lets a config with a real database id and no credentials in vars through', async () => {
    expect(await problemsWith({ FAULTLINE_ENV: 'development' })).toEqual([]);
    expect(await problemsWith({}, '00000000-0000-0000-0000-000000000000')).toEqual([
      expect.stringContaining('placeholder database_id'),
    ]);
  });
});
