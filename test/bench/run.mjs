// `npm run bench`: every benchmark, one after another (each prints its own table).
import { readdirSync } from 'node:fs';

const dir = new URL('.', import.meta.url);
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.bench.mjs'))
  .sort()) {
  await import(new URL(file, dir));
}
