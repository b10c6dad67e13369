import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { writeIngest } from '../../workers/src/db/events-repo.js';
import { chunkEvents, type IssueEvents } from '../../workers/src/ingest/chunk-events.js';
import { utf8Length } from '../../workers/src/ingest/utf8-length.js';
import { eventId, issueOf, storedEvents, uniqueWord } from './ingest-fixtures.js';

/** An issue of `sizes.length` events whose payloads are about `sizes[i]` bytes. */
function issueWith(sizes: number[], userId: string | null = null): IssueEvents {
  const word = uniqueWord();
  const timestamp = Date.now() - 1000;
  return {
    id: word.slice(1, 25),
    fingerprint: word.slice(1, 17),
    title: `Bug ${word} – ünïcode`,
    type: 'programming_error',
    category: 'system',
    severity: 'high',
    events: sizes.map((size) => {
      const id = eventId();
      const payload = JSON.stringify({
        id,
        timestamp,
        type: 'programming_error',
        category: 'system',
        severity: 'high',
        message: `Bug ${word}`,
        occurrences: 2,
        context: { pad: 'é'.repeat(Math.max(0, size - 200) / 2) },
      });
      return {
        id,
        userId,
        timestamp,
        occurrences: 2,
        category: 'system',
        severity: 'high',
        payload,
      };
    }),
  };
}

interface IndexEntry {
  i: string;
  s: string;
  t: number;
  n: number;
  h?: { title: string };
}

describe('utf8Length()', () => {
  it('agrees with TextEncoder, by encoding short strings and counting long ones', () => {
    const samples = ['', 'abc', 'é', '€', '😀', 'a\uD800b', '\uDC00', 'x😀é€'.repeat(300_000)];
    for (const text of samples) {
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).byteLength);
    }
  });
});

describe('chunkEvents()', () => {
  it('splits events into chunks within the budget, every event exactly once', () => {
    const issues = [
      issueWith([300, 900, 500, 700], 'u-ä'),
      issueWith([400]),
      issueWith([1200, 300, 300]),
    ];
    const chunks = chunkEvents(issues, 2_000);
    expect(chunks.length).toBeGreaterThan(2);
    const seen: string[] = [];
    for (const chunk of chunks) {
      expect(utf8Length(chunk.rows)).toBeLessThanOrEqual(2_000);
      expect(utf8Length(chunk.index)).toBeLessThanOrEqual(2_000);
      const rows = JSON.parse(chunk.rows) as { s: string; u: string | null; p: { id: string } }[];
      const index = JSON.parse(chunk.index) as IndexEntry[];
      expect(index.map((entry) => entry.i)).toEqual(rows.map((row) => row.p.id));
      for (const [at, row] of rows.entries()) {
        const issue = issues.find((i) => i.id === row.s)!;
        const event = issue.events.find((e) => e.id === row.p.id)!;
        expect(row.u).toBe(event.userId);
        expect(index[at]).toMatchObject({ s: issue.id, t: event.timestamp, n: 2 });
        // The first row of each issue in a chunk carries its head, and only that one.
        const first = rows.findIndex((r) => r.s === row.s) === at;
        expect(index[at]!.h?.title).toBe(first ? issue.title : undefined);
        seen.push(row.p.id);
      }
    }
    expect(seen.sort()).toEqual(issues.flatMap((i) => i.events.map((e) => e.id)).sort());
  });

  it('keeps everything in one chunk when it fits', () => {
    expect(chunkEvents([issueWith([300, 300]), issueWith([300])])).toHaveLength(1);
    expect(chunkEvents([])).toEqual([]);
  });

  it('makes the same chunk whether it measures the events or fits them unmeasured', () => {
    const issues = [issueWith([300, 900], 'u-ä'), issueWith([400]), issueWith([500], 'u-b')];
    const [unmeasured] = chunkEvents(issues);
    const bytes = Math.max(utf8Length(unmeasured!.rows), utf8Length(unmeasured!.index));
    // Within three times the text's length the sizes are measured; the comma count is 1 over.
    expect(chunkEvents(issues, bytes + 1)).toEqual([unmeasured]);
    expect(chunkEvents(issues, bytes - 1).length).toBeGreaterThan(1);
  });
});

describe('writeIngest()', () => {
  it('stores a write over D1’s bound-value limit in several chunks of one transaction', async () => {
    const a = issueWith([250_000, 250_000, 250_000, 250_000, 250_000]);
    const b = issueWith([250_000, 250_000, 250_000]);
    const chunks = chunkEvents([a, b]);
    expect(chunks.length).toBeGreaterThan(1);
    const ids = [...a.events, ...b.events].map((e) => e.id);
    const write = {
      projectId: 'acme',
      receivedAt: Date.now(),
      chunks,
      eventIds: JSON.stringify(ids),
      dropped: {},
    };
    expect(await writeIngest(env.DB, write)).toBe(8);
    const rows = await storedEvents(ids);
    expect(rows).toHaveLength(8);
    for (const row of rows) {
      const sent = [...a.events, ...b.events].find((e) => e.id === row.id)!;
      expect(JSON.parse(row.payload)).toEqual(JSON.parse(sent.payload));
    }
    expect(await issueOf(a.events[0]!.id)).toMatchObject({ count: 10, title: a.title });
    expect((await issueOf(b.events[0]!.id)).count).toBe(6);
    expect(await writeIngest(env.DB, write)).toBe(0);
    expect((await issueOf(a.events[0]!.id)).count).toBe(10);
  });
});
