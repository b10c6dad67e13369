import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/classify/classify.js';
import { defineRule, type RuleCondition } from '../../../src/classify/rule.js';

const matches = (when: RuleCondition, error: unknown): boolean =>
  classify(error, [defineRule({ when, type: 'dependency_failed' })]).type === 'dependency_failed';

describe('defineRule()', () => {
  it('refuses a type that is neither built-in nor registered', () => {
    expect(() => defineRule({ when: {}, type: 'payment_declined_typo' })).toThrow(
      /rule type "payment_declined_typo" is not a built-in or registered error type/,
    );
  });

  it('refuses an unknown severity, an unknown condition key and malformed values', () => {
    expect(() => defineRule({ when: {}, type: 'timeout', severity: 'urgent' as never })).toThrow(
      RangeError,
    );
    expect(() => defineRule({ when: { mesageContains: 'x' } as never, type: 'timeout' })).toThrow(
      /unknown rule condition "mesageContains" at when/,
    );
    expect(() => defineRule({ when: { status: 99 }, type: 'timeout' })).toThrow(RangeError);
    expect(() => defineRule({ when: { status: { min: 599, max: 500 } }, type: 'timeout' })).toThrow(
      RangeError,
    );
    expect(() => defineRule({ when: { messageContains: [] }, type: 'timeout' })).toThrow(TypeError);
    expect(() => defineRule({ when: { or: [{ name: 3 as never }] }, type: 'timeout' })).toThrow(
      /when\.or\[0\]\.name/,
    );
    expect(() => defineRule({ when: { test: 'yes' as never }, type: 'timeout' })).toThrow(
      TypeError,
    );
  });

  it('returns a frozen rule', () => {
    expect(Object.isFrozen(defineRule({ when: {}, type: 'timeout' }))).toBe(true);
  });
});

describe('rule conditions', () => {
  it('matches message text ignoring case, one needle or any of several', () => {
    expect(matches({ messageContains: 'UPSTREAM' }, new Error('upstream reset'))).toBe(true);
    expect(matches({ messageContains: ['nope', 'reset'] }, new Error('upstream reset'))).toBe(true);
    expect(matches({ messageContains: 'x' }, new Error('upstream reset'))).toBe(false);
  });

  it('matches a RegExp and ignores its global flag', () => {
    const when = { messageMatches: /quota \d+/g };
    expect(matches(when, new Error('quota 5 hit'))).toBe(true);
    expect(matches(when, new Error('quota 5 hit'))).toBe(true);
  });

  it('matches error names exactly', () => {
    expect(
      matches(
        { name: ['HTTPError', 'TimeoutError'] },
        Object.assign(new Error(), { name: 'HTTPError' }),
      ),
    ).toBe(true);
    expect(matches({ name: 'HTTPError' }, new Error())).toBe(false);
  });

  it('matches an exact status or an inclusive range from any status source', () => {
    expect(matches({ status: 404 }, new Response(null, { status: 404 }))).toBe(true);
    expect(matches({ status: { min: 500, max: 599 } }, { statusCode: 599 })).toBe(true);
    expect(matches({ status: { min: 500, max: 599 } }, { response: { status: 500 } })).toBe(true);
    expect(matches({ status: { min: 500, max: 599 } }, new Error('HTTP 503'))).toBe(true);
    expect(matches({ status: { min: 500, max: 599 } }, { status: 499 })).toBe(false);
  });

  it('matches context dot paths, then own properties', () => {
    const fault = { name: 'Error', message: 'x', context: { request: { method: 'POST' } } };
    expect(matches({ context: { 'request.method': 'POST' } }, fault)).toBe(true);
    expect(matches({ context: { 'request.method': 'GET' } }, fault)).toBe(false);
    expect(
      matches({ context: { code: 'P2002' } }, Object.assign(new Error('x'), { code: 'P2002' })),
    ).toBe(true);
  });

  it('combines conditions with and, or, not, and ANDs the keys of one condition', () => {
    const error = Object.assign(new Error('upstream reset'), { name: 'HTTPError', status: 502 });
    expect(matches({ and: [{ name: 'HTTPError' }, { status: 502 }] }, error)).toBe(true);
    expect(matches({ or: [{ name: 'Nope' }, { messageContains: 'reset' }] }, error)).toBe(true);
    expect(matches({ not: { name: 'HTTPError' } }, error)).toBe(false);
    expect(matches({ name: 'HTTPError', status: 500 }, error)).toBe(false);
    expect(matches({}, error)).toBe(true);
  });

  it('runs custom predicates on the original value', () => {
    const error = Object.assign(new Error('x'), { retryable: true });
    expect(matches({ test: (e) => (e as { retryable?: boolean }).retryable === true }, error)).toBe(
      true,
    );
    expect(matches({ test: () => 'truthy' as never }, error)).toBe(false);
  });
});
