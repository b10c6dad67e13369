/**
 * The faultline collector Worker (SPEC §5).
 *
 * @module
 */
import { app } from './app.js';
import { pruneExpired } from './cron/retention.js';
import type { Env } from './env.js';

export { IngestLimiter } from './objects/ingest-limiter.js';

export default {
  fetch: app.fetch,
  /** The cron trigger (wrangler.jsonc): prunes rows past each project's retention. */
  async scheduled(controller, env) {
    const summary = await pruneExpired(env, controller.scheduledTime);
    // It runs every minute: only runs that pruned something, or ran out of budget, are logged.
    const pruned = Object.values(summary.deleted).some((rows) => rows > 0);
    if (pruned || !summary.complete) {
      console.log(JSON.stringify({ cron: controller.cron, retention: summary }));
    }
  },
} satisfies ExportedHandler<Env>;
