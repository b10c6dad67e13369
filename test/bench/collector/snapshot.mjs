// The collector as `wrangler deploy` would ship it, bundled once into a directory of its own
// with a config beside it: wrangler dev reloads a Worker whose sources change, and a benchmark
// must not measure restarts while someone edits workers/src.
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { wranglerOnce } from './wrangler-dev.mjs';

/** Bundles the Worker configured at `config` into `dir`; resolves with the new config's path. */
export async function snapshotWorker(config, dir) {
  await wranglerOnce(['deploy', '--dry-run', '--outdir', dir, '--config', config]);
  const { experimental_readRawConfig: readRawConfig } = await import('wrangler');
  const { rawConfig } = readRawConfig({ config });
  const raw = { ...rawConfig };
  delete raw.$schema; // relative to the original config's directory
  const snapshot = {
    ...raw,
    main: 'index.js',
    no_bundle: true,
    d1_databases: raw.d1_databases?.map((database) => ({
      ...database,
      migrations_dir: resolve(dirname(config), database.migrations_dir ?? 'migrations'),
    })),
  };
  const path = join(dir, 'wrangler.json');
  writeFileSync(path, JSON.stringify(snapshot, null, 2));
  return path;
}
