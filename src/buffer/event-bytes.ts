/**
 * The size of an event as the transport sends it: UTF-8 bytes of its JSON. Counted over the
 * string rather than with `TextEncoder`, which would copy every event only to read a length.
 *
 * @module
 */

const NON_ASCII = /[^\0-\x7f]/;

/**
 * UTF-8 length of `text` in bytes. A lone surrogate counts as 3 bytes, as `TextEncoder`
 * encodes it (as U+FFFD).
 *
 * @example
 * utf8Length('héllo'); // 6
 */
export function utf8Length(text: string): number {
  // Most events are ASCII: one native scan beats a loop over every code unit.
  if (!NON_ASCII.test(text)) return text.length;
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) {
      bytes += 1;
    } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      // A valid pair is 2 code units and 4 bytes; otherwise this unit alone takes 3 bytes.
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 2;
        i++;
      } else {
        bytes += 2;
      }
    } else {
      bytes += 2;
    }
  }
  return bytes;
}

/**
 * Size of `event` in bytes of UTF-8 JSON, as it would go on the wire.
 *
 * @throws whatever `JSON.stringify` throws (a cycle, a BigInt): the event is not sendable.
 * @example
 * eventBytes({ id: 'a', message: 'é' }); // 25
 */
export function eventBytes(event: object): number {
  return utf8Length(JSON.stringify(event));
}
