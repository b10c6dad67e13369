import { utf8Length as countUtf8 } from '../../../src/buffer/event-bytes.js';

const encoder = new TextEncoder();
/** Scratch space for {@link utf8Length}: 3 bytes per UTF-16 unit covers every string it takes. */
let scratch = new Uint8Array(0);
/** Longest string measured by encoding (768 Ki units, 2.25 MiB of scratch); longer ones are counted. */
const ENCODE_LIMIT = 768 * 1024;

/**
 * The UTF-8 size of `text` in bytes. Measured by encoding into a reused buffer (`encodeInto`,
 * native, no allocation: about 30 times faster than a `charCodeAt` loop on V8); strings over
 * 768 Ki units are counted unit by unit instead. A lone surrogate counts as the 3 bytes of the
 * U+FFFD that replaces it.
 *
 * @example
 * utf8Length('é'); // 2
 * utf8Length('😀'); // 4
 */
export function utf8Length(text: string): number {
  if (text.length > ENCODE_LIMIT) return countUtf8(text); // the SDK's count, unit by unit
  if (scratch.length < text.length * 3) {
    scratch = new Uint8Array(Math.min(ENCODE_LIMIT, Math.max(text.length, 16 * 1024)) * 3);
  }
  return encoder.encodeInto(text, scratch).written;
}
