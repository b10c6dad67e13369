import * as z from 'zod';
import * as zm from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/classify/classify.js';
import { FaultError } from '../../../src/errors/fault-error.js';
import { wireEventSchema } from '../../../src/wire/event-schema.js';

function valid(error: FaultError): boolean {
  return zm.safeParse(wireEventSchema, JSON.parse(JSON.stringify(error))).success;
}

describe('FaultError.from()', () => {
  it('returns a FaultError unchanged', () => {
    const error = new FaultError('timeout');
    expect(FaultError.from(error)).toBe(error);
  });

  it('keeps the original stack instead of capturing a new one', () => {
    const original = new TypeError("Cannot read properties of undefined (reading 'id')");
    const error = FaultError.from(original);
    expect(error.stack).toBe(original.stack);
    expect(error).toMatchObject({
      type: 'programming_error',
      originalName: 'TypeError',
    });
    expect(error.toJSON().name).toBe('TypeError');
  });

  it('normalises a thrown string without inventing a stack', () => {
    const error = FaultError.from('Failed to fetch');
    expect(error).toMatchObject({ type: 'unknown', message: 'Failed to fetch', frames: [] });
    expect(valid(error)).toBe(true);
  });

  it('types with the compact failureType by default and with any classifier given', () => {
    expect(FaultError.from(new TypeError('Failed to fetch')).type).toBe('network_error');
    expect(FaultError.from(new SyntaxError('Unexpected token < in JSON at position 0')).type).toBe(
      'deserialization_failed',
    );
    expect(FaultError.from('Failed to fetch', { classifier: classify }).type).toBe('network_error');
    expect(FaultError.from(new Error('x'), { classifier: () => 'data_corruption' }).code).toBe(
      3301,
    );
  });

  it('normalises primitives, null and undefined', () => {
    expect(FaultError.from(undefined).message).toBe('Non-error value thrown: undefined');
    expect(FaultError.from(null).message).toBe('Non-error value thrown: null');
    expect(FaultError.from(42).message).toBe('Non-error value thrown: 42');
    expect(FaultError.from(Symbol('s')).message).toBe('Non-error value thrown: Symbol(s)');
    expect(FaultError.from(10n).type).toBe('unknown');
  });

  it('reads a plain object: message, status and the rest as context', () => {
    const error = FaultError.from({ status: 503, message: 'upstream down', region: 'eu' });
    expect(error).toMatchObject({ type: 'external_service_error', message: 'upstream down' });
    expect(error.context).toEqual({ status: 503, message: 'upstream down', region: 'eu' });
  });

  it('summarises an object without a message', () => {
    const error = FaultError.from({ reason: 'nope', count: 3 });
    expect(error.message).toBe('Non-error object thrown: {"reason":"nope","count":3}');
  });

  it('reads a Response: status decides the type', () => {
    const error = FaultError.from(
      new Response('busy', { status: 429, statusText: 'Too Many Requests' }),
    );
    expect(error).toMatchObject({
      type: 'rate_limited',
      message: 'HTTP 429 Too Many Requests',
      originalName: 'Response',
    });
    expect(error.context).toMatchObject({ status: 429 });
  });

  it('tells AbortError (cancelled) from TimeoutError (timeout)', () => {
    expect(FaultError.from(new DOMException('aborted', 'AbortError')).type).toBe('cancelled');
    expect(FaultError.from(new DOMException('timed out', 'TimeoutError')).type).toBe('timeout');
  });

  it('reads a ZodError into a validation error listing the issues', () => {
    const result = z
      .object({ age: z.number(), email: z.email() })
      .safeParse({ age: 'x', email: 'nope' });
    const error = FaultError.from(result.error, { classifier: classify });
    expect(error.category).toBe('data');
    expect(error.subcategory).toBe('validation');
    expect(error.message).toBe(
      'age: Invalid input: expected number, received string; email: Invalid email address',
    );
    expect(error.context.issues).toHaveLength(2);
  });

  it('keeps Node-style error fields (code, errno) as context', () => {
    const err = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', errno: -104 });
    const error = FaultError.from(err);
    expect(error).toMatchObject({
      type: 'network_error',
      context: { code: 'ECONNRESET', errno: -104 },
    });
  });

  it('keeps the cause chain of the original', () => {
    const root = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
      code: 'ECONNREFUSED',
    });
    const error = FaultError.from(new TypeError('fetch failed', { cause: root }));
    expect(error.type).toBe('network_error');
    expect(error.cause).toBe(root);
    expect(error.toJSON().causes?.[0]).toMatchObject({ name: 'Error', type: 'network_error' });
  });

  it('survives circular and huge inputs', () => {
    const circular: Record<string, unknown> = { message: 'm'.repeat(1_000_000) };
    circular.self = circular;
    const error = FaultError.from(circular);
    expect(error.message.length).toBeLessThanOrEqual(8192);
    expect(error.context.self).toBe('[Circular]');
    expect(valid(error)).toBe(true);
  });

  it('never throws on a hostile value', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
        getPrototypeOf() {
          throw new Error('trap');
        },
        ownKeys() {
          throw new Error('trap');
        },
        has() {
          throw new Error('trap');
        },
      },
    );
    const error = FaultError.from(hostile);
    expect(error).toBeInstanceOf(FaultError);
    expect(valid(error)).toBe(true);
    const getter = Object.defineProperty(new Error('x'), 'message', {
      get() {
        throw new Error('no');
      },
    });
    expect(FaultError.from(getter)).toBeInstanceOf(FaultError);
  });

  it('rebuilds a FaultError from another realm or a structured copy', () => {
    const source = new FaultError('timeout', 'slow', { context: { ms: 5 }, correlationId: 'abc' });
    const copy = {
      ...source,
      name: 'FaultError',
      message: source.message,
      stack: source.stack,
      id: source.id,
    };
    const error = FaultError.from(copy);
    expect(error).not.toBe(copy);
    expect(error).toMatchObject({
      type: 'timeout',
      message: 'slow',
      correlationId: 'abc',
      id: source.id,
    });
    expect(error.context).toEqual({ ms: 5 });
  });

  it('applies overrides: type, message, context and correlation id', () => {
    const base = new FaultError('timeout', 'slow');
    const error = FaultError.from(base, {
      type: 'dependency_failed',
      context: { step: 2 },
      correlationId: 'c1',
    });
    expect(error).toMatchObject({
      type: 'dependency_failed',
      message: 'slow',
      correlationId: 'c1',
      id: base.id,
    });
    expect(error.context).toEqual({ step: 2 });
  });
});
