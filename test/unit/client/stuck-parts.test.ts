import { describe, expect, it } from 'vitest';
import { BEFORE_SEND_TIMEOUT_MS } from '../../../src/client/client.js';
import type { WireEvent } from '../../../src/wire/event-schema.js';
import { clientSetup, errorAt } from './setup.js';

// Parts that never answer — a `beforeSend` stuck on one event, a collector that hangs, a page
// that is not the collector — hold up nothing else, lose nothing uncounted, and let `close`
// keep its timeout.

const hangOn = (message: string) => (event: unknown) =>
  (event as WireEvent).message === message ? new Promise<never>(() => undefined) : event;
const silent = () => new Promise<Response>(() => undefined);

describe('the client with a part that never answers', () => {
  it('sends the other events while an async beforeSend is stuck on one', async () => {
    const { client, time, events } = clientSetup({ beforeSend: hangOn('hang') });
    await time.advanceAsync(100);
    client.captureException(errorAt(1, 'hang'));
    client.captureException(errorAt(2, 'fine'));
    await time.advanceAsync(2_000);
    expect(events().map((e) => e.message)).toEqual(['fine']);
  });

  it('sends the stuck event as it was once beforeSend has had its time', async () => {
    const { client, time, events } = clientSetup({ beforeSend: hangOn('hang') });
    client.captureException(errorAt(1, 'hang'));
    await time.advanceAsync(BEFORE_SEND_TIMEOUT_MS + 2_000);
    expect(events().map((e) => e.message)).toEqual(['hang']);
  });

  it('closes within its timeout while beforeSend is stuck', async () => {
    const { client, time } = clientSetup({ beforeSend: hangOn('hang') });
    await time.advanceAsync(100);
    client.captureException(errorAt(1, 'hang'));
    client.captureException(errorAt(2, 'fine'));
    await time.advanceAsync(1_500);
    let closed: boolean | undefined;
    void client.close(100).then((flushed) => (closed = flushed));
    await time.advanceAsync(500);
    expect(closed).toBe(false);
  });

  it('counts folded repeats when it closes with a send in flight', async () => {
    const { client, time } = clientSetup({}, silent);
    client.captureException(errorAt(1));
    await time.advanceAsync(1_000); // the interval's send takes it; no answer ever comes
    for (let i = 0; i < 5; i++) client.captureException(errorAt(1));
    expect((await client.status()).folded).toBe(5);
    const closing = client.close(100);
    await time.advanceAsync(200);
    expect(await closing).toBe(false);
    // The error and its five repeats (one event folds them): each counted once.
    expect((await client.status()).dropped).toEqual({ client_closed: 6 });
  });

  it('keeps the events when a page that is not the collector answers 200', async () => {
    const page = () =>
      new Response('<!doctype html><title>shop</title>', {
        status: 200,
        headers: { 'content-type': 'text/html' },
      });
    const { client, time } = clientSetup({}, page);
    client.captureException(errorAt(1));
    const flushing = client.flush(1_000);
    await time.advanceAsync(1_000);
    expect(await flushing).toBe(false);
    const status = await client.status();
    expect(status).toMatchObject({ buffered: 1, sent: 0, dropped: {} });
    expect(status.transport).toMatchObject({ state: 'stopped', lastFailure: { status: 200 } });
  });
});
