// Erasure by user through the real ingest route: events are found by the raw `user.id` the
// client sent, whatever the scrubber makes of it and however long it is.
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { userKey } from '../../workers/src/ingest/user-key.js';
import { batchOf, postBatch, storedEvents, uniqueWord, wireEvent } from './ingest-fixtures.js';
import { TOKENS, call } from './query-seed.js';

function eraseUser(id: string, token: string = TOKENS.acme) {
  return call(`/v1/users/${encodeURIComponent(id)}/events`, { method: 'DELETE', token });
}

async function ingest(key: string, events: Record<string, unknown>[]): Promise<string[]> {
  const res = await postBatch(batchOf(events), { key });
  expect(res.status).toBe(202);
  expect(await res.json()).toMatchObject({ accepted: events.length, rejected: [] });
  return events.map((event) => event.id as string);
}

async function remaining(ids: string[], projectId = 'acme'): Promise<string[]> {
  return (await storedEvents(ids, projectId)).map((row) => row.id).sort();
}

describe('DELETE /v1/users/:id/events after POST /v1/events', () => {
  it('erases exactly the events of a user whose id is an email', async () => {
    const word = uniqueWord();
    const alice = `alice.${word}@example.com`;
    const bob = `bob.${word}@example.com`;
    const [a1, a2, b1, none] = await ingest('acme-public-key-1', [
      wireEvent({ user: { id: alice } }),
      wireEvent({ user: { id: alice, email: alice } }),
      wireEvent({ user: { id: bob } }),
      wireEvent(),
    ]);
    const [otherAlice] = await ingest('other-public-key-1', [wireEvent({ user: { id: alice } })]);
    const ids = [a1!, a2!, b1!, none!];

    // The payload is scrubbed; the erasure key is not the scrubbed id.
    const [row] = await storedEvents([a1!]);
    expect(JSON.parse(row!.payload).user).toEqual({ id: '[email]' });
    expect(row!.user_id).toBe(await userKey('acme', alice));
    expect(row!.user_id).toMatch(/^[0-9a-f]{32}$/);

    expect((await eraseUser('[email]')).body).toEqual({ deleted: 0, complete: true });
    expect(await remaining(ids)).toEqual([...ids].sort());

    expect(await eraseUser(alice)).toMatchObject({
      status: 200,
      body: { deleted: 2, complete: true },
    });
    expect(await remaining(ids)).toEqual([b1!, none!].sort());
    expect(await remaining([otherAlice!], 'other')).toEqual([otherAlice]);

    expect((await eraseUser(alice)).body).toEqual({ deleted: 0, complete: true });
    expect((await eraseUser(bob)).body).toEqual({ deleted: 1, complete: true });
    expect(await remaining(ids)).toEqual([none]);
  });

  it('erases a user whose id is longer than 128 characters, and not one sharing its start', async () => {
    const start = `${uniqueWord()}-${'x'.repeat(150)}`;
    const long = `${start}-first`;
    const sibling = `${start}-second`;
    const [l1, l2, s1] = await ingest('acme-public-key-1', [
      wireEvent({ user: { id: long } }),
      wireEvent({ user: { id: long } }),
      wireEvent({ user: { id: sibling } }),
    ]);
    expect(await eraseUser(long)).toMatchObject({
      status: 200,
      body: { deleted: 2, complete: true },
    });
    expect(await remaining([l1!, l2!, s1!])).toEqual([s1]);
    expect((await eraseUser(sibling)).body).toEqual({ deleted: 1, complete: true });
    expect(await remaining([s1!])).toEqual([]);
  });

  it('erases a user whose id is as long as ingest accepts (2048 characters)', async () => {
    const longest = `${uniqueWord()}-`.padEnd(2048, 'y');
    const [event] = await ingest('acme-public-key-1', [wireEvent({ user: { id: longest } })]);
    expect(await eraseUser(longest)).toMatchObject({
      status: 200,
      body: { deleted: 1, complete: true },
    });
    expect(await remaining([event!])).toEqual([]);
  });

  it('erases a user whose id is a number by its decimal text', async () => {
    const id = Math.floor(Math.random() * 1e12) + 1e12;
    const [n1, other] = await ingest('acme-public-key-1', [
      wireEvent({ user: { id } }),
      wireEvent({ user: { id: id + 1 } }),
    ]);
    expect((await eraseUser(String(id))).body).toEqual({ deleted: 1, complete: true });
    expect(await remaining([n1!, other!])).toEqual([other]);
    const { n } = (await env.DB.prepare(
      'SELECT COUNT(*) AS n FROM events WHERE project_id = ? AND user_id = ?',
    )
      .bind('acme', await userKey('acme', String(id + 1)))
      .first<{ n: number }>())!;
    expect(n).toBe(1);
  });
});
