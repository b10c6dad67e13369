// Two tabs over one IndexedDB buffer: the tab that does not lead announces what it buffers, and
// the leading tab sends it without waiting for activity of its own.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { indexedDbBuffer } from '../../../../src/adapters/browser/indexeddb-buffer.js';
import { tabLeader } from '../../../../src/adapters/browser/tab-leader.js';
import { createClient } from '../../../../src/client/client.js';
import type { Client } from '../../../../src/client/client-api.js';
import { accept, fakeCollector } from '../../transport/fake-collector.js';
import { fakeLockManager } from './fake-lock-manager.js';

const opened: Client[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((client) => client.close(100)));
});

/** Two tabs of one page: one database, one lock manager, one collector. */
function page() {
  const indexedDB = new IDBFactory();
  const locks = fakeLockManager();
  const collector = fakeCollector(accept());
  const name = `page-${Math.random()}`;
  const tab = () => {
    const client = createClient({
      endpoint: 'https://collector.example.com',
      key: 'public-key-1',
      fetch: collector.fetch,
      eventBuffer: indexedDbBuffer({ name, indexedDB }),
      gate: tabLeader({ name: `${name}:sender`, locks, leases: null }),
      transport: { flushIntervalMs: 20 },
    });
    opened.push(client);
    return client;
  };
  const sent = () => collector.seen.flatMap((request) => request.batch.events);
  return { tab, sent };
}

/** Lets both tabs settle: opened databases, start-up sends done, no timer of their own due. */
const idle = () => new Promise((resolve) => setTimeout(resolve, 200));

async function until(condition: () => boolean | Promise<boolean>, ms = 2000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A leading tab and another one, both settled and idle. */
async function twoIdleTabs() {
  const { tab, sent } = page();
  const leader = tab();
  await until(async () => (await leader.status()).sender);
  const other = tab();
  expect((await other.status()).sender).toBe(false);
  await idle();
  return { other, sent };
}

describe('a page with two tabs sharing one buffer', () => {
  it('sends the events the other tab buffered, with the leader idle', async () => {
    const { other, sent } = await twoIdleTabs();
    other.captureException(new Error('from the other tab'));
    await until(() => sent().length === 1);
    expect(sent()[0]).toMatchObject({ message: 'from the other tab' });
  });

  it('lets the other tab’s flush resolve true once the leader sent its events', async () => {
    const { other, sent } = await twoIdleTabs();
    other.captureException(new Error('flushed from the other tab'));
    expect(await other.flush(1000)).toBe(true);
    expect(sent().map((event) => event.message)).toEqual(['flushed from the other tab']);
  });
});
