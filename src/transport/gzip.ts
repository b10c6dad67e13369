/**
 * Request bodies gzipped with the platform's `CompressionStream` (browsers, Workers, Deno,
 * Node.js 18+), only where it pays. Error events are repetitive JSON (keys, stack frames, file
 * URLs) and shrink several times over; tiny bodies do not, and compressing them costs CPU for
 * nothing.
 *
 * @module
 */

/** A request body, gzipped or not. */
export interface EncodedBody {
  /** The bytes to send: the gzip stream, or the UTF-8 text. */
  readonly body: Uint8Array;
  /** Whether `body` is gzip (send `content-encoding: gzip`). */
  readonly gzip: boolean;
}

/** Bodies below this many bytes are sent as they are. */
export const GZIP_MIN_BYTES = 1024;

const encoder = new TextEncoder();

/**
 * `text` as UTF-8, gzipped when it is at least `minBytes` long, `CompressionStream` exists and
 * the result is smaller. Never rejects: a failing compressor gives the plain bytes.
 *
 * @param minBytes - smallest body worth compressing, in bytes. Default {@link GZIP_MIN_BYTES}.
 * @example
 * const { body, gzip } = await gzipIfSmaller(JSON.stringify(batch));
 * fetch(url, { method: 'POST', body, headers: gzip ? { 'content-encoding': 'gzip' } : {} });
 */
export async function gzipIfSmaller(text: string, minBytes = GZIP_MIN_BYTES): Promise<EncodedBody> {
  const plain = encoder.encode(text);
  if (plain.length < minBytes || typeof CompressionStream !== 'function') {
    return { body: plain, gzip: false };
  }
  try {
    const stream = new Blob([plain]).stream().pipeThrough(new CompressionStream('gzip'));
    const packed = new Uint8Array(await new Response(stream).arrayBuffer());
    if (packed.length < plain.length) return { body: packed, gzip: true };
  } catch {
    // A compressor that fails (a broken polyfill) must not lose the batch: send it plain.
  }
  return { body: plain, gzip: false };
}
