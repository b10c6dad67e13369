import { Hono } from 'hono';
import { FaultError } from '../../src/errors/fault-error.js';
import type { Env } from './env.js';
import { renderFaultError } from './middleware/render-fault-error.js';
import { health } from './routes/health.js';

/** The collector's Hono app: one route module per resource, FaultError JSON on every error. */
export const app = new Hono<{ Bindings: Env }>();

app.route('/health', health);
app.notFound(function notFound(c) {
  const error = new FaultError('data_not_found', `No route ${c.req.method} ${c.req.path}`, {
    captureStack: false,
  });
  return c.json({ error: error.toJSON() }, 404);
});
app.onError(renderFaultError);
