// Runs the project's wrangler with the collector's config and metrics off; resolves with its
// exit code. Shared by the start, deploy and benchmark scripts.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const workersDir = fileURLToPath(new URL('..', import.meta.url));
export const configPath = fileURLToPath(new URL('../wrangler.jsonc', import.meta.url));

export function wrangler(args, options = {}) {
  const child = spawn('npx', ['--no-install', 'wrangler', ...args, '--config', configPath], {
    stdio: 'inherit',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', ...options.env },
  });
  const done = new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  return Object.assign(done, { child });
}
