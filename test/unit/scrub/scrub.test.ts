import { describe, expect, it } from 'vitest';
import { createScrubber, scrub, scrubString } from '../../../src/scrub/scrub.js';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlX2hlcmU';

describe('scrub()', () => {
  it('replaces the values of sensitive keys at any depth, whatever their type', () => {
    const input = {
      password: 'hunter2',
      nested: { deeper: { apiKey: 12345, credentials: { user: 'ann', pass: 'x' } } },
      headers: { Authorization: 'Bearer abc', 'Set-Cookie': ['a=1', 'b=2'], accept: '*/*' },
    };
    expect(scrub(input)).toEqual({
      password: '[Filtered]',
      nested: { deeper: { apiKey: '[Filtered]', credentials: '[Filtered]' } },
      headers: { Authorization: '[Filtered]', 'Set-Cookie': '[Filtered]', accept: '*/*' },
    });
  });

  it('keeps null and undefined under sensitive keys', () => {
    expect(scrub({ token: null, secret: undefined })).toEqual({ token: null, secret: undefined });
  });

  it('removes sensitive values inside strings and keeps the rest of the text', () => {
    const input = {
      message: 'user bob@example.com failed',
      url: 'https://api.example/x?token=abc&page=2',
      note: `paid with 4111 1111 1111 1111, order 4111111111111112, jwt ${JWT}`,
      header: 'Bearer abcdef123456',
    };
    expect(scrub(input)).toEqual({
      message: 'user [email] failed',
      url: 'https://api.example/x?token=[Filtered]&page=2',
      note: 'paid with [card], order 4111111111111112, jwt [jwt]',
      header: 'Bearer [Filtered]',
    });
  });

  it('scrubs strings in arrays, and object keys too', () => {
    expect(scrub({ tags: ['ok', 'ann@example.org'], 'ann@example.org': 1 })).toEqual({
      tags: ['ok', '[email]'],
      '[email]': 1,
    });
  });

  it('never mutates its input', () => {
    const input = { password: 'x', user: { email: 'a@b.example' }, list: [{ token: 't' }] };
    const before = structuredClone(input);
    const output = scrub(input);
    expect(input).toEqual(before);
    expect(output.user).not.toBe(input.user);
    expect(output.list[0]).not.toBe(input.list[0]);
  });

  it('turns cycles into a marker instead of looping', () => {
    const input: Record<string, unknown> = { name: 'a' };
    input.self = input;
    input.list = [input];
    expect(scrub(input)).toEqual({ name: 'a', self: '[Circular]', list: ['[Circular]'] });
  });

  it('copies shared, non-cyclic references twice', () => {
    const shared = { v: 1 };
    expect(scrub({ a: shared, b: shared })).toEqual({ a: { v: 1 }, b: { v: 1 } });
  });

  it('turns containers deeper than maxDepth into a marker, without overflowing the stack', () => {
    let deep: Record<string, unknown> = { leaf: 'x' };
    for (let i = 0; i < 100_000; i++) deep = { next: deep };
    let out = scrub(deep) as Record<string, unknown>;
    let levels = 0;
    while (typeof out.next === 'object') {
      out = out.next as Record<string, unknown>;
      levels++;
    }
    expect(levels).toBe(11);
    expect(out.next).toBe('[MaxDepth]');
    expect(scrub({ a: { b: 1 } }, { maxDepth: 1 })).toEqual({ a: '[MaxDepth]' });
  });

  it('copies __proto__ keys as own data and never pollutes a prototype', () => {
    const input = JSON.parse('{"__proto__": {"polluted": true}, "a": {"__proto__": {"x": 1}}}');
    const output = scrub(input) as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(output)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(output, '__proto__')).toBe(true);
    expect(JSON.stringify(output)).toBe(JSON.stringify(input));
  });

  it('keeps dates, copies class instances as plain objects and errors with their message', () => {
    class Point {
      constructor(
        public x: number,
        public email: string,
      ) {}
      get norm() {
        return this.x;
      }
    }
    const date = new Date(0);
    const error = new Error('failed for ann@example.org');
    const output = scrub({ date, point: new Point(1, 'a@b.example'), error }) as unknown as {
      date: Date;
      point: unknown;
      error: Record<string, unknown>;
    };
    expect(output.date).toEqual(date);
    expect(output.date).not.toBe(date);
    expect(output.point).toEqual({ x: 1, email: '[email]' });
    expect(Object.getPrototypeOf(output.point)).toBe(Object.prototype);
    expect(output.error.message).toBe('failed for [email]');
    expect(output.error.name).toBe('Error');
  });

  it('copies Map and Set, scrubbing string keys and values', () => {
    const output = scrub({
      map: new Map<unknown, unknown>([
        ['password', 'x'],
        ['to', 'ann@example.org'],
      ]),
      set: new Set(['bob@example.com']),
    });
    expect(output.map).toEqual(
      new Map([
        ['password', '[Filtered]'],
        ['to', '[email]'],
      ]),
    );
    expect(output.set).toEqual(new Set(['[email]']));
  });

  it('replaces values whose reading throws', () => {
    const input = {
      ok: 1,
      get bad(): never {
        throw new Error('boom');
      },
    };
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    expect(scrub(input)).toEqual({ ok: 1, bad: '[Unreadable]' });
    expect(scrub({ proxy: revoked.proxy })).toEqual({ proxy: '[Unreadable]' });
  });

  it('passes primitives through', () => {
    expect(scrub(42)).toBe(42);
    expect(scrub(null)).toBe(null);
    expect(scrub(true)).toBe(true);
    expect(scrub('mail bob@example.com')).toBe('mail [email]');
  });

  it('is idempotent, so the collector can scrub again', () => {
    const input = {
      a: 'bob@example.com 4111111111111111 Bearer abcdef123456 https://x.example/?token=t',
      password: 'x',
    };
    const once = scrub(input);
    expect(scrub(once)).toEqual(once);
  });
});

describe('createScrubber()', () => {
  it('honours extra keys, allowed keys, detector toggles and markers', () => {
    const scrubEvent = createScrubber({
      keys: ['iban', /^x-internal/i],
      allowKeys: ['session'],
      emails: false,
      cards: false,
      markers: { key: '***', jwt: '<jwt>' },
    });
    expect(
      scrubEvent({
        iban: 'DE89',
        'X-Internal-Id': 'i',
        session: 's',
        password: 'p',
        text: `ann@example.org 4111111111111111 ${JWT}`,
      }),
    ).toEqual({
      iban: '***',
      'X-Internal-Id': '***',
      session: 's',
      password: '***',
      text: 'ann@example.org 4111111111111111 <jwt>',
    });
  });

  it('can turn off the URL, JWT and bearer detectors', () => {
    const scrubEvent = createScrubber({ urlParams: false, jwts: false, bearer: false });
    const text = `?token=abc Bearer abcdef123456 ${JWT}`;
    expect(scrubEvent(text)).toBe(text);
  });

  it('falls back to the default depth for an invalid maxDepth', () => {
    const scrubEvent = createScrubber({ maxDepth: -1 });
    expect(scrubEvent({ a: { b: { c: 1 } } })).toEqual({ a: { b: { c: 1 } } });
  });
});

describe('scrubString()', () => {
  it('runs the value detectors on one string', () => {
    expect(scrubString('GET /api?access_token=abc123&page=2 for ann@example.org')).toBe(
      'GET /api?access_token=[Filtered]&page=2 for [email]',
    );
  });

  it('honours options', () => {
    expect(scrubString('ann@example.org', { markers: { email: '<e>' } })).toBe('<e>');
  });
});
