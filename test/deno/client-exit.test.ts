// A real Deno process that fails after `init` from faultline/deno: whether it throws at the top
// level, in a timer, or leaves a promise rejected, it exits 1 and the collector has the event
// before it does; with the collector unreachable or silent it still exits 1 within the bound.
// A program that ends on its own gets what it captured sent first, within the same bound.
import assert from 'node:assert/strict';
import { startCollector } from './fixtures/collector.ts';

const fixture = new URL('./fixtures/uncaught.ts', import.meta.url).pathname;

/** Runs the fixture in its own Deno process; resolves with its exit code, output and time. */
async function runFixture(how: string, endpoint: string, exitFlushMs?: number) {
  const args = ['run', '--no-check', '--allow-net=127.0.0.1', fixture, how, endpoint];
  if (exitFlushMs !== undefined) args.push(String(exitFlushMs));
  const started = performance.now();
  const { code, stderr } = await new Deno.Command(Deno.execPath(), {
    args,
    stdout: 'null',
    stderr: 'piped',
  }).output();
  return { code, stderr: new TextDecoder().decode(stderr), ms: performance.now() - started };
}

/** A loopback URL nothing listens on. */
function closedPortUrl(): string {
  const listener = Deno.listen({ hostname: '127.0.0.1', port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return `http://127.0.0.1:${port}`;
}

const failures = [
  ['top-level', 'RangeError', 'thrown at the top level', 'unhandled_rejection'],
  ['timer', 'Error', 'thrown in a timer', 'uncaught_error'],
  ['rejection', 'TypeError', 'a rejected promise nobody awaited', 'unhandled_rejection'],
] as const;

for (const [how, name, message, mechanism] of failures) {
  Deno.test(`an error ${how} is delivered before the process exits 1`, async () => {
    const collector = startCollector();
    try {
      const { code, stderr } = await runFixture(how, collector.endpoint);
      assert.equal(code, 1, stderr);
      // Printed as Deno prints an uncaught error, though faultline held it to flush.
      assert.match(stderr, new RegExp(`error: Uncaught[^\\n]*${name}: ${message}`));
      const events = collector.events();
      assert.equal(events.length, 1);
      const [event] = events;
      assert.equal(event?.message, message);
      assert.equal(event?.name, name);
      assert.equal(event?.release, 'fixture@1');
      assert.equal(event?.severity, 'critical');
      assert.deepEqual(event?.tags, { mechanism });
      assert.match(String(event?.url), /fixtures\/uncaught\.ts$/);
    } finally {
      await collector.close();
    }
  });
}

Deno.test('a process that does not fail exits 0: the handlers hold nothing open', async () => {
  const collector = startCollector();
  try {
    const { code, stderr } = await runFixture('none', collector.endpoint);
    assert.equal(code, 0, stderr);
    assert.deepEqual(collector.events(), []);
  } finally {
    await collector.close();
  }
});

Deno.test('an error the app handles itself is captured and the process goes on', async () => {
  const collector = startCollector();
  try {
    const { code, stderr } = await runFixture('app-handled', collector.endpoint);
    assert.equal(code, 0, stderr);
    const [event] = collector.events();
    assert.equal(event?.message, 'handled by the app');
    assert.deepEqual(event?.tags, { mechanism: 'unhandled_rejection', handled: 'app' });
  } finally {
    await collector.close();
  }
});

Deno.test('with the collector unreachable the process still exits 1 within the bound', async () => {
  const { code, stderr, ms } = await runFixture('timer', closedPortUrl(), 300);
  assert.equal(code, 1, stderr);
  assert.match(stderr, /error: Uncaught[^\n]*Error: thrown in a timer/); // not a silent crash
  assert.ok(ms < 5000, `took ${ms} ms`);
});

Deno.test(
  'with a collector that never answers the process exits 1 once the bound passes',
  async () => {
    // Accepts connections at the kernel level but never answers: the send hangs.
    const silent = Deno.listen({ hostname: '127.0.0.1', port: 0 });
    try {
      const endpoint = `http://127.0.0.1:${(silent.addr as Deno.NetAddr).port}`;
      const { code, stderr, ms } = await runFixture('rejection', endpoint, 1000);
      assert.equal(code, 1, stderr);
      assert.ok(ms >= 1000, `exited after ${ms} ms, before the bound`);
      assert.ok(ms < 6000, `took ${ms} ms`);
    } finally {
      silent.close();
    }
  },
);

Deno.test('an event still buffered when the program ends is sent before it exits 0', async () => {
  const collector = startCollector();
  try {
    const { code, stderr } = await runFixture('captured', collector.endpoint);
    assert.equal(code, 0, stderr);
    assert.deepEqual(
      collector.events().map((e) => e.message),
      ['caught and reported, then the program ends'],
    );
  } finally {
    await collector.close();
  }
});

Deno.test(
  'a silent collector holds a program that ends on its own no longer than the bound',
  async () => {
    const silent = Deno.listen({ hostname: '127.0.0.1', port: 0 });
    try {
      const endpoint = `http://127.0.0.1:${(silent.addr as Deno.NetAddr).port}`;
      const { code, stderr, ms } = await runFixture('captured', endpoint, 1000);
      assert.equal(code, 0, stderr);
      assert.ok(ms >= 1000, `exited after ${ms} ms, before the bound`);
      assert.ok(ms < 6000, `took ${ms} ms`);
    } finally {
      silent.close();
    }
  },
);
