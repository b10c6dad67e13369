import { describe, expect, it } from 'vitest';
import { FaultError } from '../../../src/errors/fault-error.js';
import { failureType, isTransientFailure } from '../../../src/classify/failure-type.js';

function named(name: string, message: string, props: Record<string, unknown> = {}): Error {
  const error = new Error(message, props['cause'] === undefined ? {} : { cause: props['cause'] });
  error.name = name;
  return Object.assign(error, { ...props, cause: props['cause'] });
}

const socket = (code: string, message = `connect ${code} 10.0.0.5:443`) =>
  Object.assign(new Error(message), { code });

describe('failureType()', () => {
  it('keeps the type of a FaultError, also one that crossed a realm as plain data', () => {
    expect(failureType(new FaultError('rate_limited', 'slow down'))).toBe('rate_limited');
    expect(failureType({ name: 'FaultError', code: 4301, type: 'timeout' })).toBe('timeout');
    const wrapped = new FaultError('internal_error', 'x', { cause: new TypeError('fetch failed') });
    expect(failureType(wrapped)).toBe('internal_error');
  });

  it.each<[number, string]>([
    [408, 'timeout'],
    [504, 'timeout'],
    [522, 'timeout'],
    [429, 'rate_limited'],
    [500, 'external_service_error'],
    [502, 'external_service_error'],
    [503, 'external_service_error'],
    [599, 'external_service_error'],
    [501, 'format_error'],
    [505, 'format_error'],
    [511, 'authentication_failed'],
    [401, 'authentication_failed'],
    [407, 'authentication_failed'],
    [403, 'permission_denied'],
    [404, 'data_not_found'],
    [410, 'data_not_found'],
    [400, 'format_error'],
    [409, 'format_error'],
    [422, 'format_error'],
    [200, 'unknown'],
    [304, 'unknown'],
  ])('reads a Response with status %i as %s', (status, type) => {
    expect(failureType(new Response(null, { status }))).toBe(type);
    expect(failureType({ status })).toBe(type);
  });

  it('reads statuses where HTTP clients put them', () => {
    expect(failureType(named('AxiosError', 'Request failed', { response: { status: 503 } }))).toBe(
      'external_service_error',
    );
    const ky = named('HTTPError', 'Request failed', {
      response: new Response(null, { status: 429 }),
    });
    expect(failureType(ky)).toBe('rate_limited');
    expect(failureType(named('HTTPError', 'x', { response: { statusCode: 502 } }))).toBe(
      'external_service_error',
    );
    expect(failureType({ statusCode: 504, message: 'upstream' })).toBe('timeout');
    expect(failureType(new Error('HTTP error! status: 503'))).toBe('external_service_error');
    expect(failureType(new Error('Request failed with status code 429'))).toBe('rate_limited');
  });

  it('calls Response.error() a network error', () => {
    expect(failureType(Response.error())).toBe('network_error');
  });

  it.each<[string, string]>([
    ['AbortError', 'cancelled'],
    ['TimeoutError', 'timeout'],
    ['NetworkError', 'network_error'],
    ['QuotaExceededError', 'resource_exhausted'],
  ])('reads a DOMException named %s as %s', (name, type) => {
    expect(failureType(new DOMException('whatever it says', name))).toBe(type);
  });

  it('tells a timeout from a cancellation, through causes too', () => {
    const controller = new AbortController();
    controller.abort();
    expect(failureType(controller.signal.reason)).toBe('cancelled');
    const abortForTimeout = new DOMException('aborted', 'AbortError');
    Object.defineProperty(abortForTimeout, 'cause', {
      value: new DOMException('signal timed out', 'TimeoutError'),
    });
    expect(failureType(abortForTimeout)).toBe('timeout');
  });

  it.each<[string, unknown, string]>([
    ['Chrome', new TypeError('Failed to fetch'), 'network_error'],
    ['Chrome 2025', new TypeError('Failed to fetch (api.example.com)'), 'network_error'],
    ['Chrome body', new TypeError('network error'), 'network_error'],
    ['Chrome timeout', new DOMException('signal timed out', 'TimeoutError'), 'timeout'],
    ['Firefox', new TypeError('NetworkError when attempting to fetch resource.'), 'network_error'],
    ['Firefox timeout', new DOMException('The operation timed out.', 'TimeoutError'), 'timeout'],
    ['Safari', new TypeError('Load failed'), 'network_error'],
    ['Safari 18.4', new TypeError('Load failed (api.example.com)'), 'network_error'],
    ['iOS', new TypeError('The network connection was lost.'), 'network_error'],
    [
      'iOS offline',
      new TypeError('The Internet connection appears to be offline.'),
      'network_error',
    ],
    ['iOS timeout', new TypeError('The request timed out.'), 'timeout'],
    ['workerd', new Error('Network connection lost.'), 'network_error'],
    [
      'workerd internal',
      new Error('internal error; reference = 0ckaeq6r7vu8dh0u1gfh3i16'),
      'network_error',
    ],
    [
      'Deno 2',
      new TypeError('fetch failed', {
        cause: new Error(
          'error sending request for url (http://127.0.0.1:9/): client error (Connect): tcp connect error: Connection refused (os error 111)',
        ),
      }),
      'network_error',
    ],
    [
      'Deno 1',
      new TypeError('error sending request for url (https://x/): connection error'),
      'network_error',
    ],
    ['Node.js', new TypeError('fetch failed', { cause: socket('ECONNREFUSED') }), 'network_error'],
    ['Node.js DNS', new TypeError('fetch failed', { cause: socket('EAI_AGAIN') }), 'network_error'],
    [
      'Node.js reset',
      new TypeError('fetch failed', { cause: socket('ECONNRESET', 'read ECONNRESET') }),
      'network_error',
    ],
    ['Node.js timeout', new TypeError('fetch failed', { cause: socket('ETIMEDOUT') }), 'timeout'],
    [
      'undici',
      new TypeError('fetch failed', {
        cause: socket('UND_ERR_HEADERS_TIMEOUT', 'Headers Timeout Error'),
      }),
      'timeout',
    ],
    [
      'undici body',
      new TypeError('terminated', { cause: socket('UND_ERR_SOCKET', 'other side closed') }),
      'network_error',
    ],
    [
      'Node.js AbortSignal.timeout',
      new DOMException('The operation was aborted due to timeout', 'TimeoutError'),
      'timeout',
    ],
    ['axios', named('AxiosError', 'Network Error', { code: 'ERR_NETWORK' }), 'network_error'],
    [
      'axios timeout',
      named('AxiosError', 'timeout of 5000ms exceeded', { code: 'ECONNABORTED' }),
      'timeout',
    ],
  ])('knows the fetch failure of %s', (_runtime, error, type) => {
    expect(failureType(error)).toBe(type);
    expect(isTransientFailure(error)).toBe(true);
  });

  it('reads socket codes on plain objects', () => {
    expect(failureType({ code: 'ECONNRESET' })).toBe('network_error');
    expect(failureType({ code: 'ENOTFOUND' })).toBe('network_error');
    expect(failureType({ code: 'ESOCKETTIMEDOUT' })).toBe('timeout');
    expect(failureType({ code: 'UND_ERR_CONNECT_TIMEOUT' })).toBe('timeout');
    expect(failureType({ code: 'ENOENT' })).toBe('unknown');
  });

  it('calls engine errors bugs unless they name I/O', () => {
    expect(failureType(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(
      'programming_error',
    );
    expect(failureType(new ReferenceError('fetch is not defined'))).toBe('programming_error');
    expect(failureType(new RangeError('Maximum call stack size exceeded'))).toBe(
      'programming_error',
    );
    expect(failureType(new TypeError('x', { cause: new TypeError('Failed to fetch') }))).toBe(
      'programming_error',
    );
    expect(failureType(new SyntaxError('Unexpected end of JSON input'))).toBe(
      'deserialization_failed',
    );
    expect(
      failureType(new SyntaxError(`Unexpected token '<', "<!DOCTYPE "... is not valid JSON`)),
    ).toBe('deserialization_failed');
    expect(
      failureType(new SyntaxError('JSON.parse: unexpected character at line 1 column 1')),
    ).toBe('deserialization_failed');
  });

  it('looks through wrappers to the failure they carry', () => {
    const wrapped = new Error('Could not load the cart', {
      cause: new TypeError('Failed to fetch'),
    });
    expect(failureType(wrapped)).toBe('network_error');
    expect(failureType({ error: new TypeError('Load failed') })).toBe('network_error');
    const deep = [1, 2, 3, 4, 5].reduce<unknown>(
      (cause) => new Error('wrapper', { cause }),
      socket('ECONNRESET'),
    );
    expect(failureType(deep)).toBe('unknown'); // 5 wrappers: deeper than classify() looks
  });

  it('answers unknown for anything it does not recognise', () => {
    for (const value of [
      undefined,
      null,
      0,
      'Failed to fetch',
      {},
      [],
      new Error('boom'),
      Symbol('x'),
    ])
      expect(failureType(value)).toBe('unknown');
  });
});

describe('isTransientFailure()', () => {
  it('retries blips and nothing else', () => {
    expect(isTransientFailure(new Response(null, { status: 503 }))).toBe(true);
    expect(isTransientFailure(new Response(null, { status: 429 }))).toBe(true);
    expect(isTransientFailure(new Response(null, { status: 501 }))).toBe(false);
    expect(isTransientFailure(new Response(null, { status: 404 }))).toBe(false);
    expect(isTransientFailure(new DOMException('aborted', 'AbortError'))).toBe(false);
    expect(isTransientFailure(new TypeError('x is not a function'))).toBe(false);
    expect(isTransientFailure(new Error('boom'))).toBe(false);
  });

  it("follows a FaultError's own transient flag, or its type's when it has none", () => {
    expect(isTransientFailure(new FaultError('dependency_failed', 'down'))).toBe(true);
    expect(isTransientFailure(new FaultError('circuit_open', 'open'))).toBe(false);
    expect(isTransientFailure({ name: 'FaultError', code: 4101, type: 'network_error' })).toBe(
      true,
    );
    expect(isTransientFailure({ name: 'FaultError', code: 1, type: 'x', transient: true })).toBe(
      true,
    );
  });
});
