/**
 * A fast synchronous 64-bit hash for fingerprints (SPEC §2: no async crypto).
 *
 * @module
 */

/**
 * FNV-1a, 64-bit, computed over the UTF-16 code units of `text` (each code unit is XORed in
 * whole, where byte-wise FNV-1a would take UTF-8 bytes; for ASCII text the two agree) and
 * rendered as 16 lowercase hex digits. The 64-bit state is kept in four 16-bit limbs so that
 * every step is small-integer arithmetic: no BigInt, no floating point, no allocation per
 * character.
 *
 * @see http://www.isthe.com/chongo/tech/comp/fnv/ (FNV-1a, offset basis and prime)
 * @example
 * fnv1a64('a'); // 'af63dc4c8601ec8c'
 */
export function fnv1a64(text: string): string {
  return fnv1a64Parts([text]);
}

/**
 * {@link fnv1a64} of the concatenation of `parts`, without building it (hashing a string built
 * by `+` first copies it into one piece).
 *
 * @example
 * fnv1a64Parts(['foo', 'bar']) === fnv1a64('foobar'); // true
 */
export function fnv1a64Parts(parts: readonly string[]): string {
  // Offset basis 0xcbf29ce484222325, low limb first.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (const text of parts) {
    for (let i = 0; i < text.length; i++) {
      h0 ^= text.charCodeAt(i);
      // Multiply by the prime 2^40 + 0x1b3: 0x1b3 times every limb, plus limbs 0–1 shifted into
      // limbs 2–3 by 2^40 = (2^32)·2^8. Every partial product stays below 2^31.
      const t0 = h0 * 0x1b3;
      const t1 = h1 * 0x1b3 + (t0 >>> 16);
      const t2 = h2 * 0x1b3 + (h0 << 8) + (t1 >>> 16);
      const t3 = h3 * 0x1b3 + (h1 << 8) + (t2 >>> 16);
      h0 = t0 & 0xffff;
      h1 = t1 & 0xffff;
      h2 = t2 & 0xffff;
      h3 = t3 & 0xffff;
    }
  }
  return hex4(h3) + hex4(h2) + hex4(h1) + hex4(h0);
}

/** Two lowercase hex digits per byte value: a table lookup beats `toString(16)` here. */
const HEX_BYTES: readonly string[] = Array.from({ length: 256 }, (_, byte) =>
  (byte | 0x100).toString(16).slice(1),
);

function hex4(limb: number): string {
  return HEX_BYTES[limb >>> 8]! + HEX_BYTES[limb & 0xff]!;
}
