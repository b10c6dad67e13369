// `npm run bench`: every benchmark, one after another, each in its own Node process so one's
// heap, patched globals (Sentry's init wraps timers and fetch) and JIT state never skew the next.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = new URL('.', import.meta.url);
let failed = 0;
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.bench.mjs'))
  .sort()) {
  const { status } = spawnSync(
    process.execPath,
    ['--expose-gc', fileURLToPath(new URL(file, dir))],
    { stdio: 'inherit' },
  );
  if (status !== 0) {
    failed++;
    console.error(`\n${file} failed (exit ${status})`);
  }
}
process.exit(failed === 0 ? 0 : 1);
