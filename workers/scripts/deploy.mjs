// `npm run deploy`: applies migrations to the remote D1 database and deploys the collector,
// refusing while the config still points at the local placeholder database.
import { readFileSync } from 'node:fs';
import { configPath, wrangler } from './wrangler.mjs';

const config = readFileSync(configPath, 'utf8');
if (config.includes('00000000-0000-0000-0000-000000000000')) {
  console.error(
    'Refusing to deploy: workers/wrangler.jsonc still has the placeholder D1 database_id.\n' +
      'Create a database with `npx wrangler d1 create faultline` and put its id there (README: Deploying).',
  );
  process.exit(1);
}
const migrated = await wrangler(['d1', 'migrations', 'apply', 'DB', '--remote']);
if (migrated !== 0) process.exit(migrated);
process.exit(await wrangler(['deploy']));
