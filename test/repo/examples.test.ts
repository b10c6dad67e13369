// The examples run where their users run them: the Worker under wrangler dev (workerd) in front
// of a real flaky upstream, the Deno script under Deno.
import { spawn, spawnSync } from 'node:child_process';
import { createServer, type ServerResponse } from 'node:http';
import { gunzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './source-files.js';

async function waitFor<T>(probe: () => Promise<T | undefined>, ms: number): Promise<T | undefined> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return undefined;
}

describe('examples', () => {
  it('the Worker example retries a flaky upstream through resilientFetch in workerd', async () => {
    const hits: { traceparent: string | undefined }[] = [];
    const hanging: ServerResponse[] = [];
    const upstream = createServer((req, res) => {
      if (req.url === '/ready') return res.end('ok');
      if (req.url === '/slow') return void hanging.push(res); // never answers
      hits.push({ traceparent: req.headers.traceparent as string | undefined });
      res.writeHead(hits.length === 1 ? 503 : 200).end(hits.length === 1 ? 'busy' : 'fresh');
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    const port = String(20_000 + (process.pid % 2000));
    const child = spawn(
      'npx',
      [
        '--no-install',
        'wrangler',
        'dev',
        '--config',
        join(repoRoot, 'examples/worker/wrangler.jsonc'),
        '--ip',
        '127.0.0.1',
        '--port',
        port,
        '--var',
        `UPSTREAM_URL:${upstreamUrl}`,
      ],
      {
        cwd: repoRoot,
        env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
        detached: true,
        stdio: 'ignore',
      },
    );
    try {
      const ready = await waitFor(
        () => fetch(`http://127.0.0.1:${port}/ready`).then((r) => (r.ok ? true : undefined)),
        60_000,
      );
      expect(ready).toBe(true);
      const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
      const res = await fetch(`http://127.0.0.1:${port}/items`, {
        headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
      });
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('fresh');
      expect(hits).toHaveLength(2); // the 503, then the retry
      expect(hits.every((hit) => hit.traceparent?.startsWith(`00-${traceId}-`))).toBe(true);

      // Concurrent requests through one module-scope policy each time out on their own: in
      // workerd a timer belongs to the request that set it, so none may wait on another's.
      const started = Date.now();
      const slow = await Promise.all(
        [0, 300, 600].map(async (delay) => {
          await new Promise((resolve) => setTimeout(resolve, delay));
          const answer = await fetch(`http://127.0.0.1:${port}/slow`);
          const { error } = (await answer.json()) as { error: { type: string } };
          return { status: answer.status, type: error.type, ms: Date.now() - started - delay };
        }),
      );
      // Each ends in the example's own answer, not a runtime-cancelled 500: 504 when its
      // attempts time out, 503 once their failures have opened the upstream's breaker.
      for (const { status, type, ms } of slow) {
        expect([status, type]).toEqual(status === 504 ? [504, 'timeout'] : [503, 'circuit_open']);
        expect(ms).toBeLessThan(9000); // within its total of 8 s
      }
      expect(slow.some(({ status }) => status === 504)).toBe(true);
    } finally {
      process.kill(-(child.pid as number), 'SIGTERM');
      for (const res of hanging) res.destroy();
      upstream.close();
    }
  }, 120_000);

  it('the Deno example classifies real Deno failures and retries a dead upstream', () => {
    const deno = join(repoRoot, 'node_modules/.bin/deno');
    const result = spawnSync(deno, ['run', '--allow-net=127.0.0.1', 'examples/deno/main.ts'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    const types = result.stdout.split('\n').map((line) => line.split(' ')[0]);
    expect(types).toEqual([
      'network_error',
      'timeout',
      'deserialization_failed',
      'network_error',
      '',
    ]);
    expect(result.stdout).toContain('after 3 attempts');
  }, 30_000);

  it('the Deno capture example sends a handled and an uncaught error, then exits 1', async () => {
    const batches: { events: { message: string; tags?: Record<string, string> }[] }[] = [];
    const collector = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const text = req.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body;
        const batch = JSON.parse(text.toString('utf8')) as (typeof batches)[number];
        batches.push(batch);
        res.writeHead(202, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ accepted: batch.events.length, duplicate: 0, rejected: [] }));
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
    try {
      const deno = join(repoRoot, 'node_modules/.bin/deno');
      const args = ['run', '--allow-net=127.0.0.1', '--allow-env', 'examples/deno/capture.ts'];
      const child = spawn(deno, args, {
        cwd: repoRoot,
        env: { ...process.env, FAULTLINE_ENDPOINT: endpoint },
        stdio: 'ignore',
      });
      const code = await new Promise((resolve) => child.on('exit', resolve));
      expect(code).toBe(1);
      const events = batches.flatMap((batch) => batch.events);
      expect(events.map((e) => [e.message, e.tags?.['step']])).toEqual([
        [expect.stringContaining('is not valid JSON'), 'parse-config'],
        ['Deno example: the uncaught one', undefined],
      ]);
    } finally {
      collector.close();
    }
  }, 30_000);
});
