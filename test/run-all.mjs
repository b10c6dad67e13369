// `npm test`: the whole suite, in order: build, lint, types, Node unit + fuzz, workerd,
// Deno, real Chromium. Every step runs even after a failure; the summary lists them all.
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './browser/ensure-chromium.mjs';

const steps = [
  ['build', 'npm', ['run', 'build']],
  ['lint', 'npm', ['run', 'lint']],
  ['typecheck', 'npm', ['run', 'typecheck']],
  ['unit + fuzz (Node)', 'npm', ['run', 'test:unit']],
  ['workers (workerd)', 'npm', ['run', 'test:workers']],
  ['deno', 'npm', ['run', 'test:deno']],
  ['browser (Chromium)', 'npm', ['run', 'test:browser'], ensureChromium],
];

const env = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  NO_COLOR: process.env.CI ? '1' : process.env.NO_COLOR,
};
const results = [];
for (const [name, command, args, prepare] of steps) {
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  const ready = prepare ? prepare() : true;
  const status = ready ? (spawnSync(command, args, { stdio: 'inherit', env }).status ?? 1) : 1;
  results.push({ name, ok: status === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) });
}

console.log('\n━━ summary ━━');
for (const { name, ok, seconds } of results)
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name} (${seconds} s)`);
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
