import type { D1Migration } from 'cloudflare:test';
import type { Env as CollectorEnv } from '../../workers/src/env.js';

declare global {
  namespace Cloudflare {
    interface Env extends CollectorEnv {
      readonly TEST_MIGRATIONS: D1Migration[];
    }
  }
}
