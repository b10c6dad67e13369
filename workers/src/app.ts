import { Hono } from 'hono';
import { FaultError } from '../../src/errors/fault-error.js';
import type { Env } from './env.js';
import { renderFaultError } from './middleware/render-fault-error.js';
import { eventsQuery } from './routes/events-query.js';
import { health } from './routes/health.js';
import { ingest } from './routes/ingest.js';
import { issues } from './routes/issues.js';
import { stats } from './routes/stats.js';
import { users } from './routes/users.js';

/** The collector's Hono app: one route module per resource, FaultError JSON on every error. */
export const app = new Hono<{ Bindings: Env }>();

app.route('/health', health);
app.route('/v1/issues', issues);
app.route('/v1/events', eventsQuery); // GET only; ingest mounts POST on the same base
app.route('/v1/events', ingest); // POST (and OPTIONS preflights) with the public key
app.route('/v1/stats', stats);
app.route('/v1/users', users);
app.notFound(function notFound(c) {
  const error = new FaultError('data_not_found', `No route ${c.req.method} ${c.req.path}`, {
    captureStack: false,
  });
  return c.json({ error: error.toJSON() }, 404);
});
app.onError(renderFaultError);
