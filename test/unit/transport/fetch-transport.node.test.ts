// The transport against a real local HTTP server that reads bodies with the collector's own
// ingest code (decodeBody: content type, gzip, size cap; validateBatch: envelope and per-event
// wire schema), and fails in scripted ways on top. Time for backoff and Retry-After is manual.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HTTPException } from 'hono/http-exception';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exponentialBackoff } from '../../../src/backoff/exponential-backoff.js';
import { collectorBreaker } from '../../../src/transport/collector-breaker.js';
import { createFetchTransport } from '../../../src/transport/fetch-transport.js';
import type { WireEvent } from '../../../src/wire/event-schema.js';
import { manualTime } from '../../support/manual-time.js';
import { ids, wireEvents } from './wire-events.js';

interface Seen {
  readonly path: string;
  readonly headers: Record<string, string | string[] | undefined>;
  /** Bytes as sent (gzipped or not). */
  readonly bytes: number;
  readonly status: number;
}
/** A scripted answer for the next request: a status, with headers. */
type Scripted = { status: number; headers?: Record<string, string> };

/** The collector's ingest functions; see the import in `beforeAll`. */
interface IngestCode {
  decodeBody(request: Request, maxBodyBytes: number): Promise<unknown>;
  validateBatch(
    body: unknown,
    maxEvents: number,
  ): { valid: { event: WireEvent }[]; rejected: { index: number; error: unknown }[] };
}

const MAX_BODY_BYTES = 72 * 1024;
let collector: IngestCode;
const stored = new Set<string>();
const seen: Seen[] = [];
const scripts = new Map<string, Scripted[]>();
let server: Server;
let base = '';

/** What the collector's ingest route answers for `request`, storage aside (ids in memory). */
async function ingest(request: Request): Promise<Response> {
  const body = await collector.decodeBody(request, MAX_BODY_BYTES);
  const batch = collector.validateBatch(body, 1000);
  let accepted = 0;
  let duplicate = 0;
  for (const { event } of batch.valid) {
    if (stored.has(event.id)) {
      duplicate++;
    } else {
      stored.add(event.id);
      accepted++;
    }
  }
  return Response.json({ accepted, duplicate, rejected: batch.rejected }, { status: 202 });
}

async function answer(request: Request, path: string): Promise<Response> {
  if (request.headers.get('x-faultline-key') !== 'demo-public-key') {
    return Response.json({ error: { message: 'Unknown public key' } }, { status: 401 });
  }
  const next = scripts.get(path)?.shift();
  if (next !== undefined) {
    return Response.json({ error: { message: `scripted ${next.status}` } }, next);
  }
  try {
    return await ingest(request);
  } catch (error) {
    const status = error instanceof HTTPException ? error.status : 400;
    return Response.json({ error: { message: (error as Error).message } }, { status });
  }
}

beforeAll(async () => {
  // Imported at run time: workers/ type-checks against workers-types (its own tsconfig), not
  // against the DOM and Node.js types of the test project.
  const ingestDir = new URL('../../../workers/src/ingest/', import.meta.url);
  collector = {
    ...((await import(new URL('decode-body.ts', ingestDir).href)) as Pick<
      IngestCode,
      'decodeBody'
    >),
    ...((await import(new URL('validate-batch.ts', ingestDir).href)) as Pick<
      IngestCode,
      'validateBatch'
    >),
  };
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const bytes = Buffer.concat(chunks);
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const headers = new Headers(req.headers as Record<string, string>);
      const request = new Request(`http://x${req.url}`, { method: 'POST', headers, body: bytes });
      const response = await answer(request, path);
      seen.push({ path, headers: req.headers, bytes: bytes.length, status: response.status });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A transport on its own path, with manual time; `script` answers its first requests. */
function setup(name: string, script: Scripted[] = [], key = 'demo-public-key') {
  scripts.set(`/${name}/v1/events`, script);
  const time = manualTime();
  const transport = createFetchTransport({
    endpoint: `${base}/${name}`,
    key,
    breaker: collectorBreaker({ clock: time.clock, threshold: 3, halfOpenAfterMs: 30_000 }),
    backoff: exponentialBackoff({ initialMs: 1000, jitter: 'none' }),
    clock: time.clock,
    timers: time.timers,
    maxBatchBytes: 256 * 1024,
  });
  const requests = () => seen.filter((s) => s.path === `/${name}/v1/events`);
  return { transport, time, requests };
}

describe('createFetchTransport() against a local collector', () => {
  it('delivers a gzipped batch the collector decodes, and drops what it rejects as invalid', async () => {
    const { transport, requests } = setup('partial');
    const events: WireEvent[] = wireEvents(12, 100, 100);
    const bad = { ...events[4]!, code: 12 }; // out of range: the wire schema refuses it
    events[4] = bad;
    const result = await transport.send({ events, dropped: { buffer_overflow: 3 } });
    expect(requests()[0]?.headers['content-encoding']).toBe('gzip');
    expect(result.acked).toEqual(ids(events).filter((id) => id !== bad.id));
    expect(result.dropped).toEqual([
      {
        id: bad.id,
        reason: 'invalid',
        error: expect.objectContaining({ type: expect.any(String) }),
      },
    ]);
    expect(result).toMatchObject({ retry: [], droppedReported: true });
    const again = await transport.send({ events: events.slice(0, 2) }); // idempotent ingest
    expect(again.acked).toEqual(ids(events.slice(0, 2)));
  });

  it('splits batches the collector refuses with 413 until each fits', async () => {
    const { transport, requests } = setup('split');
    // Random-looking messages so gzip cannot squeeze 96 KB under the 72 KiB cap.
    const events = wireEvents(12, 1000, 200).map((event, i) => ({
      ...event,
      message: Array.from({ length: 8000 }, (_, j) =>
        String.fromCharCode(33 + ((i * 7919 + j * j * 31) % 90)),
      ).join(''),
    }));
    const result = await transport.send({ events });
    expect(result.acked).toEqual(ids(events));
    const statuses = requests().map((r) => r.status);
    expect(statuses[0]).toBe(413);
    expect(statuses.filter((status) => status === 202).length).toBeGreaterThan(1);
  });

  it('drops a lone event the collector still refuses with 413 as event_too_large', async () => {
    const { transport } = setup('lone');
    const noise = Array.from({ length: 130_000 }, (_, j) =>
      String.fromCharCode(33 + ((j * j * 7) % 90)),
    ).join('');
    const [huge] = wireEvents(1, 10, 300).map((event) => ({ ...event, message: noise }));
    const [fine] = wireEvents(1, 10, 301);
    const result = await transport.send({ events: [huge!, fine!] });
    expect(result).toMatchObject({
      acked: [fine!.id],
      dropped: [{ id: huge!.id, reason: 'event_too_large' }],
    });
  });

  it('honours 429 + Retry-After, then delivers', async () => {
    const { transport, time, requests } = setup('limited', [
      { status: 429, headers: { 'retry-after': '20' } },
    ]);
    const events = wireEvents(3, 10, 400);
    expect(await transport.send({ events })).toMatchObject({
      retry: ids(events),
      retryInMs: 20_000,
    });
    expect(await transport.send({ events })).toMatchObject({ retry: ids(events) });
    expect(requests()).toHaveLength(1);
    await time.advanceAsync(20_000);
    expect(await transport.send({ events })).toMatchObject({ acked: ids(events) });
  });

  it('retries 5xx with exponential backoff, then the breaker opens', async () => {
    const failures = Array.from({ length: 3 }, () => ({ status: 503 }));
    const { transport, time, requests } = setup('down', failures);
    const events = wireEvents(2, 10, 500);
    const waits: (number | undefined)[] = [];
    for (let i = 0; i < 3; i++) {
      const result = await transport.send({ events });
      waits.push(result.retryInMs);
      await time.advanceAsync(result.retryInMs ?? 0);
    }
    expect(waits).toEqual([1000, 2000, 4000]);
    expect(transport.status().breaker).toBe('open');
    const refused = await transport.send({ events });
    expect(requests()).toHaveLength(3);
    expect(refused.retryInMs).toBe(26_000);
    await time.advanceAsync(26_000);
    expect(await transport.send({ events })).toMatchObject({ acked: ids(events) }); // the probe
    expect(transport.status()).toEqual({ state: 'ready', breaker: 'closed' });
  });

  it('stops on 401 without a retry storm', async () => {
    const { transport, time, requests } = setup('unauthorized', [], 'wrong-key');
    const events = wireEvents(2, 10, 600);
    await transport.send({ events });
    for (let i = 0; i < 5; i++) {
      await time.advanceAsync(60_000);
      expect(await transport.send({ events })).toMatchObject({ retry: ids(events) });
    }
    expect(requests()).toHaveLength(1);
    expect(transport.status()).toMatchObject({
      state: 'stopped',
      lastFailure: { status: 401, message: 'Unknown public key' },
    });
  });
});
