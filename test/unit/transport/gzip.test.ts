import { describe, expect, it } from 'vitest';
import { gzipIfSmaller } from '../../../src/transport/gzip.js';
import { wireEvents } from './wire-events.js';

/** Inflates with the platform's DecompressionStream, as the collector does. */
async function gunzip(bytes: Uint8Array): Promise<string> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}

describe('gzipIfSmaller()', () => {
  it('gzips a batch of events into a body DecompressionStream restores exactly', async () => {
    const text = JSON.stringify({ events: wireEvents(50, 200) });
    const { body, gzip } = await gzipIfSmaller(text);
    expect(gzip).toBe(true);
    expect(body[0]).toBe(0x1f); // gzip magic
    expect(body[1]).toBe(0x8b);
    expect(body.length).toBeLessThan(text.length / 5);
    expect(await gunzip(body)).toBe(text);
  });

  it('round-trips text that is not ASCII', async () => {
    const text = JSON.stringify({ message: 'Ünïcødé ✓ 😀 '.repeat(200) });
    const { body, gzip } = await gzipIfSmaller(text);
    expect(gzip).toBe(true);
    expect(await gunzip(body)).toBe(text);
  });

  it('sends a body under 1 KB as it is', async () => {
    const text = JSON.stringify({ events: wireEvents(2) });
    expect(text.length).toBeLessThan(1024);
    const { body, gzip } = await gzipIfSmaller(text);
    expect(gzip).toBe(false);
    expect(new TextDecoder().decode(body)).toBe(text);
  });

  it('honours a custom threshold', async () => {
    const text = 'a'.repeat(600);
    expect((await gzipIfSmaller(text, 512)).gzip).toBe(true);
    expect((await gzipIfSmaller(text, 4096)).gzip).toBe(false);
  });

  it('keeps the plain bytes when gzip would not shrink them', async () => {
    // Text compresses too well to show this with real gzip: a compressor that grows its input.
    const original = globalThis.CompressionStream;
    try {
      globalThis.CompressionStream = class extends TransformStream<Uint8Array, Uint8Array> {
        constructor() {
          super({
            transform: (chunk, controller) => controller.enqueue(new Uint8Array(chunk.length + 30)),
          });
        }
      } as unknown as typeof CompressionStream;
      const text = 'a'.repeat(5000);
      const { body, gzip } = await gzipIfSmaller(text);
      expect(gzip).toBe(false);
      expect(new TextDecoder().decode(body)).toBe(text);
    } finally {
      globalThis.CompressionStream = original;
    }
  });

  it('sends plain bytes where CompressionStream is missing or fails', async () => {
    const text = 'a'.repeat(5000);
    const original = globalThis.CompressionStream;
    try {
      // @ts-expect-error: a runtime without CompressionStream
      delete globalThis.CompressionStream;
      expect((await gzipIfSmaller(text)).gzip).toBe(false);
      globalThis.CompressionStream = class {
        constructor() {
          throw new Error('broken polyfill');
        }
      } as unknown as typeof CompressionStream;
      expect(await gzipIfSmaller(text)).toMatchObject({ gzip: false });
    } finally {
      globalThis.CompressionStream = original;
    }
  });
});
