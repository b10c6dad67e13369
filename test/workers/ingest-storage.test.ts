import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import {
  batchOf,
  eventId,
  issueOf,
  postBatch,
  storedEvents,
  uniqueWord,
  wireEvent,
  type IngestAnswer,
} from './ingest-fixtures.js';

async function ingest(
  events: unknown[],
  extra: Record<string, unknown> = {},
): Promise<IngestAnswer> {
  const res = await postBatch(batchOf(events, extra));
  expect(res.status).toBe(202);
  return (await res.json()) as IngestAnswer;
}

async function bucketTotal(category: string, severity: string): Promise<number> {
  const row = await env.DB.prepare(
    `SELECT COALESCE(SUM(count), 0) AS total FROM event_buckets
     WHERE project_id = 'acme' AND category = ? AND severity = ?`,
  )
    .bind(category, severity)
    .first<{ total: number }>();
  return row!.total;
}

async function droppedTotal(reason: string): Promise<number> {
  const row = await env.DB.prepare(
    "SELECT COALESCE(SUM(count), 0) AS total FROM dropped_counts WHERE project_id = 'acme' AND reason = ?",
  )
    .bind(reason)
    .first<{ total: number }>();
  return row!.total;
}

/** Events of one bug: the same message but for a number, which fingerprints strip. */
function sameBug(word: string, count: number, overrides: Record<string, unknown> = {}) {
  return Array.from({ length: count }, (_, i) =>
    wireEvent({ message: `Order ${1000 + i} failed: ${word} missing`, ...overrides }),
  );
}

describe('POST /v1/events: idempotency', () => {
  it('answers a replayed batch with every event duplicate and counts nothing twice', async () => {
    const events = sameBug(uniqueWord(), 3, { occurrences: 2, category: 'data', severity: 'low' });
    const bucketsBefore = await bucketTotal('data', 'low');
    expect(await ingest(events)).toEqual({ accepted: 3, duplicate: 0, rejected: [] });
    const issue = await issueOf(events[0]!.id as string);
    expect(await ingest(events)).toEqual({ accepted: 0, duplicate: 3, rejected: [] });
    expect(await issueOf(events[0]!.id as string)).toEqual(issue);
    expect(issue.count).toBe(6);
    expect(await bucketTotal('data', 'low')).toBe(bucketsBefore + 6);
    expect(await storedEvents(events.map((e) => e.id as string))).toHaveLength(3);
  });

  it('counts an id repeated within a batch once, keeping the first', async () => {
    const first = wireEvent({ occurrences: 4 });
    const again = { ...first, message: 'a different message', occurrences: 50 };
    expect(await ingest([first, again])).toEqual({ accepted: 1, duplicate: 1, rejected: [] });
    const [row] = await storedEvents([first.id as string]);
    expect(row!.message).toBe(first.message);
    expect((await issueOf(first.id as string)).count).toBe(4);
  });

  it('stores the new events of a partly replayed batch only', async () => {
    const word = uniqueWord();
    const [a, b, c] = sameBug(word, 3);
    await ingest([a, b]);
    expect(await ingest([b, c, a])).toEqual({ accepted: 1, duplicate: 2, rejected: [] });
    expect((await issueOf(a!.id as string)).count).toBe(3);
  });
});

describe('POST /v1/events: issues', () => {
  it('groups one bug into one issue whose count is the sum of occurrences', async () => {
    const word = uniqueWord();
    const [a, b, c] = sameBug(word, 3);
    const now = Date.now();
    Object.assign(a!, { occurrences: 5, timestamp: now - 1_000 });
    Object.assign(b!, { timestamp: now - 100_000 });
    Object.assign(c!, { occurrences: 2, timestamp: now - 50_000 });
    await ingest([a, b]);
    await ingest([c]);
    const issue = await issueOf(a!.id as string);
    expect((await issueOf(b!.id as string)).id).toBe(issue.id);
    expect((await issueOf(c!.id as string)).id).toBe(issue.id);
    expect(issue).toMatchObject({
      count: 8,
      first_seen: now - 100_000,
      last_seen: now - 1_000,
      status: 'open',
      title: a!.message,
      type: 'programming_error',
      category: 'system',
      severity: 'high',
    });
  });

  it('keeps different bugs apart, also within one batch', async () => {
    const [a] = sameBug(uniqueWord(), 1);
    const [b] = sameBug(uniqueWord(), 1);
    await ingest([a, b]);
    expect((await issueOf(a!.id as string)).id).not.toBe((await issueOf(b!.id as string)).id);
  });

  it('groups by the fingerprint an app chose, and computes one when none is sent', async () => {
    const [a, b] = sameBug(uniqueWord(), 2);
    const [c] = sameBug(uniqueWord(), 1);
    const chosen = `c:${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`; // as the SDK sends it
    Object.assign(a!, { fingerprint: chosen });
    Object.assign(c!, { fingerprint: chosen });
    await ingest([a, b, c]);
    const [ia, ib, ic] = await Promise.all([a, b, c].map((e) => issueOf(e!.id as string)));
    expect(ia!.id).toBe(ic!.id); // different bugs, one chosen group
    expect(ia!.id).not.toBe(ib!.id); // the same bug, but b left grouping to the collector
    expect(ia!.fingerprint).toBe(chosen);
    const [stored] = await storedEvents([a!.id as string]);
    expect(JSON.parse(stored!.payload).fingerprint).toBe(chosen);
  });

  it('ignores any other fingerprint a client sends: it could hold personal data', async () => {
    const [a, b] = sameBug(uniqueWord(), 2);
    Object.assign(a!, { fingerprint: 'alice@example.com 4111111111111111' });
    Object.assign(b!, { fingerprint: '0123456789abcdef' }); // an older SDK's own computation
    await ingest([a, b]);
    const [ia, ib] = await Promise.all([a, b].map((e) => issueOf(e!.id as string)));
    expect(ia!.id).toBe(ib!.id); // grouped by the collector's fingerprint, as one bug
    expect(ia!.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    const [stored] = await storedEvents([a!.id as string]);
    expect(stored!.payload).not.toContain('alice@example.com');
  });

  it('reopens a resolved issue on a new event (regression), not on a replay', async () => {
    const [a, b] = sameBug(uniqueWord(), 2);
    await ingest([a]);
    const { id } = await issueOf(a!.id as string);
    const resolve = env.DB.prepare(
      "UPDATE issues SET status = 'resolved', resolved_at = 1 WHERE id = ?",
    ).bind(id);
    await resolve.run();
    await ingest([a]); // replay: nothing new
    expect(await issueOf(a!.id as string)).toMatchObject({
      status: 'resolved',
      regressed_at: null,
    });
    const before = Date.now();
    await ingest([b]);
    const reopened = await issueOf(a!.id as string);
    expect(reopened).toMatchObject({ status: 'open', resolved_at: null, count: 2 });
    expect(reopened.regressed_at).toBeGreaterThanOrEqual(before);
  });

  it('keeps a resolved issue resolved when a late event happened before the resolve', async () => {
    const [a, late] = sameBug(uniqueWord(), 2);
    await ingest([a]);
    const { id } = await issueOf(a!.id as string);
    const resolvedAt = (late!.timestamp as number) + 1; // resolved after the late event happened
    await env.DB.prepare("UPDATE issues SET status = 'resolved', resolved_at = ? WHERE id = ?")
      .bind(resolvedAt, id)
      .run();
    await ingest([late]); // an offline buffer draining
    expect(await issueOf(a!.id as string)).toMatchObject({
      status: 'resolved',
      resolved_at: resolvedAt,
      regressed_at: null,
      count: 2,
    });
  });

  it('keeps an ignored issue ignored while counting its events', async () => {
    const [a, b] = sameBug(uniqueWord(), 2);
    await ingest([a]);
    const { id } = await issueOf(a!.id as string);
    await env.DB.prepare("UPDATE issues SET status = 'ignored' WHERE id = ?").bind(id).run();
    await ingest([b]);
    expect(await issueOf(a!.id as string)).toMatchObject({
      status: 'ignored',
      count: 2,
      regressed_at: null,
    });
  });

  it('adds the new events’ occurrences to the minute bucket of their category and severity', async () => {
    const before = await bucketTotal('config', 'info');
    const events = [
      wireEvent({ category: 'config', severity: 'info', occurrences: 3 }),
      wireEvent({ category: 'config', severity: 'info' }),
      wireEvent({ category: 'config', severity: 'low' }),
    ];
    await ingest(events);
    expect(await bucketTotal('config', 'info')).toBe(before + 4);
  });
});

describe('POST /v1/events: scrubbing', () => {
  it('scrubs personal data and secrets again before anything reaches D1', async () => {
    const id = eventId();
    const secrets = [
      'ann@example.org',
      '4111 1111 1111 1111',
      'sk_live_abcdef123456',
      'hunter2',
      '203.0.113.9',
      'tok_9f8e7d6c5b',
    ];
    const event = wireEvent({
      id,
      message: `Payment by ann@example.org with card 4111 1111 1111 1111 failed (${uniqueWord()})`,
      url: 'https://shop.example/pay?access_token=tok_9f8e7d6c5b&step=2',
      context: { password: 'hunter2', note: 'mail ann@example.org', client_ip: '203.0.113.9' },
      breadcrumbs: [
        { timestamp: 1, category: 'fetch', message: 'Authorization: Bearer sk_live_abcdef123456' },
      ],
      tags: { customer: 'ann@example.org' },
      user: { id: 'u-1', ip: '203.0.113.9' },
    });
    await ingest([event]);
    const [row] = await storedEvents([id]);
    const issue = await issueOf(id);
    for (const text of [row!.payload, row!.message, issue.title]) {
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
    expect(issue.title).toContain('[email]');
    expect(issue.title).toContain('[card]');
    const payload = JSON.parse(row!.payload) as { context: Record<string, unknown>; url: string };
    expect(payload.context).toMatchObject({ password: '[Filtered]', client_ip: '[Filtered]' });
    expect(payload.url).toContain('step=2');
  });

  it('stores no client IP under any of the keys SDKs and proxies use, and keeps look-alikes', async () => {
    const id = eventId();
    const ip = '198.51.100.23';
    const ipKeys = ['x-client-ip', 'x-cluster-client-ip', 'forwarded', 'user_ip', 'peer-ips'];
    const camelKeys = ['clientIp', 'peerIPs', 'ipAddresses', 'sourceIpAddress'];
    const context = Object.fromEntries([...ipKeys, ...camelKeys].map((key) => [key, ip]));
    await ingest([wireEvent({ id, context: { ...context, zip: '10115', tooltip: 'tip' } })]);
    const [row] = await storedEvents([id]);
    expect(row!.payload).not.toContain(ip);
    const stored = (JSON.parse(row!.payload) as { context: Record<string, unknown> }).context;
    expect(stored).toMatchObject({ zip: '10115', tooltip: 'tip' });
  });
});

describe('POST /v1/events: dropped counts', () => {
  it('adds the client’s drop counts per minute and reason, once per batch', async () => {
    const reason = `r_${uniqueWord().slice(0, 20)}`;
    const events = [wireEvent()];
    await ingest(events, { dropped: { [reason]: 7, buffer_overflow: 0 } });
    expect(await droppedTotal(reason)).toBe(7);
    await ingest(events, { dropped: { [reason]: 7 } }); // the same batch, replayed
    expect(await droppedTotal(reason)).toBe(7);
    await ingest([], { dropped: { [reason]: 2 } }); // a report with no events
    await ingest([wireEvent()], { dropped: { [reason]: 1 } });
    expect(await droppedTotal(reason)).toBe(10);
  });
});

describe('POST /v1/events: concurrency', () => {
  it('keeps exact counts under 20 concurrent batches with overlapping ids', async () => {
    const word = uniqueWord();
    const pool = sameBug(word, 40).map((event, i) => {
      event.occurrences = 1 + (i % 4);
      return event as { id: string; occurrences: number };
    });
    // Each event goes in about two batches out of three; every tenth event in none.
    const batches = Array.from({ length: 20 }, (_, b) =>
      pool.filter((_, i) => (i + b) % 3 !== 0 && i % 10 !== 9),
    );
    const answers = await Promise.all(batches.map((events) => ingest(events)));
    const sent = new Set(batches.flat().map((e) => e.id));
    expect(sent.size).toBe(36);
    const accepted = answers.reduce((sum, a) => sum + a.accepted, 0);
    const duplicate = answers.reduce((sum, a) => sum + a.duplicate, 0);
    expect(accepted).toBe(sent.size);
    expect(duplicate).toBe(batches.flat().length - sent.size);
    const expected = pool.filter((e) => sent.has(e.id)).reduce((sum, e) => sum + e.occurrences, 0);
    expect((await issueOf(pool[1]!.id)).count).toBe(expected);
    expect(await storedEvents([...sent])).toHaveLength(sent.size);
  });
});
