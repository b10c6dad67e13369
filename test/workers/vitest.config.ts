import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { TEST_PROJECTS } from './projects.js';

const root = new URL('../..', import.meta.url).pathname;

// workerd suite: the collector (with real local D1 and migrations) and the core and resilience
// unit suites,
// run again inside workerd to prove the core is isomorphic. Node-only tests are *.node.test.ts.
export default defineConfig({
  plugins: [
    cloudflareTest(async () => ({
      wrangler: { configPath: `${root}workers/wrangler.jsonc` },
      miniflare: {
        bindings: {
          TEST_MIGRATIONS: await readD1Migrations(`${root}workers/migrations`),
          FAULTLINE_PROJECTS: JSON.stringify(TEST_PROJECTS),
        },
      },
    })),
  ],
  test: {
    root,
    include: [
      'test/workers/**/*.test.ts',
      'test/unit/{errors,classify,stack,scrub,context,config,wire}/**/*.test.ts',
      'test/unit/{backoff,retry,breaker,ratelimit,policy,fetch}/**/*.test.ts',
    ],
    exclude: ['**/*.node.test.ts'],
    setupFiles: ['test/workers/apply-migrations.ts'],
  },
});
