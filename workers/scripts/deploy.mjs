// `npm run deploy`: applies migrations to the remote D1 database and deploys the collector in
// production mode, refusing a config that still points at the local placeholder database or
// carries demo credentials (see deploy-checks.mjs).
import { PRODUCTION_VARS, deployProblems } from './deploy-checks.mjs';
import { configPath, wrangler } from './wrangler.mjs';

const problems = await deployProblems(configPath);
if (problems.length > 0) {
  console.error(
    `Refusing to deploy workers/wrangler.jsonc (README: Deploying):\n` +
      problems.map((problem) => `  - ${problem}`).join('\n'),
  );
  process.exit(1);
}
const migrated = await wrangler(['d1', 'migrations', 'apply', 'DB', '--remote']);
if (migrated !== 0) process.exit(migrated);
process.exit(await wrangler(['deploy', ...PRODUCTION_VARS]));
