// The core error model in real Deno, against the built package (dist/), as users import it.
import assert from 'node:assert/strict';
import {
  FaultError,
  classify,
  clientConfigSchema,
  createContext,
  fingerprint,
  isFaultError,
  parseConfig,
  parseStack,
  runInContext,
  scrub,
} from '../../dist/index.js';

/** A loopback URL nothing listens on (port 9 would be refused by Deno's bad-port list). */
function closedPortUrl(): string {
  const listener = Deno.listen({ hostname: '127.0.0.1', port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return `http://127.0.0.1:${port}/`;
}

function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

Deno.test('FaultError carries its taxonomy row and a wire form', () => {
  const error = new FaultError('timeout', 'slow upstream');
  assert.equal(error.code, 4301);
  assert.equal(error.transient, true);
  assert.ok(isFaultError(error));
  const wire = JSON.parse(JSON.stringify(error));
  assert.equal(wire.type, 'timeout');
  assert.ok(wire.frames.some((f: { file?: string }) => f.file?.includes('core.test.ts')));
});

Deno.test("Deno's own fetch failure is a transient network_error", async () => {
  const failure = await fetch(closedPortUrl()).catch((e: unknown) => e);
  assert.equal(classify(failure).type, 'network_error');
  assert.equal(FaultError.from(failure).transient, true);
});

Deno.test("Deno's AbortSignal.timeout is a timeout and abort() is cancelled", async () => {
  // A listener that never answers: the request hangs until the signal's timeout fires.
  const silent = Deno.listen({ hostname: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(silent.addr as Deno.NetAddr).port}/`;
  const timedOut = await fetch(url, { signal: AbortSignal.timeout(50) }).catch((e: unknown) => e);
  silent.close();
  assert.equal(classify(timedOut).type, 'timeout');
  const controller = new AbortController();
  controller.abort();
  const aborted = await fetch(closedPortUrl(), { signal: controller.signal }).catch(
    (e: unknown) => e,
  );
  assert.equal(classify(aborted).type, 'cancelled');
});

Deno.test(
  "Deno's JSON.parse error is deserialization_failed and a TypeError bug is not transient",
  () => {
    assert.equal(classify(thrownBy(() => JSON.parse('<html>'))).type, 'deserialization_failed');
    const bug = thrownBy(() => (undefined as unknown as { id: number }).id);
    const classified = classify(bug);
    assert.equal(classified.type, 'programming_error');
    assert.equal(classified.transient, false);
  },
);

Deno.test("parseStack reads Deno's own V8 stacks with file, line and column", () => {
  function outer() {
    return new Error('here');
  }
  const frames = parseStack(outer().stack ?? '');
  assert.equal(frames[0]?.function, 'outer');
  assert.match(frames[0]?.file ?? '', /^file:\/\/.*core\.test\.ts$/);
  assert.ok((frames[0]?.line ?? 0) > 0 && (frames[0]?.column ?? 0) > 0);
});

Deno.test('fingerprint is stable for the same bug and scrub removes secrets', () => {
  const a = FaultError.from(new TypeError("Cannot read properties of undefined (reading 'id')"));
  const event = { type: a.type, message: a.message, frames: a.frames };
  assert.equal(fingerprint(event), fingerprint({ ...event }));
  const clean = scrub({ password: 'hunter2', note: 'mail bob@example.com' });
  assert.notEqual(clean.password, 'hunter2');
  assert.ok(!String(clean.note).includes('bob@example.com'));
});

Deno.test('runInContext turns a throw into a FaultError with the correlation id', async () => {
  const ctx = createContext({ name: 'job' });
  ctx.addBreadcrumb({ category: 'step', message: 'started' });
  const error = await runInContext(ctx, () => {
    throw new Error('boom');
  }).catch((e: unknown) => e);
  assert.ok(error instanceof FaultError);
  assert.equal(error.correlationId, ctx.correlationId);
  assert.equal((error.context.breadcrumbs as unknown[]).length, 1);
});

Deno.test('an invalid client config is one config FaultError listing every problem', () => {
  const error = thrownBy(() =>
    parseConfig(clientConfigSchema, { endpoint: 'nope', sampleRate: 3 }),
  );
  assert.ok(error instanceof FaultError);
  assert.equal(error.category, 'config');
  assert.equal((error.context.problems as unknown[]).length, 3);
});
