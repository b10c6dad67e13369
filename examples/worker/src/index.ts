/**
 * A Worker that proxies an upstream API through `resilientFetch`: GETs are retried on network
 * failures, timeouts, 408/429/5xx (honouring Retry-After), each attempt has 2 s, the upstream's
 * breaker opens after 5 failures in a row, and the caller's `traceparent` is continued.
 * `withFaultline` captures what still fails into the collector (flushed after the response, in
 * `ctx.waitUntil`) and answers with the FaultError JSON: 504 for a timeout, 503 with
 * Retry-After while the breaker is open, 502 for other upstream failures.
 *
 * Run the collector (`npm start`), then:
 * `npm run build && npx wrangler dev --config examples/worker/wrangler.jsonc --port 8788`
 * (a collector on another port: add `--var FAULTLINE_ENDPOINT:http://127.0.0.1:<port>`).
 */
import { createContext, resilientFetch, withFaultline } from 'faultline/worker';

interface Env {
  /** Origin of the API this Worker fronts, e.g. `https://api.example.com`. */
  readonly UPSTREAM_URL: string;
  /** The collector's base URL. */
  readonly FAULTLINE_ENDPOINT: string;
  /** The project's public key. */
  readonly FAULTLINE_KEY: string;
}

// Module scope: the breaker state outlives one request, as long as the isolate lives.
const upstreamFetch = resilientFetch({
  retry: { attempts: 3 },
  timeoutMs: { attemptMs: 2000, totalMs: 8000 },
  breaker: { trigger: { kind: 'consecutive', threshold: 5 }, halfOpenAfterMs: 10_000 },
});

export default {
  fetch: withFaultline(
    (env: Env) => ({
      endpoint: env.FAULTLINE_ENDPOINT,
      key: env.FAULTLINE_KEY,
      environment: 'example',
      respond: 'fault-error',
    }),
    async (request, env) => {
      const url = new URL(request.url);
      const context = createContext({
        name: `${request.method} ${url.pathname}`,
        traceparent: request.headers.get('traceparent'),
      });
      const upstream = new URL(url.pathname + url.search, env.UPSTREAM_URL);
      const headers = new Headers(request.headers);
      headers.set('traceparent', context.traceparent());
      return upstreamFetch(upstream, {
        method: request.method,
        headers,
        body: request.body,
        signal: request.signal,
      });
    },
  ),
} satisfies ExportedHandler<Env>;
