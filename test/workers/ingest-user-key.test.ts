import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { sha256Hex } from '../../workers/src/crypto/sha256.js';
import { rememberingUserKeys, userKey } from '../../workers/src/ingest/user-key.js';

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

  it('remembers the keys of 4096 users of short ids, forgetting the oldest first', async () => {
    const hash = vi.fn(sha256Hex);
    const userKey = rememberingUserKeys(hash);
    const hashes = () => hash.mock.calls.length;
    const first = await userKey('acme', 'user-0');
    const before = hashes();
    expect(await userKey('acme', 'user-0')).toBe(first);
    expect(hashes()).toBe(before); // remembered
    const long = 'u'.repeat(500);
    const expectedLong = (await webCryptoHex(`acme\0${long}`)).slice(0, 32);
    expect(await userKey('acme', long)).toBe(expectedLong);
    expect(await userKey('acme', long)).toBe(expectedLong);
    expect(hashes()).toBe(before + 2); // too long to remember
    for (let i = 1; i <= 4096; i++) await userKey('acme', `user-${i}`);
    const full = hashes();
    expect(await userKey('acme', 'user-4096')).toBe(
      (await webCryptoHex('acme\0user-4096')).slice(0, 32),
    );
    expect(hashes()).toBe(full);
    expect(await userKey('acme', 'user-0')).toBe(first); // forgotten, hashed again
    expect(hashes()).toBe(full + 1);
    expect(await userKey('other', 'user-0')).not.toBe(first);
  });
});
