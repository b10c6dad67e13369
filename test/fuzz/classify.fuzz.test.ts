import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/classify/classify.js';
import type { Classification } from '../../src/classify/classification.js';
import { defineRule } from '../../src/classify/rule.js';
import { lookupErrorType } from '../../src/errors/registry.js';

const NAMES = [
  'TypeError',
  'SyntaxError',
  'RangeError',
  'ReferenceError',
  'InternalError',
  'URIError',
  'AbortError',
  'TimeoutError',
  'NetworkError',
  'QuotaExceededError',
  'NotFoundError',
  'InvalidStateError',
  'UnknownError',
  'DataCloneError',
  'AxiosError',
  'HTTPError',
  'FetchError',
  'ZodError',
  'FaultError',
  'ChunkLoadError',
  'HttpErrorResponse',
  'Error',
  '',
];
const MESSAGES = [
  'Failed to fetch',
  'fetch failed',
  'Load failed',
  'signal timed out',
  'timeout of 5000ms exceeded',
  'Request failed with status code 503',
  'HTTP error! status: 429',
  'Unexpected end of JSON input',
  "Cannot read properties of undefined (reading 'x')",
  'Converting circular structure to JSON',
  'Loading chunk 7 failed.',
  'The operation was aborted due to timeout',
  'canceled',
];

/** Error-like objects with the fields classification reads, in every combination. */
const errorLike = fc.record(
  {
    name: fc.oneof(fc.constantFrom(...NAMES), fc.string(), fc.anything()),
    message: fc.oneof(fc.constantFrom(...MESSAGES), fc.string(), fc.anything()),
    code: fc.oneof(
      fc.constantFrom('ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'ERR_NETWORK'),
      fc.string(),
      fc.integer(),
      fc.anything(),
    ),
    status: fc.oneof(fc.integer({ min: -1, max: 1000 }), fc.double(), fc.anything()),
    statusCode: fc.anything(),
    response: fc.oneof(fc.record({ status: fc.integer({ min: 0, max: 700 }) }), fc.anything()),
    headers: fc.anything(),
    ok: fc.anything(),
    type: fc.anything(),
    issues: fc.oneof(fc.array(fc.record({ code: fc.string() })), fc.anything()),
    context: fc.anything(),
    cause: fc.anything(),
    error: fc.anything(),
    reason: fc.anything(),
  },
  { requiredKeys: [] },
);

const TRAPS = [
  'get',
  'has',
  'ownKeys',
  'getOwnPropertyDescriptor',
  'getPrototypeOf',
  'apply',
  'construct',
] as const;

/** A Proxy whose every trap throws. */
function throwingProxy(target: object = {}): object {
  const handler: ProxyHandler<object> = {};
  for (const trap of TRAPS) {
    (handler as Record<string, () => never>)[trap] = () => {
      throw new Error(`trap ${trap}`);
    };
  }
  return new Proxy(target, handler);
}

/** The same object, with every field behind a getter that throws. */
function throwingGetters(value: Record<string, unknown>): object {
  const hostile = {};
  for (const key of new Set([
    ...Object.keys(value),
    'name',
    'message',
    'cause',
    'status',
    'code',
  ])) {
    Object.defineProperty(hostile, key, {
      get() {
        throw new Error(`getter ${key}`);
      },
      enumerable: true,
    });
  }
  return hostile;
}

/** A cause chain that loops back on itself after `length` links. */
function cyclicChain(length: number, message: string): Error {
  const head = new TypeError(message);
  let current: Error = head;
  for (let index = 1; index < length; index++) {
    const next = new Error(`link ${index}`);
    Object.defineProperty(current, 'cause', { value: next, configurable: true });
    current = next;
  }
  Object.defineProperty(current, 'cause', { value: head, configurable: true });
  return head;
}

// fast-check inspects the values it generates (`in` checks, printing), which hostile values
// would break, so every value is generated as a thunk and built inside the property.
const thrown: fc.Arbitrary<() => unknown> = fc.oneof(
  fc.anything().map((value) => () => value),
  fc.string().map((value) => () => value),
  fc.constantFrom(...MESSAGES).map((value) => () => value),
  errorLike.map((fields) => () => fields),
  errorLike.map((fields) => () => Object.assign(new Error(), fields)),
  errorLike.map((fields) => () => throwingGetters(fields)),
  fc.constant(() => throwingProxy()),
  fc.constant(() => throwingProxy(() => 1)),
  fc.constant(() => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  }),
  fc.tuple(fc.integer({ min: 1, max: 8 }), fc.constantFrom(...MESSAGES)).map(
    ([length, message]) =>
      () =>
        cyclicChain(length, message),
  ),
  errorLike.map((fields) => () => ({ ...fields, cause: throwingProxy() })),
  errorLike.map((fields) => () => new Error('wrapper', { cause: throwingGetters(fields) })),
);

const RULES = [
  defineRule({ when: { messageContains: ['zzz-never'] }, type: 'timeout' }),
  defineRule({
    when: { and: [{ name: 'RuleTarget' }, { status: { min: 500, max: 599 } }] },
    type: 'dependency_failed',
  }),
  defineRule({
    when: { not: { context: { 'a.b': 1 } }, messageMatches: /^zzz$/ },
    type: 'rate_limited',
  }),
  defineRule({
    when: { test: (e) => (e as { boom: () => boolean }).boom() },
    type: 'internal_error',
  }),
];

function expectValid(result: Classification): void {
  const row = lookupErrorType(result.type);
  expect(row).toBeDefined();
  expect(result.code).toBe(row?.code);
  expect(result.category).toBe(row?.category);
  expect(result.subcategory).toBe(row?.subcategory);
  expect(result.retry).toBe(row?.retry);
  expect(result.transient).toBe(result.retry !== 'no_retry');
  expect(['critical', 'high', 'medium', 'low', 'info']).toContain(result.severity);
  expect(typeof result.userNotification.show).toBe('boolean');
  expect(result.userNotification.message).toBe(row?.userMessage);
}

describe('classify() fuzzing', () => {
  it('never throws and always returns a valid taxonomy row, without rules', () => {
    fc.assert(
      fc.property(thrown, (make) => {
        expectValid(classify(make()));
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws and always returns a valid taxonomy row, with rules', () => {
    fc.assert(
      fc.property(thrown, (make) => {
        expectValid(classify(make(), RULES));
      }),
      { numRuns: 1000 },
    );
  });

  it('gives programming errors no retry whatever their message', () => {
    fc.assert(
      fc.property(fc.string(), (message) => {
        const result = classify(new ReferenceError(message));
        expect(result.type).toBe('programming_error');
        expect(result.transient).toBe(false);
      }),
    );
  });

  it('stays fast on long and adversarial messages', () => {
    const messages = [
      'a'.repeat(100_000),
      'Failed '.repeat(20_000),
      `${'x '.repeat(50_000)}timeout`,
      '\u0000'.repeat(50_000),
    ];
    const started = performance.now();
    for (const message of messages) expectValid(classify(new Error(message)));
    expect(performance.now() - started).toBeLessThan(250);
  });
});
