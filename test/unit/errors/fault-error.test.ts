import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { FaultError } from '../../../src/errors/fault-error.js';
import { isFaultError } from '../../../src/errors/is-fault-error.js';
import { wireEventSchema } from '../../../src/wire/event-schema.js';
import { WIRE_LIMITS } from '../../../src/wire/limits.js';

const fixedClock = { now: () => 1_700_000_000_000, monotonic: () => 0 };

describe('new FaultError()', () => {
  it('takes every taxonomy field from its type', () => {
    const error = new FaultError('timeout', 'GET /cart took 5 s', { clock: fixedClock });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'FaultError',
      code: 4301,
      type: 'timeout',
      category: 'external',
      subcategory: 'timeout',
      severity: 'medium',
      retry: 'exponential_backoff',
      transient: true,
      message: 'GET /cart took 5 s',
      timestamp: 1_700_000_000_000,
    });
    expect(error.recovery).toContain('retry_later');
    expect(error.userMessage).toBe('The request took too long. Please try again.');
  });

  it('is not transient exactly when the retry hint is no_retry', () => {
    expect(new FaultError('programming_error').transient).toBe(false);
    expect(new FaultError('dependency_failed').transient).toBe(true);
  });

  it('falls back to unknown for an unregistered type, recording the name asked for', () => {
    const error = new FaultError('no_such_type', 'x');
    expect(error.type).toBe('unknown');
    expect(error.context).toEqual({ unregisteredType: 'no_such_type' });
  });

  it('makes a random v4 UUID id on first read and keeps it', () => {
    const error = new FaultError('unknown');
    expect(error.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(error.id).toBe(error.id);
    expect(new FaultError('unknown').id).not.toBe(error.id);
  });

  it('captures a stack by default and none when asked not to', () => {
    expect(new FaultError('unknown', 'with').frames.length).toBeGreaterThan(0);
    const cheap = new FaultError('circuit_open', 'open', { captureStack: false });
    expect(cheap.frames).toEqual([]);
    expect(cheap.stack).toBe('FaultError: open');
  });

  it('restores Error.stackTraceLimit after skipping capture', () => {
    const before = (Error as { stackTraceLimit?: number }).stackTraceLimit;
    new FaultError('circuit_open', 'open', { captureStack: false });
    expect((Error as { stackTraceLimit?: number }).stackTraceLimit).toBe(before);
    new FaultError('circuit_open', 'open', { stack: 'Error: open\n    at f (a.js:1:2)' });
    expect((Error as { stackTraceLimit?: number }).stackTraceLimit).toBe(before);
  });

  it('keeps a given stack as the own, non-enumerable stack an engine would set', () => {
    const stack = 'TypeError: x\n    at f (https://app.example/a.js:1:2)';
    const error = new FaultError('programming_error', 'x', { stack });
    expect(error.stack).toBe(stack);
    // An own, non-enumerable property as engines set it: a data property in Node, an accessor
    // in workerd.
    expect(Object.getOwnPropertyDescriptor(error, 'stack')?.enumerable).toBe(false);
    expect(Object.keys(error)).not.toContain('stack');
    expect(error.frames).toEqual([
      { function: 'f', file: 'https://app.example/a.js', line: 1, column: 2 },
    ]);
  });

  it('keeps the ES2022 cause and honours overrides', () => {
    const cause = new TypeError('boom');
    const error = new FaultError('dependency_failed', 'db down', {
      cause,
      severity: 'critical',
      userMessage: 'Payments are paused.',
      recovery: ['page_oncall'],
      correlationId: '4bf92f3577b34da6a3ce929d0e0e4736',
    });
    expect(error.cause).toBe(cause);
    expect(error).toMatchObject({
      severity: 'critical',
      userMessage: 'Payments are paused.',
      recovery: ['page_oncall'],
    });
  });

  it('is recognised by isFaultError, also as a structured clone or plain copy', () => {
    const error = new FaultError('timeout', 'slow');
    expect(isFaultError(error)).toBe(true);
    expect(isFaultError({ ...error, name: 'FaultError' })).toBe(true);
    expect(isFaultError(new Error('x'))).toBe(false);
    expect(isFaultError({ name: 'FaultError', code: '4301', type: 'timeout' })).toBe(false);
    expect(isFaultError(null)).toBe(false);
  });
});

describe('FaultError#toJSON()', () => {
  it('produces a wire event the shared schema accepts', () => {
    const error = new FaultError('network_error', 'Failed to fetch', {
      cause: new TypeError('inner'),
      context: { url: '/api', attempt: 2 },
      correlationId: '4bf92f3577b34da6a3ce929d0e0e4736',
    });
    const wire = error.toJSON();
    expect(z.safeParse(wireEventSchema, wire).success).toBe(true);
    expect(wire).toMatchObject({
      type: 'network_error',
      code: 4101,
      category: 'external',
      subcategory: 'network',
      severity: 'medium',
      message: 'Failed to fetch',
      name: 'FaultError',
      context: { url: '/api', attempt: 2 },
      causes: [{ type: 'programming_error', name: 'TypeError', message: 'inner' }],
    });
    expect(wire.frames?.[0]?.file).toContain('fault-error.test.ts');
    expect(JSON.parse(JSON.stringify(error))).toEqual(wire);
  });

  it('bounds a hostile error: huge message, deep and cyclic context, endless cause chain', () => {
    const deep: Record<string, unknown> = {};
    let cursor = deep;
    for (let i = 0; i < 1000; i++) cursor = cursor.next = {} as Record<string, unknown>;
    const cyclic: Record<string, unknown> = { big: 'x'.repeat(1_000_000) };
    cyclic.self = cyclic;
    let cause: Error = new Error('root');
    for (let i = 0; i < 10_000; i++) cause = new Error(`level ${i}`, { cause });
    const loop = new Error('loop');
    (loop as { cause?: unknown }).cause = loop;
    const error = new FaultError('internal_error', 'm'.repeat(100_000), {
      cause,
      context: { deep, cyclic, loop, list: Array.from({ length: 10_000 }, (_, i) => i) },
    });
    const wire = error.toJSON();
    const json = JSON.stringify(wire);
    expect(json.length).toBeLessThan(WIRE_LIMITS.eventBytes);
    expect(wire.message.length).toBe(WIRE_LIMITS.messageLength);
    expect(wire.causes).toHaveLength(WIRE_LIMITS.causes);
    expect(z.safeParse(wireEventSchema, wire).success).toBe(true);
  });

  it('sends parsed frames instead of the raw stack, and the raw text when nothing parses', () => {
    const parsed = new FaultError('unknown', 'x').toJSON();
    expect(parsed.frames?.length).toBeGreaterThan(0);
    expect(parsed.stack).toBeUndefined();
    const odd = 'Error: x\n~~ a format no engine prints ~~';
    const unparsed = new FaultError('unknown', 'x', { stack: odd }).toJSON();
    expect(unparsed.frames).toBeUndefined();
    expect(unparsed.stack).toBe(odd);
    const headerOnly = new FaultError('circuit_open', 'open', { captureStack: false }).toJSON();
    expect(headerOnly.stack).toBeUndefined();
  });

  it('stops a cyclic cause chain', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    (a as { cause?: unknown }).cause = b;
    const wire = new FaultError('unknown', 'top', { cause: a }).toJSON();
    expect(wire.causes?.map((c) => c.message)).toEqual(['a', 'b']);
  });
});
