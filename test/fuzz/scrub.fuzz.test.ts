import fc from 'fast-check';
import { CODE_EXTENSIONS } from '../../src/scrub/detectors/email.js';
import { describe, expect, it } from 'vitest';
import { isSensitiveKey } from '../../src/scrub/sensitive-keys.js';
import { scrub, scrubString } from '../../src/scrub/scrub.js';

const RUNS = 300;

/** Random text with awkward characters, joined to a secret by spaces as prose would be. */
const text = fc.string({ unit: 'binary', maxLength: 40 });
const embed = (secret: fc.Arbitrary<string>) =>
  fc.tuple(text, secret, text).map(([before, value, after]) => ({
    value,
    text: `${before} ${value} ${after}`,
  }));

const alnum = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split('');
const lower = 'abcdefghijklmnopqrstuvwxyz'.split('');
const chars = (set: string[], min: number, max: number) =>
  fc.array(fc.constantFrom(...set), { minLength: min, maxLength: max }).map((a) => a.join(''));

const email = fc
  .tuple(
    chars(alnum, 1, 1),
    chars([...alnum, '.', '_', '%', '+', '-'], 0, 20),
    fc.array(chars([...alnum, '-'], 1, 12), { minLength: 1, maxLength: 3 }),
    // A code-file extension after `@` is read as a stack frame, by design (see email.ts).
    chars(lower, 2, 6).filter((tld) => !CODE_EXTENSIONS.has(tld)),
  )
  .map(([first, rest, labels, tld]) => {
    const local = (first + rest).replace(/\.+$/, '');
    const domain = labels.map((label) => label.replace(/^-+|-+$/g, '') || 'x').join('.');
    return `${local}@${domain}.${tld}`;
  });

/** A Luhn-valid number with an issuer digit 2–6, plain or grouped by 4 with spaces or dashes. */
const card = fc
  .tuple(
    fc.integer({ min: 2, max: 6 }),
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 11, maxLength: 17 }),
    fc.constantFrom('', ' ', '-'),
  )
  .map(([issuer, body, separator]) => {
    const partial = [issuer, ...body];
    const digits = partial.join('') + luhnCheckDigit(partial);
    return separator === '' ? digits : (digits.match(/.{1,4}/g) ?? []).join(separator);
  })
  .filter((value) => !/[ -]\d{1,2}$/.test(value)); // a trailing 1–2 digit group is not a card format

const base64url = (min: number, max: number) => chars([...alnum, '-', '_'], min, max);
const jwt = fc
  .tuple(fc.constantFrom('HS256', 'RS256', 'none'), base64url(2, 60), base64url(0, 60))
  .map(([alg, payload, signature]) => {
    const header = btoa(JSON.stringify({ alg, typ: 'JWT' })).replace(/=+$/, '');
    return `${header.replaceAll('+', '-').replaceAll('/', '_')}.${payload}.${signature}`;
  });

function luhnCheckDigit(digits: number[]): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits[digits.length - 1 - i]!;
    if (i % 2 === 0) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

const anything = fc.anything({
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withDate: true,
  withTypedArray: true,
  withSparseArray: true,
  withObjectString: true,
  stringUnit: 'binary',
});

describe('scrub() under random input', () => {
  it('never throws and never mutates its input', () => {
    fc.assert(
      fc.property(anything, (value) => {
        const before = structuredClone(value);
        scrub(value);
        expect(value).toEqual(before);
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps JSON data JSON-serialisable', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const json = JSON.stringify(scrub(value));
        expect(JSON.stringify(JSON.parse(json ?? 'null'))).toBe(json ?? 'null');
      }),
      { numRuns: RUNS },
    );
  });

  it('leaves nothing but the marker, null or undefined under sensitive keys', () => {
    const key = fc.constantFrom('password', 'token', 'apiKey', 'Set-Cookie', 'session_id', 'name');
    const tree = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue({ maxDepth: 1 }),
        fc.dictionary(key, tie('node'), { maxKeys: 4 }),
        fc.array(tie('node'), { maxLength: 3 }),
      ),
    })).node;
    fc.assert(
      fc.property(tree, (value) => {
        const visit = (node: unknown): void => {
          if (typeof node !== 'object' || node === null) return;
          for (const [k, v] of Object.entries(node)) {
            if (isSensitiveKey(k)) expect([null, undefined, '[Filtered]']).toContain(v);
            else visit(v);
          }
        };
        visit(scrub(value));
      }),
      { numRuns: RUNS },
    );
  });

  it.each([
    ['emails', email],
    ['Luhn-valid card numbers', card],
    ['JWTs', jwt],
  ] as const)('always removes %s embedded in random text', (_kind, secret) => {
    fc.assert(
      fc.property(embed(secret), ({ value, text }) => {
        expect(scrubString(text)).not.toContain(value);
        expect(JSON.stringify(scrub({ note: text, list: [text] }))).not.toContain(value);
      }),
      { numRuns: RUNS },
    );
  });
});
