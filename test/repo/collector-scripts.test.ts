import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './source-files.js';

// The README's first command, for real: `npm start` migrates the local D1 and serves /health.
describe('collector scripts', () => {
  it('npm start applies the migrations and answers /health on the chosen port', async () => {
    const port = String(18_000 + (process.pid % 2000));
    const child = spawn('node', [join(repoRoot, 'workers/scripts/start.mjs')], {
      cwd: repoRoot,
      env: { ...process.env, PORT: port, WRANGLER_SEND_METRICS: 'false' },
      detached: true,
      stdio: 'ignore',
    });
    try {
      const deadline = Date.now() + 60_000;
      let body: unknown;
      while (Date.now() < deadline && body === undefined) {
        body = await fetch(`http://127.0.0.1:${port}/health`)
          .then((res) => (res.ok ? res.json() : undefined))
          .catch(() => undefined);
        if (body === undefined) await new Promise((resolve) => setTimeout(resolve, 500));
      }
      expect(body).toMatchObject({ ok: true, d1: { ok: true, schemaVersion: 1 } });
    } finally {
      process.kill(-(child.pid as number), 'SIGTERM');
    }
  }, 90_000);

  it('npm run deploy refuses the placeholder database id before calling wrangler', () => {
    const result = spawnSync('node', [join(repoRoot, 'workers/scripts/deploy.mjs')], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Refusing to deploy');
  });
});
