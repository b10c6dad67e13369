// The two ceilings the collector's ingest is measured against (issue 4 item 7), as a Worker of
// their own so the collector carries no bench-only routes:
// - POST /noop: a Hono route that reads the body and answers 202: what wrangler dev's proxy,
//   the runtime and the client cost per request, with no work at all;
// - POST /insert: the same batch stored bare, one `INSERT … SELECT FROM json_each(?)` into the
//   collector's `events` table (same indexes), no validation, scrubbing, grouping or buckets.
// And the collector's CPU cost where it runs:
// - POST /stubbed?requests=N&events=E: the collector's app, imported whole, called N times in a
//   row on the posted batch of E events with D1 and the limiter stubbed (stub-bindings.mjs).
//   workerd's clock stands still while a request computes, so the caller times the call.
import { Hono } from 'hono';
import { app as collector } from '../../../workers/src/app.ts';
import { ingestRequest, stubbedEnv } from './stub-bindings.mjs';

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

app.post('/stubbed', async function stubbed(c) {
  const body = new Uint8Array(await c.req.arrayBuffer());
  const requests = Number(c.req.query('requests'));
  const events = Number(c.req.query('events'));
  const env = stubbedEnv();
  let failures = 0;
  let firstFailure;
  for (let i = 0; i < requests; i++) {
    const res = await collector.fetch(ingestRequest(body), env, c.executionCtx);
    const json = await res.json();
    if (res.status === 202 && json.accepted + json.duplicate === events) continue;
    failures += 1;
    firstFailure ??= `HTTP ${res.status} ${JSON.stringify(json).slice(0, 300)}`;
  }
  return c.json({ requests, failures, firstFailure });
});

export default app;
