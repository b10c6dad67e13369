// The project's own collector as a real process (`npm start`'s script: wrangler dev with a local
// D1 in a temporary state directory) serving one project whose page origin is its own, for the
// Chromium suites and the Chromium benchmark.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

/** Starts the collector on `port` and waits for `/health` (see collector-process.d.mts). */
export async function startCollector(port, { ingestPerMinute = 1_000_000 } = {}) {
  const base = `http://127.0.0.1:${port}`;
  const project = {
    id: 'e2e',
    name: 'Chromium end to end',
    // The demo page's credentials too, so examples/browser runs against it unchanged.
    publicKeys: ['e2e-public-key', 'demo-public-key'],
    readTokens: ['e2e-read-token', 'demo-read-token'],
    allowedOrigins: [base],
    ingestPerMinute,
  };
  const stateDir = mkdtempSync(join(tmpdir(), 'faultline-e2e-'));
  const projects = `FAULTLINE_PROJECTS:${JSON.stringify({ projects: [project] })}`;
  const child = spawn('node', [join(root, 'workers/scripts/start.mjs'), '--var', projects], {
    cwd: root,
    env: { ...process.env, PORT: String(port), FAULTLINE_STATE_DIR: stateDir },
    detached: true,
    stdio: 'ignore',
  });
  const stop = () => {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    rmSync(stateDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    const ok = await fetch(`${base}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline || child.exitCode !== null) {
      stop();
      throw new Error(`the collector did not start on ${base}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const readToken = project.readTokens[0];
  return {
    base,
    key: project.publicKeys[0],
    readToken,
    async issues(q) {
      const response = await fetch(`${base}/v1/issues?limit=200&q=${encodeURIComponent(q)}`, {
        headers: { authorization: `Bearer ${readToken}` },
      });
      return (await response.json()).issues;
    },
    stop,
  };
}

/** A page at the collector's origin that loads the standalone bundle as `window.faultline`. */
export const BUNDLE_PAGE = `<!doctype html><meta charset="utf-8"><title>faultline</title>
<script type="module">
window.faultline = await import('/faultline.browser.mjs');
window.ready = true;
</script>`;
