import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/classify/classify.js';
import { defineRule } from '../../../src/classify/rule.js';
import { FaultError } from '../../../src/errors/fault-error.js';
import { defineErrorType } from '../../../src/errors/define-error-type.js';

const withCause = (message: string, cause: unknown, name = 'Error'): Error => {
  const error = new Error(message, { cause });
  error.name = name;
  return error;
};

describe('classify()', () => {
  it('classifies a Chrome fetch failure as a transient network_error', () => {
    const result = classify(new TypeError('Failed to fetch'));
    expect(result).toMatchObject({
      type: 'network_error',
      code: 4101,
      category: 'external',
      subcategory: 'network',
      severity: 'medium',
      retry: 'exponential_backoff',
      transient: true,
    });
  });

  it('classifies a TypeError that is not about I/O as a non-transient programming_error', () => {
    const result = classify(new TypeError("Cannot read properties of undefined (reading 'x')"));
    expect(result.type).toBe('programming_error');
    expect(result.transient).toBe(false);
  });

  it('tells AbortError (cancelled) from TimeoutError (timeout)', () => {
    expect(classify(new DOMException('signal is aborted without reason', 'AbortError')).type).toBe(
      'cancelled',
    );
    expect(classify(new DOMException('signal timed out', 'TimeoutError')).type).toBe('timeout');
  });

  it('classifies an AbortError whose cause is a TimeoutError as a timeout', () => {
    const abort = withCause(
      'This operation was aborted',
      new DOMException('x', 'TimeoutError'),
      'AbortError',
    );
    expect(classify(abort).type).toBe('timeout');
  });

  it('classifies a 503 Response as external_service_error', () => {
    expect(classify(new Response(null, { status: 503 })).type).toBe('external_service_error');
  });

  it('maps the HTTP statuses of SPEC §2', () => {
    const types = Object.fromEntries(
      [401, 403, 404, 408, 429, 500, 502, 504].map((status) => [status, classify({ status }).type]),
    );
    expect(types).toEqual({
      401: 'authentication_failed',
      403: 'permission_denied',
      404: 'data_not_found',
      408: 'timeout',
      429: 'rate_limited',
      500: 'external_service_error',
      502: 'external_service_error',
      504: 'timeout',
    });
  });

  it('reads the status of axios and ky errors from response.status', () => {
    const error = Object.assign(new Error('Request failed with status code 429'), {
      name: 'AxiosError',
      response: { status: 429 },
    });
    expect(classify(error).type).toBe('rate_limited');
  });

  it('reads a status out of a message', () => {
    expect(classify(new Error('HTTP error! status: 502')).type).toBe('external_service_error');
    expect(classify('Request failed with status code 404').type).toBe('data_not_found');
  });

  it('looks through the cause of Node.js "fetch failed" for the socket error', () => {
    const timedOut = Object.assign(new Error('connect ETIMEDOUT 10.0.0.1:443'), {
      code: 'ETIMEDOUT',
    });
    expect(classify(new TypeError('fetch failed', { cause: timedOut })).type).toBe('timeout');
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
      code: 'ECONNREFUSED',
    });
    expect(classify(new TypeError('fetch failed', { cause: refused })).type).toBe('network_error');
  });

  it('classifies a wrapper error by its cause', () => {
    const bug = new TypeError("Cannot read properties of null (reading 'total')");
    expect(classify(new Error('Checkout failed', { cause: bug })).type).toBe('programming_error');
  });

  it('stops at a cyclic or very deep cause chain', () => {
    const a: { name: string; message: string; cause?: unknown } = { name: 'Error', message: 'a' };
    a.cause = a;
    expect(classify(a).type).toBe('unknown');
    let deep: unknown = new DOMException('x', 'TimeoutError');
    for (let index = 0; index < 10; index++) deep = new Error(`wrapper ${index}`, { cause: deep });
    expect(classify(deep).type).toBe('unknown');
  });

  it('classifies thrown strings by their text, with or without a name prefix', () => {
    expect(classify('Uncaught TypeError: Failed to fetch').type).toBe('network_error');
    expect(classify('TypeError: x is not a function').type).toBe('programming_error');
    expect(classify('timeout').type).toBe('timeout');
  });

  it('classifies plain objects by status, code, message or nested error', () => {
    expect(classify({ code: 'ECONNRESET' }).type).toBe('network_error');
    expect(classify({ message: 'NetworkError when attempting to fetch resource.' }).type).toBe(
      'network_error',
    );
    expect(classify({ error: { message: 'Rate limit exceeded' } }).type).toBe('rate_limited');
  });

  it('classifies values with nothing to say as unknown, not transient', () => {
    for (const value of [null, undefined, 0, 404, true, {}, [], '', Symbol('x'), () => 1, 10n]) {
      const result = classify(value);
      expect(result.type).toBe('unknown');
      expect(result.transient).toBe(false);
    }
  });

  it('keeps a FaultError’s own type and severity', () => {
    const fault = new FaultError('circuit_open', 'open', { severity: 'low', captureStack: false });
    expect(classify(fault)).toMatchObject({
      type: 'circuit_open',
      severity: 'low',
      transient: false,
    });
  });

  it('recognises a FaultError from another realm by its brand', () => {
    const foreign = { name: 'FaultError', code: 4301, type: 'timeout', message: 'slow' };
    expect(classify(foreign).type).toBe('timeout');
  });

  it('classifies ZodErrors as type_mismatch or format_error by their issues', () => {
    const zod = (code: string) =>
      Object.assign(new Error('[]'), { name: 'ZodError', issues: [{ code }] });
    expect(classify(zod('invalid_type')).type).toBe('type_mismatch');
    expect(classify(zod('invalid_format')).type).toBe('format_error');
  });

  it('never throws on hostile values', () => {
    const throwing = new Proxy(
      {},
      {
        get() {
          throw new Error('get');
        },
        has() {
          throw new Error('has');
        },
        getPrototypeOf() {
          throw new Error('proto');
        },
        ownKeys() {
          throw new Error('keys');
        },
        getOwnPropertyDescriptor() {
          throw new Error('descriptor');
        },
      },
    );
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    const getters = Object.defineProperties(
      {},
      {
        name: {
          get: () => {
            throw new Error('name');
          },
        },
        message: {
          get: () => {
            throw new Error('message');
          },
        },
        cause: {
          get: () => {
            throw new Error('cause');
          },
        },
      },
    );
    for (const value of [throwing, revocable.proxy, getters]) {
      expect(classify(value).type).toBe('unknown');
      expect(
        classify(value, [defineRule({ when: { messageContains: 'x' }, type: 'timeout' })]).type,
      ).toBe('unknown');
    }
  });

  it('returns frozen, shared results', () => {
    const first = classify(new TypeError('Failed to fetch'));
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.userNotification)).toBe(true);
    expect(classify('Failed to fetch')).toBe(first);
  });

  it('shows users the errors they can act on and hides bugs and cancellations', () => {
    expect(classify(new TypeError('Failed to fetch')).userNotification).toEqual({
      show: true,
      message: 'We could not reach the server. Check your connection and try again.',
    });
    expect(classify({ status: 401 }).userNotification.show).toBe(true);
    expect(classify({ status: 429 }).userNotification.show).toBe(true);
    expect(classify(new ReferenceError('x is not defined')).userNotification.show).toBe(false);
    expect(classify(new DOMException('x', 'AbortError')).userNotification.show).toBe(false);
    expect(classify(null).userNotification.show).toBe(false);
  });
});

describe('classify() with rules', () => {
  it('tries user rules first, in order, and the first match wins', () => {
    const rules = [
      defineRule({ when: { messageContains: 'fetch' }, type: 'dependency_failed' }),
      defineRule({ when: { name: 'TypeError' }, type: 'internal_error' }),
    ];
    expect(classify(new TypeError('Failed to fetch'), rules).type).toBe('dependency_failed');
    expect(classify(new TypeError('x is not a function'), rules).type).toBe('internal_error');
    expect(classify(new RangeError('Invalid array length'), rules).type).toBe('programming_error');
  });

  it('applies a rule’s severity override', () => {
    const rules = [
      defineRule({ when: { status: 503 }, type: 'service_unavailable', severity: 'low' }),
    ];
    expect(classify({ status: 503 }, rules)).toMatchObject({
      type: 'service_unavailable',
      severity: 'low',
    });
  });

  it('accepts registered types in rules', () => {
    defineErrorType({
      code: 4551,
      type: 'classify_test_payment_declined',
      category: 'external',
      subcategory: 'classify_test_payment',
      severity: 'medium',
      retry: 'no_retry',
    });
    const rules = [
      defineRule({ when: { name: 'StripeCardError' }, type: 'classify_test_payment_declined' }),
    ];
    const declined = Object.assign(new Error('Your card was declined.'), {
      name: 'StripeCardError',
    });
    expect(classify(declined, rules)).toMatchObject({
      type: 'classify_test_payment_declined',
      code: 4551,
      transient: false,
    });
    expect(classify(declined, rules).userNotification.show).toBe(true);
  });

  it('skips hand-written rules whose type is unknown or whose condition is malformed', () => {
    const rules = [
      { when: {}, type: 'no_such_type' },
      { when: { bogus: true }, type: 'timeout' },
      { when: null, type: 'timeout' },
      null,
    ] as never;
    expect(classify(new TypeError('Failed to fetch'), rules).type).toBe('network_error');
    const { proxy, revoke } = Proxy.revocable([], {});
    revoke();
    for (const notRules of [{}, 'rules', proxy]) {
      expect(classify(new TypeError('Failed to fetch'), notRules as never).type).toBe(
        'network_error',
      );
    }
  });

  it('treats a predicate that throws as no match', () => {
    const rules = [
      defineRule({
        when: {
          test: () => {
            throw new Error('boom');
          },
        },
        type: 'timeout',
      }),
    ];
    expect(classify(new TypeError('Failed to fetch'), rules).type).toBe('network_error');
  });
});
