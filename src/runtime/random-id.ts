/**
 * Identifiers from `crypto.getRandomValues`, which, unlike `crypto.randomUUID`, exists in
 * insecure contexts too (SPEC §4). Bytes are drawn in blocks so an id costs a few array reads.
 *
 * @module
 */

const POOL_SIZE = 4096;
const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) =>
  i.toString(16).padStart(2, '0'),
);

let pool: Uint8Array | undefined;
let offset = POOL_SIZE;

function take(count: number): Uint8Array {
  if (pool === undefined || offset + count > POOL_SIZE) {
    pool = crypto.getRandomValues(new Uint8Array(POOL_SIZE));
    offset = 0;
  }
  const bytes = pool.subarray(offset, offset + count);
  offset += count;
  return bytes;
}

function hex(bytes: Uint8Array, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) out += HEX[bytes[i] as number];
  return out;
}

/**
 * `count` random bytes as lowercase hex, never all zeros (W3C trace context forbids all-zero
 * ids).
 *
 * @example
 * randomHex(16); // '4bf92f3577b34da6a3ce929d0e0e4736'
 */
export function randomHex(count: number): string {
  for (;;) {
    const bytes = take(count);
    if (bytes.some((b) => b !== 0)) return hex(bytes, 0, count);
  }
}

/**
 * A random RFC 9562 version-4 UUID, e.g. an event id.
 *
 * @example
 * createId(); // 'f47ac10b-58cc-4372-a567-0e02b2c3d479'
 */
export function createId(): string {
  const b = take(16);
  const version = HEX[((b[6] as number) & 0x0f) | 0x40] as string;
  const variant = HEX[((b[8] as number) & 0x3f) | 0x80] as string;
  return `${hex(b, 0, 4)}-${hex(b, 4, 6)}-${version}${hex(b, 7, 8)}-${variant}${hex(b, 9, 10)}-${hex(b, 10, 16)}`;
}
