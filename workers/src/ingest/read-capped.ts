/**
 * Reads a byte stream to the end, holding at most `maxBytes`: past that it cancels the stream
 * and returns `undefined`, so a body that is too large (or a gzip bomb inflating behind a
 * `DecompressionStream`) never costs more than `maxBytes` of memory. An error of the stream
 * (a dropped connection, corrupt gzip) is thrown as is.
 *
 * @example
 * const bytes = await readCapped(request.body, 1024 * 1024);
 * if (bytes === undefined) throw tooLarge();
 */
export async function readCapped(
  stream: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<Uint8Array | undefined> {
  if (stream === null) return new Uint8Array(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
