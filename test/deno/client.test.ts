// `init` of faultline/deno in real Deno, against the built package (dist/) and a local collector:
// what a capture carries, how the global handlers hold an uncaught error until it is flushed,
// and how they go away. The real process exit is in client-exit.test.ts.
import assert from 'node:assert/strict';
import { init, wireEventSchema } from '../../dist/deno.js';
import { startCollector } from './fixtures/collector.ts';

/** An `exit` that records its calls and resolves once it was called. */
function fakeExit() {
  const codes: number[] = [];
  let called!: () => void;
  const exited = new Promise<void>((resolve) => (called = resolve));
  return {
    codes,
    exited,
    exit: (code: number) => {
      codes.push(code);
      called();
    },
  };
}

Deno.test(
  'captureException and flush deliver one valid wire event with a Deno origin',
  async () => {
    const collector = startCollector();
    const client = init({ endpoint: collector.endpoint, key: 'pk_test_deno', release: 'app@2' });
    try {
      const id = client.captureException(new TypeError('cannot read properties of undefined'), {
        tags: { area: 'import' },
      });
      assert.equal(await client.flush(2000), true);
      assert.equal(collector.batches.length, 1);
      const [batch] = collector.batches;
      assert.equal(batch?.key, 'pk_test_deno');
      assert.equal(batch?.body.sdk.name, 'faultline.deno');
      const event = wireEventSchema.parse(batch?.body.events[0]);
      assert.equal(event.id, id);
      assert.equal(event.message, 'cannot read properties of undefined');
      assert.equal(event.release, 'app@2');
      assert.deepEqual(event.tags, { area: 'import' });
      assert.equal(event.url, Deno.mainModule);
      assert.match(event.userAgent ?? '', /^Deno\/2\./);
    } finally {
      await client.close(0);
      await collector.close();
    }
  },
);

Deno.test('an uncaught error is held, sent, and only then ends the process with 1', async () => {
  const collector = startCollector();
  const { codes, exited, exit } = fakeExit();
  const client = init({ endpoint: collector.endpoint, key: 'pk_test_deno', exit });
  try {
    const error = new Error('boom in a listener');
    const event = new ErrorEvent('error', { error, message: error.message, cancelable: true });
    globalThis.dispatchEvent(event);
    assert.equal(event.defaultPrevented, true);
    assert.deepEqual(codes, []); // not before the flush
    await exited;
    assert.deepEqual(codes, [1]);
    const [sent] = collector.events();
    assert.equal(sent?.message, 'boom in a listener');
    assert.equal(sent?.severity, 'critical');
    assert.deepEqual(sent?.tags, { mechanism: 'uncaught_error' });
  } finally {
    await client.close(0);
    await collector.close();
  }
});

Deno.test(
  'an unhandled rejection is sent as such, and a second failure does not exit twice',
  async () => {
    const collector = startCollector();
    const { codes, exited, exit } = fakeExit();
    const client = init({ endpoint: collector.endpoint, key: 'pk_test_deno', exit });
    try {
      for (const message of ['first rejection', 'second rejection']) {
        const promise = Promise.reject(new Error(message));
        promise.catch(() => undefined);
        const reason = new Error(message);
        const event = new PromiseRejectionEvent('unhandledrejection', {
          promise,
          reason,
          cancelable: true,
        });
        globalThis.dispatchEvent(event);
        assert.equal(event.defaultPrevented, true);
      }
      await exited;
      await client.flush(2000);
      assert.deepEqual(codes, [1]);
      const sent = collector.events();
      assert.deepEqual(
        sent.map((e) => [e.message, (e.tags as Record<string, string>).mechanism]),
        [
          ['first rejection', 'unhandled_rejection'],
          ['second rejection', 'unhandled_rejection'],
        ],
      );
    } finally {
      await client.close(0);
      await collector.close();
    }
  },
);

Deno.test('close() removes the handlers, and a second init replaces the first', async () => {
  const collector = startCollector();
  const first = fakeExit();
  const second = fakeExit();
  init({ endpoint: collector.endpoint, key: 'pk_test_deno', exit: first.exit });
  const b = init({ endpoint: collector.endpoint, key: 'pk_test_deno', exit: second.exit });
  try {
    globalThis.dispatchEvent(
      new ErrorEvent('error', { error: new Error('after the second init'), cancelable: true }),
    );
    await second.exited;
    assert.deepEqual(first.codes, []);
    assert.deepEqual(second.codes, [1]);
    await b.close(2000);
    const late = new ErrorEvent('error', { error: new Error('after close'), cancelable: true });
    globalThis.dispatchEvent(late);
    assert.equal(late.defaultPrevented, false);
    assert.deepEqual(second.codes, [1]);
    assert.deepEqual(
      collector.events().map((e) => e.message),
      ['after the second init'],
    );
  } finally {
    await b.close(0);
    await collector.close();
  }
});

Deno.test('init rejects an exit bound out of range with a config FaultError', () => {
  assert.throws(
    () => init({ endpoint: 'http://127.0.0.1:1', key: 'pk', exitFlushMs: -5 }),
    (error: { name?: string; type?: string; message?: string }) =>
      error.name === 'FaultError' && /exitFlushMs/.test(String(error.message)),
  );
});
