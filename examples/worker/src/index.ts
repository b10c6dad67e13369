/**
 * A Worker that proxies an upstream API through `resilientFetch`: GETs are retried on network
 * failures, timeouts, 408/429/5xx (honouring Retry-After), each attempt has 2 s, the upstream's
 * breaker opens after 5 failures in a row, and the caller's `traceparent` is continued. Failures
 * are answered with the FaultError JSON the collector uses.
 *
 * Run: `npm run build && npx wrangler dev --config examples/worker/wrangler.jsonc`
 */
import { FaultError, createContext, resilientFetch } from 'faultline/worker';

interface Env {
  /** Origin of the API this Worker fronts, e.g. `https://api.example.com`. */
  readonly UPSTREAM_URL: string;
}

// Module scope: the breaker state outlives one request, as long as the isolate lives.
const upstreamFetch = resilientFetch({
  retry: { attempts: 3 },
  timeoutMs: { attemptMs: 2000, totalMs: 8000 },
  breaker: { trigger: { kind: 'consecutive', threshold: 5 }, halfOpenAfterMs: 10_000 },
});

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    const context = createContext({
      name: `${request.method} ${url.pathname}`,
      traceparent: request.headers.get('traceparent'),
    });
    try {
      const upstream = new URL(url.pathname + url.search, env.UPSTREAM_URL);
      const headers = new Headers(request.headers);
      headers.set('traceparent', context.traceparent());
      return await upstreamFetch(upstream, {
        method: request.method,
        headers,
        body: request.body,
        signal: request.signal,
      });
    } catch (thrown) {
      const error = FaultError.from(thrown);
      const body = { error: { type: error.type, code: error.code, message: error.userMessage } };
      if (error.type === 'circuit_open') {
        const seconds = Math.ceil(Number(error.context.retryAfterMs ?? 0) / 1000);
        return Response.json(body, { status: 503, headers: { 'retry-after': String(seconds) } });
      }
      return Response.json(body, { status: error.type === 'timeout' ? 504 : 502 });
    }
  },
};
