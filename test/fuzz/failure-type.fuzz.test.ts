import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/classify/classify.js';
import { failureType, isTransientFailure } from '../../src/classify/failure-type.js';

function named(name: string, message: string, props: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { ...props, name });
}

const socket = (code: string, message = `connect ${code} 10.0.0.5:443`) =>
  Object.assign(new Error(message), { code });

describe('failureType() under fire', () => {
  const trap = () => {
    throw new Error('trap');
  };
  // Factories: fast-check itself would trip over a hostile Proxy held as a constant.
  const hostile: fc.Arbitrary<() => unknown> = fc.constantFrom(
    () => new Proxy({}, { get: trap }),
    () => new Proxy({}, { get: trap, has: trap, getPrototypeOf: trap, ownKeys: trap }),
    () => {
      const { proxy, revoke } = Proxy.revocable({}, {});
      revoke();
      return proxy;
    },
    ...['name', 'message', 'code', 'status', 'statusCode', 'response', 'cause', 'error', 'type']
      .concat(['ok', 'transient'])
      .map(
        (key) => () =>
          Object.defineProperty({ name: 'FaultError', code: 1, type: 't', status: 0 }, key, {
            get: trap,
          }),
      ),
    () => {
      const cyclic: Record<string, unknown> = { name: 'Error', message: 'fetch failed' };
      cyclic['cause'] = cyclic;
      cyclic['error'] = cyclic;
      return cyclic;
    },
  );

  it('never throws, and always answers a type name and a boolean', () => {
    const anything = fc.oneof(
      fc.anything().map((value) => () => value),
      hostile,
    );
    fc.assert(
      fc.property(anything, (make) => {
        expect(typeof failureType(make())).toBe('string');
        expect(typeof isTransientFailure(make())).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });

  // What programs really throw: fetch failures, HTTP clients, bugs, aborts, …
  const THROWN: readonly (() => unknown)[] = [
    () => new TypeError('Failed to fetch'),
    () => new TypeError('NetworkError when attempting to fetch resource.'),
    () => new TypeError('Load failed'),
    () => new Error('Network connection lost.'),
    () => new TypeError('terminated', { cause: socket('UND_ERR_SOCKET', 'other side closed') }),
    () => new DOMException('signal timed out', 'TimeoutError'),
    () => new DOMException('The operation was aborted.', 'AbortError'),
    () => new DOMException("play() failed because the user didn't interact", 'NotAllowedError'),
    () => new DOMException('() => {} could not be cloned.', 'DataCloneError'),
    () => Response.error(),
    ...[400, 401, 403, 404, 408, 409, 429, 500, 501, 503, 504].map(
      (status) => () => new Response(null, { status }),
    ),
    () => named('AxiosError', 'Request failed with status code 503', { status: 503 }),
    () => named('AxiosError', 'timeout of 5000ms exceeded', { code: 'ECONNABORTED' }),
    () => named('AxiosError', 'Request aborted', { code: 'ECONNABORTED' }),
    () => named('CanceledError', 'canceled', { code: 'ERR_CANCELED' }),
    () => new Error('HTTP error! status: 404'),
    () => new TypeError('x is not a function'),
    () => new TypeError('Converting circular structure to JSON'),
    () => new ReferenceError('fetch is not defined'),
    () => new RangeError('Maximum call stack size exceeded'),
    () => new SyntaxError('Unexpected end of JSON input'),
    () => new Error('boom'),
    () => ({ status: 503 }),
  ];
  // What Node.js sockets and undici throw, bare or as the cause of `TypeError: fetch failed`.
  const SOCKET: readonly (() => unknown)[] = [
    () => socket('ECONNRESET', 'read ECONNRESET'),
    () => socket('ECONNREFUSED'),
    () => socket('ETIMEDOUT'),
    () => socket('ENOENT', 'connect ENOENT /run/app.sock'),
    () => socket('EACCES', 'connect EACCES /run/app.sock'),
    () => socket('UND_ERR_INVALID_ARG', 'invalid content-length header'),
    () => socket('UND_ERR_HEADERS_TIMEOUT', 'Headers Timeout Error'),
    () => socket('UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate'),
    () => new Error('bad port'),
  ];
  // What applications and clients wrap them in.
  const WRAPPERS: readonly ((cause: unknown) => unknown)[] = [
    (cause) => new Error('Could not load the cart', { cause }),
    (cause) => named('FetchError', '[GET] "https://x": <no response> fetch failed', { cause }),
    (cause) => ({ error: cause }),
  ];
  const realistic = fc
    .tuple(
      fc.oneof(
        fc.constantFrom(...THROWN),
        fc.constantFrom(...SOCKET),
        fc
          .constantFrom(...SOCKET)
          .map((make) => () => new TypeError('fetch failed', { cause: make() })),
      ),
      fc.array(fc.constantFrom(...WRAPPERS), { maxLength: 3 }),
    )
    .map(([make, wrappers]) => wrappers.reduce((inner, wrap) => wrap(inner), make()));

  it('never calls transient what classify() calls permanent', () => {
    fc.assert(
      fc.property(realistic, (error) => {
        if (isTransientFailure(error)) expect(classify(error).transient).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
