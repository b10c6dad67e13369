// `npm start`: applies D1 migrations to the local database, builds the demo page with the
// standalone browser bundle, then serves both on http://127.0.0.1:8787 with wrangler dev.
// PORT changes the port; FAULTLINE_STATE_DIR keeps the local D1 and Durable Object state
// elsewhere than workers/.wrangler (tests use a temporary one so they never leave events in a
// developer's demo database); further arguments go to `wrangler dev`, e.g.
// `npm start -- --var FAULTLINE_PROJECTS:'[…]'`.
import { buildDemoSite, siteDir } from './browser-bundle.mjs';
import { wrangler } from './wrangler.mjs';

const port = process.env.PORT ?? '8787';
const persist = process.env.FAULTLINE_STATE_DIR
  ? ['--persist-to', process.env.FAULTLINE_STATE_DIR]
  : [];
const migrated = await wrangler(['d1', 'migrations', 'apply', 'DB', '--local', ...persist]);
if (migrated !== 0) process.exit(migrated);
await buildDemoSite();
// The demo page's origin must be allowed: on another port, tell the demo project which.
const demoPort = port === '8787' ? [] : ['--var', `FAULTLINE_DEMO_PORT:${port}`];
const extra = [...demoPort, ...process.argv.slice(2)];
const dev = wrangler([
  'dev',
  '--ip',
  '127.0.0.1',
  '--port',
  port,
  '--assets',
  siteDir,
  ...persist,
  ...extra,
]);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => dev.child.kill(signal));
process.exit(await dev);
