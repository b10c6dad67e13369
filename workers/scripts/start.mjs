// `npm start`: applies D1 migrations to the local database, then serves the collector on
// http://127.0.0.1:8787 with wrangler dev.
import { wrangler } from './wrangler.mjs';

const port = process.env.PORT ?? '8787';
const migrated = await wrangler(['d1', 'migrations', 'apply', 'DB', '--local']);
if (migrated !== 0) process.exit(migrated);
const dev = wrangler(['dev', '--ip', '127.0.0.1', '--port', port]);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => dev.child.kill(signal));
process.exit(await dev);
