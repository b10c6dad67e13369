import { describe, expect, it } from 'vitest';
import {
  batchOf,
  gzip,
  postBatch,
  storedEvents,
  wireEvent,
  type IngestAnswer,
} from './ingest-fixtures.js';

const MiB = 1024 * 1024;

/** `size` bytes that do not compress. */
function randomBytes(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let at = 0; at < size; at += 65_536) {
    crypto.getRandomValues(bytes.subarray(at, Math.min(size, at + 65_536)));
  }
  return bytes;
}

/** `mib` MiB of zeros gzipped, streamed so the zeros never sit in memory at once. */
async function gzipBomb(mib: number): Promise<Uint8Array> {
  const zeros = new Uint8Array(MiB);
  let sent = 0;
  const source = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent++ < mib) controller.enqueue(zeros);
      else controller.close();
    },
  });
  const compressed = source.pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(compressed).arrayBuffer());
}

async function expectError(res: Response, status: number, type: string): Promise<string> {
  expect(res.status).toBe(status);
  const body = (await res.json()) as { error: { type: string; message: string } };
  expect(body.error.type).toBe(type);
  expect(body.error.message).not.toBe('');
  return body.error.message;
}

describe('POST /v1/events: body', () => {
  it('accepts a gzip body and stores its events', async () => {
    const event = wireEvent();
    const res = await postBatch(await gzip(JSON.stringify(batchOf([event]))), {
      headers: { 'content-encoding': 'gzip' },
    });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: 1, duplicate: 0, rejected: [] });
    expect(await storedEvents([event.id as string])).toHaveLength(1);
  });

  it('answers 400 deserialization_failed for a body that is not JSON', async () => {
    await expectError(await postBatch('{"sdk": '), 400, 'deserialization_failed');
    await expectError(await postBatch(''), 400, 'deserialization_failed');
  });

  it('answers 400 for a body that is not UTF-8', async () => {
    await expectError(
      await postBatch(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])),
      400,
      'deserialization_failed',
    );
  });

  it('answers 400 with the problems when the JSON is not a batch', async () => {
    for (const body of [[], 'text', 12, null, { events: [] }, batchOf([], { events: {} })]) {
      const res = await postBatch(JSON.stringify(body));
      expect(res.status).toBe(400);
      const { error } = (await res.json()) as {
        error: { type: string; context: { problems: unknown[] } };
      };
      expect(['type_mismatch', 'format_error']).toContain(error.type);
      expect(error.context.problems.length).toBeGreaterThan(0);
    }
  });

  it('answers 400 for a malformed dropped map, which is part of the envelope', async () => {
    const res = await postBatch(batchOf([wireEvent()], { dropped: { 'Not A Reason': 1 } }));
    expect(res.status).toBe(400);
  });

  it('answers 400 for gzip that is corrupt or cut short', async () => {
    const good = await gzip(JSON.stringify(batchOf([wireEvent()])));
    const corrupt = good.slice();
    corrupt.fill(0x55, 10, 40);
    const headers = { 'content-encoding': 'gzip' };
    await expectError(await postBatch(corrupt, { headers }), 400, 'deserialization_failed');
    await expectError(
      await postBatch(good.slice(0, good.length - 12), { headers }),
      400,
      'deserialization_failed',
    );
    await expectError(
      await postBatch('{"not":"gzip"}', { headers }),
      400,
      'deserialization_failed',
    );
  });

  it('answers 413 for a body over the project’s 1 MiB', async () => {
    const big = JSON.stringify(batchOf([wireEvent()], { pad: 'x'.repeat(MiB) }));
    await expectError(await postBatch(big), 413, 'resource_exhausted');
  });

  it('answers 413 for an oversized body streamed without Content-Length', async () => {
    const chunk = new TextEncoder().encode(' '.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 20) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await postBatch(body);
    await expectError(res, 413, 'resource_exhausted');
  });

  it('answers 413 for a gzip body over the limit as sent', async () => {
    const res = await postBatch(await gzip(randomBytes(MiB + 4096)), {
      headers: { 'content-encoding': 'gzip' },
    });
    expect(await expectError(res, 413, 'resource_exhausted')).toMatch(/as sent/);
  });

  it('answers 413, not an out-of-memory crash, for a gzip bomb', async () => {
    const bomb = await gzipBomb(50);
    expect(bomb.byteLength).toBeLessThan(100 * 1024); // 50 MiB of zeros in a few dozen KiB
    const res = await postBatch(bomb, { headers: { 'content-encoding': 'gzip' } });
    expect(await expectError(res, 413, 'resource_exhausted')).toMatch(/after decompression/);
  });

  it('answers 413 for a batch over 1000 events, storing none', async () => {
    const events = Array.from({ length: 1001 }, () => ({ id: crypto.randomUUID() }));
    await expectError(await postBatch(batchOf(events)), 413, 'resource_exhausted');
    const ok = await postBatch(batchOf(events.slice(0, 1000)));
    expect(ok.status).toBe(202);
    expect(((await ok.json()) as IngestAnswer).rejected).toHaveLength(1000);
  });

  it('rejects one event over 256 KiB once stored and keeps the others', async () => {
    const small = wireEvent();
    const huge = wireEvent({
      context: Object.fromEntries(
        Array.from({ length: 100 }, (_, i) => [`k${i}`, 'y'.repeat(2048)]),
      ),
      breadcrumbs: Array.from({ length: 100 }, () => ({
        timestamp: 1,
        category: 'log',
        message: 'z'.repeat(1500),
      })),
    });
    const res = await postBatch(batchOf([small, huge]));
    expect(res.status).toBe(202);
    const answer = (await res.json()) as IngestAnswer;
    expect(answer.accepted).toBe(1);
    expect(answer.rejected).toMatchObject([{ index: 1, error: { type: 'format_error' } }]);
    expect(await storedEvents([huge.id as string])).toHaveLength(0);
  });

  it('answers 415 for another media type, charset or a missing Content-Type', async () => {
    const body = JSON.stringify(batchOf([wireEvent()]));
    for (const type of [
      'application/x-www-form-urlencoded',
      'multipart/form-data',
      'text/plain; charset=latin1',
      '',
    ]) {
      const res = await postBatch(body, { headers: { 'content-type': type } });
      await expectError(res, 415, 'format_error');
    }
  });

  it('accepts application/json with parameters and in any case', async () => {
    const res = await postBatch(JSON.stringify(batchOf([wireEvent()])), {
      headers: { 'content-type': 'Application/JSON; charset="utf-8"' },
    });
    expect(res.status).toBe(202);
  });

  it('answers 415 for a content coding other than gzip', async () => {
    const body = JSON.stringify(batchOf([wireEvent()]));
    for (const coding of ['br', 'deflate', 'gzip, gzip', 'zstd']) {
      const res = await postBatch(body, { headers: { 'content-encoding': coding } });
      await expectError(res, 415, 'format_error');
    }
  });
});
