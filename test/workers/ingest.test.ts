import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { userKey } from '../../workers/src/ingest/user-key.js';
import {
  batchOf,
  eventId,
  issueOf,
  postBatch,
  storedEvents,
  wireEvent,
  type IngestAnswer,
} from './ingest-fixtures.js';

describe('POST /v1/events: 202', () => {
  it('stores a valid batch and answers accepted, duplicate and rejected', async () => {
    const events = [wireEvent(), wireEvent()];
    const res = await postBatch(batchOf(events));
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: 2, duplicate: 0, rejected: [] });
    const rows = await storedEvents(events.map((e) => e.id as string));
    expect(rows).toHaveLength(2);
  });

  it('rejects bad events one by one with their index, path and expectation, keeping the rest', async () => {
    const good = [wireEvent(), wireEvent()];
    const badType = wireEvent({ timestamp: 'yesterday' });
    const badSeverity = wireEvent({ severity: 'apocalyptic', frames: [{ line: -3 }] });
    const res = await postBatch(batchOf([good[0], badType, 42, good[1], badSeverity]));
    expect(res.status).toBe(202);
    const answer = (await res.json()) as IngestAnswer;
    expect(answer.accepted).toBe(2);
    expect(answer.duplicate).toBe(0);
    expect(answer.rejected.map((r) => r.index)).toEqual([1, 2, 4]);
    expect(answer.rejected[0]!.error).toMatchObject({
      type: 'type_mismatch',
      code: 3201,
      context: {
        problems: [{ path: 'timestamp', expected: 'type number', received: '"yesterday"' }],
      },
    });
    expect(answer.rejected[1]!.error).toMatchObject({
      type: 'type_mismatch',
      context: { problems: [{ path: '', expected: 'type object', received: '42' }] },
    });
    const third = answer.rejected[2]!.error as {
      type: string;
      context: { problems: { path: string }[] };
    };
    expect(third.type).toBe('format_error');
    expect(third.context.problems.map((p) => p.path).sort()).toEqual(['frames.0.line', 'severity']);
    const stored = await storedEvents([...good, badType, badSeverity].map((e) => e.id as string));
    expect(stored.map((row) => row.id).sort()).toEqual(good.map((e) => e.id as string).sort());
  });

  it('answers 202 with everything rejected when no event is valid', async () => {
    const res = await postBatch(batchOf([{}, null, 'x']));
    expect(res.status).toBe(202);
    const answer = (await res.json()) as IngestAnswer;
    expect(answer).toMatchObject({ accepted: 0, duplicate: 0 });
    expect(answer.rejected).toHaveLength(3);
  });

  it('accepts an empty batch', async () => {
    const res = await postBatch(batchOf([]));
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: 0, duplicate: 0, rejected: [] });
  });

  it('takes the key from ?key= when no header is sent', async () => {
    const event = wireEvent();
    const res = await postBatch(batchOf([event]), { key: null, query: '?key=acme-public-key-1' });
    expect(res.status).toBe(202);
    expect(await storedEvents([event.id as string])).toHaveLength(1);
  });

  it('accepts a text/plain beacon body', async () => {
    const event = wireEvent();
    const res = await postBatch(JSON.stringify(batchOf([event])), {
      key: null,
      query: '?key=acme-public-key-1',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
    });
    expect(res.status).toBe(202);
    expect(await storedEvents([event.id as string])).toHaveLength(1);
  });

  it('stores events under the key’s project only', async () => {
    const event = wireEvent();
    expect((await postBatch(batchOf([event]), { key: 'other-public-key-1' })).status).toBe(202);
    expect(await storedEvents([event.id as string], 'other')).toHaveLength(1);
    expect(await storedEvents([event.id as string], 'acme')).toHaveLength(0);
  });

  it('stores the scrubbed, fingerprinted event as the payload and fills the columns from it', async () => {
    const id = eventId();
    const event = wireEvent({
      id,
      occurrences: 3,
      correlationId: 'req-123',
      user: { id: 'u-42', email: 'ann@example.org', ip_address: '203.0.113.9' },
      timestamp: 1_700_000_000_000.7,
      clientOnlyField: 'dropped',
    });
    expect((await postBatch(batchOf([event]))).status).toBe(202);
    const [row] = await storedEvents([id]);
    const payload = JSON.parse(row!.payload) as Record<string, unknown>;
    const issue = await issueOf(id);
    expect(row).toMatchObject({
      issue_id: issue.id,
      timestamp: 1_700_000_000_000,
      type: 'programming_error',
      category: 'system',
      severity: 'high',
      message: event.message,
      occurrences: 3,
      correlation_id: 'req-123',
      user_id: await userKey('acme', 'u-42'),
    });
    expect(payload).toMatchObject({
      id,
      timestamp: 1_700_000_000_000,
      occurrences: 3,
      fingerprint: issue.fingerprint,
      user: { id: 'u-42', email: '[email]', ip_address: '[Filtered]' },
    });
    expect(payload.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(payload).not.toHaveProperty('clientOnlyField');
    expect(issue.id).toMatch(/^[0-9a-f]{24}$/);
  });

  it('clamps a timestamp far ahead of the collector’s clock to the time received', async () => {
    const id = eventId();
    const before = Date.now();
    await postBatch(batchOf([wireEvent({ id, timestamp: 9e15 })]));
    const [row] = await storedEvents([id]);
    expect(row!.timestamp).toBeGreaterThanOrEqual(before);
    expect(row!.timestamp).toBe(row!.received_at);
  });

  it('answers 413 for a batch over the project’s rate, 429 with Retry-After once it is spent', async () => {
    const send = (n: number) =>
      postBatch(batchOf(Array.from({ length: n }, () => wireEvent())), {
        key: 'limited-public-key',
      });
    // `limited` takes 10 events a minute: a batch of 11 never fits, so it is refused as too
    // large (413: split it) without taking from the bucket; 10 fit a fresh bucket, 10 more not.
    const tooMany = await send(11);
    expect(tooMany.status).toBe(413);
    expect(tooMany.headers.get('retry-after')).toBeNull();
    const tooManyBody = (await tooMany.json()) as { error: Record<string, unknown> };
    expect(tooManyBody).toMatchObject({
      error: { type: 'resource_exhausted', context: { events: 11, ingestPerMinute: 10 } },
    });
    expect(tooManyBody.error.message).toMatch(/per minute.*split/);
    expect((await send(10)).status).toBe(202);
    const refused = await send(10);
    expect(refused.status).toBe(429);
    const wait = Number(refused.headers.get('retry-after'));
    expect(Number.isInteger(wait) && wait >= 1 && wait <= 60).toBe(true);
    expect(await refused.json()).toMatchObject({ error: { type: 'rate_limited', code: 2202 } });
    const { count } = (await env.DB.prepare(
      "SELECT COUNT(*) AS count FROM events WHERE project_id = 'limited'",
    ).first<{ count: number }>())!;
    expect(count).toBe(10);
  });
});
