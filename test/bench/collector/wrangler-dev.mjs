// Starts a Worker under `wrangler dev` on loopback for the benchmark: local migrations applied
// first into a throwaway state directory (the developer's `npm start` data is never touched),
// free ports, metrics and the interactive session off, request logging silenced.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Runs wrangler with `args`; resolves with `{ code, output }` (output kept, last 20 kB). */
function run(args, { detached = false } = {}) {
  const child = spawn('npx', ['--no-install', 'wrangler', ...args], {
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached,
  });
  let output = '';
  const keep = (chunk) => (output = (output + chunk).slice(-20_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const done = new Promise((resolve) =>
    child.on('exit', (code) => resolve({ code: code ?? 1, output })),
  );
  return { child, done, output: () => output };
}

/** Runs one wrangler command to completion; throws with its output when it fails. */
export async function wranglerOnce(args) {
  const { code, output } = await run(args).done;
  if (code !== 0) throw new Error(`wrangler ${args.join(' ')} failed (${code}):\n${output}`);
  return output;
}

/**
 * Applies `config`'s migrations to a local D1 under `persistTo`, starts `wrangler dev` and
 * waits until `GET readyPath` answers. Resolves with `{ url, stop() }`.
 */
export async function startDev({ config, persistTo, readyPath }) {
  const local = ['--local', '--persist-to', persistTo, '--config', config];
  await wranglerOnce(['d1', 'migrations', 'apply', 'DB', ...local]);
  const [port, inspectorPort] = [await freePort(), await freePort()];
  const dev = run(
    [
      'dev',
      ...['--ip', '127.0.0.1', '--port', String(port)],
      ...['--inspector-port', String(inspectorPort)],
      ...['--persist-to', persistTo, '--config', config],
      '--show-interactive-dev-session=false',
      ...['--log-level', 'warn'],
    ],
    { detached: true },
  );
  const url = `http://127.0.0.1:${port}`;
  let exited = false;
  dev.done.then(() => (exited = true));
  const stop = async () => {
    if (!exited) process.kill(-dev.child.pid, 'SIGTERM');
    await dev.done;
  };
  const deadline = performance.now() + 60_000;
  while (!exited && performance.now() < deadline) {
    const answered = await fetch(url + readyPath)
      .then((res) => res.status < 500)
      .catch(() => false);
    if (answered) return { url, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`wrangler dev (${config}) did not become ready:\n${dev.output()}`);
}
