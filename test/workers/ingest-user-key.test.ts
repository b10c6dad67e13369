import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../workers/src/crypto/sha256.js';
import { userKey } from '../../workers/src/ingest/user-key.js';

/** SHA-256 as Web Crypto computes it, in hex. */
async function webCryptoHex(text: string): Promise<string> {
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)),
  );
  return [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

describe('sha256Hex()', () => {
  it('gives the FIPS 180-4 test vectors', () => {
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('agrees with Web Crypto at every padding boundary and on any text', async () => {
    for (let length = 0; length <= 130; length++) {
      const text = 'x'.repeat(length);
      expect(sha256Hex(text), `length ${length}`).toBe(await webCryptoHex(text));
    }
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 80 })),
        async (text) => {
          expect(sha256Hex(text)).toBe(await webCryptoHex(text));
        },
      ),
      { numRuns: 300 },
    );
    const long = 'é'.repeat(5000);
    expect(sha256Hex(long)).toBe(await webCryptoHex(long));
    expect(sha256Hex('\ud800 lone')).toBe(await webCryptoHex('\ud800 lone'));
  });
});

describe('userKey()', () => {
  it('is the first 32 hex digits of SHA-256(project NUL id)', async () => {
    expect(await userKey('acme', 'alice@example.com')).toBe(
      (await webCryptoHex('acme\0alice@example.com')).slice(0, 32),
    );
  });

  it('answers the same key from memory, for long ids and after older ids are forgotten', async () => {
    const first = await userKey('acme', 'user-0');
    const long = 'u'.repeat(500);
    const expectedLong = (await webCryptoHex(`acme\0${long}`)).slice(0, 32);
    expect(await userKey('acme', long)).toBe(expectedLong);
    for (let i = 1; i <= 5000; i++) await userKey('acme', `user-${i}`);
    expect(await userKey('acme', 'user-0')).toBe(first);
    expect(await userKey('other', 'user-0')).not.toBe(first);
    expect(await userKey('acme', 'user-4999')).toBe(
      (await webCryptoHex('acme\0user-4999')).slice(0, 32),
    );
    expect(await userKey('acme', long)).toBe(expectedLong);
  });
});
