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

let pool = new Uint8Array(0);
let offset = POOL_SIZE;

/** Reserves `count` fresh bytes of the pool; returns where they start (no view is made). */
function take(count: number): number {
  if (offset + count > POOL_SIZE) {
    if (pool.length === 0) pool = new Uint8Array(POOL_SIZE);
    crypto.getRandomValues(pool);
    offset = 0;
  }
  const start = offset;
  offset += count;
  return start;
}

function hex(from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) out += HEX[pool[i] as number];
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
    const start = take(count);
    if (pool.subarray(start, start + count).some((b) => b !== 0)) return hex(start, start + count);
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
  const version = HEX[((pool[b + 6] as number) & 0x0f) | 0x40] as string;
  const variant = HEX[((pool[b + 8] as number) & 0x3f) | 0x80] as string;
  return `${hex(b, b + 4)}-${hex(b + 4, b + 6)}-${version}${hex(b + 7, b + 8)}-${variant}${hex(b + 9, b + 10)}-${hex(b + 10, b + 16)}`;
}
