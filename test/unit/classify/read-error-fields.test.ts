import { describe, expect, it } from 'vitest';
import { readErrorFields, readNext, readPath } from '../../../src/classify/read-error-fields.js';

describe('readErrorFields()', () => {
  it('reads name, message and code of an Error', () => {
    const error = Object.assign(new TypeError('fetch failed'), { code: 'X' });
    expect(readErrorFields(error)).toMatchObject({
      name: 'TypeError',
      message: 'fetch failed',
      code: 'X',
    });
  });

  it('splits a thrown string into name and message', () => {
    expect(readErrorFields('Uncaught (in promise) TypeError: Failed to fetch')).toMatchObject({
      name: 'TypeError',
      message: 'Failed to fetch',
    });
    expect(readErrorFields('Error [ERR_INVALID_URL]: Invalid URL')).toMatchObject({
      name: 'Error',
      code: 'ERR_INVALID_URL',
      message: 'Invalid URL',
    });
    expect(readErrorFields('DOMException [AbortError]: This operation was aborted').name).toBe(
      'AbortError',
    );
    expect(readErrorFields('just text')).toMatchObject({ name: '', message: 'just text' });
  });

  it('reads HTTP statuses from status, statusCode and response, ignoring non-statuses', () => {
    expect(readErrorFields({ status: 503 }).status).toBe(503);
    expect(readErrorFields({ statusCode: 404 }).status).toBe(404);
    expect(readErrorFields({ response: { statusCode: 502 } }).status).toBe(502);
    expect(readErrorFields({ status: 'failed' }).status).toBeUndefined();
    expect(readErrorFields({ status: 1 }).status).toBeUndefined();
    expect(readErrorFields({ status: 404.5 }).status).toBeUndefined();
  });

  it('recognises Responses by shape, including Response.error()', () => {
    expect(readErrorFields(new Response(null, { status: 500 })).isResponse).toBe(true);
    expect(readErrorFields(Response.error())).toMatchObject({
      isResponse: true,
      status: undefined,
    });
    expect(readErrorFields({ status: 500 }).isResponse).toBe(false);
  });

  it('caps very long messages', () => {
    expect(readErrorFields(new Error('x'.repeat(100_000))).message).toHaveLength(2000);
  });

  it('gives empty fields for values whose getters throw', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
      },
    );
    expect(readErrorFields(hostile)).toMatchObject({
      name: '',
      message: '',
      code: undefined,
      status: undefined,
    });
  });
});

describe('readNext()', () => {
  it('follows cause, then error, then reason', () => {
    const cause = new Error('inner');
    expect(readNext(new Error('outer', { cause }))).toBe(cause);
    expect(readNext({ error: cause })).toBe(cause);
    expect(readNext({ reason: 'why' })).toBe('why');
    expect(readNext('text')).toBeUndefined();
  });
});

describe('readPath()', () => {
  it('follows a path and gives undefined for a missing step', () => {
    expect(readPath({ a: { b: 1 } }, ['a', 'b'])).toBe(1);
    expect(readPath({ a: null }, ['a', 'b'])).toBeUndefined();
  });
});
