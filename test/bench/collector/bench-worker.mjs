// The two ceilings the collector's ingest is measured against (issue 4 item 7), as a Worker of
// their own so the collector carries no bench-only routes:
// - POST /noop: a Hono route that reads the body and answers 202: what wrangler dev's proxy,
//   the runtime and the client cost per request, with no work at all;
// - POST /insert: the same batch stored bare, one `INSERT … SELECT FROM json_each(?)` into the
//   collector's `events` table (same indexes), no validation, scrubbing, grouping or buckets.
import { Hono } from 'hono';

const INSERT_EVENTS = `INSERT INTO events (project_id, id, issue_id, timestamp, received_at, type,
    category, severity, message, occurrences, correlation_id, user_id, payload)
  SELECT 'bench', e.value ->> 'id', e.value ->> 'type', e.value ->> 'timestamp', ?2,
    e.value ->> 'type', e.value ->> 'category', e.value ->> 'severity', e.value ->> 'message',
    coalesce(e.value ->> 'occurrences', 1), e.value ->> 'correlationId', e.value ->> '$.user.id',
    e.value
  FROM json_each(?1, '$.events') AS e`;

const app = new Hono();

app.post('/noop', async function noop(c) {
  await c.req.arrayBuffer();
  return c.json({ accepted: 0 }, 202);
});

app.post('/insert', async function insert(c) {
  const body = await c.req.text();
  const { meta } = await c.env.DB.prepare(INSERT_EVENTS).bind(body, Date.now()).run();
  return c.json({ accepted: meta.changes }, 202);
});

export default app;
