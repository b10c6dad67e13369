import { describe, expect, it } from 'vitest';
import { createContext } from '../../../src/context/operation-context.js';
import { runInContext } from '../../../src/context/run-in-context.js';
import { parseTraceparent } from '../../../src/context/traceparent.js';
import { FaultError } from '../../../src/errors/fault-error.js';

function manualClock() {
  let t = 0;
  return { now: () => 1_000_000 + t, monotonic: () => t, advance: (ms: number) => (t += ms) };
}

describe('createContext()', () => {
  it('starts a new trace with a 32-hex correlation id', () => {
    const ctx = createContext();
    expect(ctx.correlationId).toMatch(/^[0-9a-f]{32}$/);
    expect(ctx.correlationId).not.toBe(createContext().correlationId);
  });

  it('continues an incoming trace and sends itself as the parent span', () => {
    const ctx = createContext({
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00',
    });
    expect(ctx.correlationId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    const outgoing = parseTraceparent(ctx.traceparent());
    expect(outgoing).toEqual({ traceId: ctx.correlationId, spanId: ctx.spanId, sampled: false });
    expect(ctx.spanId).not.toBe('00f067aa0ba902b7');
  });

  it('starts a new trace when the incoming header is malformed', () => {
    expect(createContext({ traceparent: 'garbage' }).correlationId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('gives children the parent correlation id, merged metadata and their own ids', () => {
    const parent = createContext({ name: 'request', metadata: { route: '/cart', tier: 'free' } });
    const child = parent.child({ name: 'db', metadata: { tier: 'pro' } });
    expect(child.correlationId).toBe(parent.correlationId);
    expect(child.parent).toBe(parent);
    expect(child.operationId).not.toBe(parent.operationId);
    expect(child.metadata).toEqual({ route: '/cart', tier: 'pro' });
  });

  it("lists a child's breadcrumbs after its parent's, bounded", () => {
    const clock = manualClock();
    const parent = createContext({ clock, maxBreadcrumbs: 3 });
    parent.addBreadcrumb({ category: 'p1' });
    parent.addBreadcrumb({ category: 'p2' });
    const child = parent.child();
    child.addBreadcrumb({ category: 'c1' });
    child.addBreadcrumb({ category: 'c2', timestamp: 5 });
    expect(child.breadcrumbs().map((b) => b.category)).toEqual(['p2', 'c1', 'c2']);
    expect(child.breadcrumbs()[1]?.timestamp).toBe(1_000_000);
  });
});

describe('runInContext()', () => {
  it('returns what the function returns', async () => {
    await expect(runInContext(createContext(), async () => 42)).resolves.toBe(42);
  });

  it('turns a throw into a FaultError with breadcrumbs, duration, metadata and correlation id', async () => {
    const clock = manualClock();
    const ctx = createContext({ name: 'checkout', clock, metadata: { cart: 3 } });
    ctx.addBreadcrumb({ category: 'ui.click', message: 'Pay' });
    const failure = runInContext(ctx, async () => {
      clock.advance(250);
      throw new TypeError('Failed to fetch');
    });
    const error = (await failure.catch((e: unknown) => e)) as FaultError;
    expect(error).toBeInstanceOf(FaultError);
    expect(error).toMatchObject({
      type: 'network_error',
      correlationId: ctx.correlationId,
      originalName: 'TypeError',
    });
    expect(error.context).toMatchObject({
      operation: 'checkout',
      operationId: ctx.operationId,
      durationMs: 250,
      metadata: { cart: 3 },
      breadcrumbs: [{ category: 'ui.click', message: 'Pay', timestamp: 1_000_000 }],
    });
  });

  it('also converts synchronous throws and keeps an existing FaultError identity', async () => {
    const inner = new FaultError('timeout', 'slow');
    const error = (await runInContext(createContext(), () => {
      throw inner;
    }).catch((e: unknown) => e)) as FaultError;
    expect(error.type).toBe('timeout');
    expect(error.id).toBe(inner.id);
  });
});
