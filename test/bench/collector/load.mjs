// The benchmark's client: `concurrency` senders POST bodies back to back over keep-alive
// connections (node:http, the leanest client Node has) for a fixed time; reports requests and
// events per second and latency percentiles.
import { Agent, request } from 'node:http';

/** POSTs `body` and resolves with `{ status, text }`. */
function post(url, headers, body, agent) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers, agent }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The latency at quantile `q` (0..1) of sorted `values`, nearest rank. */
function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

/**
 * Runs the load and returns `{ requests, events, acknowledged, failures, firstFailure, seconds,
 * reqPerSec, eventsPerSec, p50Ms, p99Ms }`. `countEvents(status, json)` says how many events a response
 * stored (its failure when it returns a string). Requests started during `warmupSeconds` are
 * not counted.
 */
export async function runLoad({
  url,
  headers = {},
  makeBody,
  countEvents,
  concurrency = 32,
  seconds = 10,
  warmupSeconds = 2,
}) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const warmEnd = performance.now() + warmupSeconds * 1000;
  const end = warmEnd + seconds * 1000;
  const latencies = [];
  let events = 0;
  let acknowledged = 0; // every response's events, warm-up and overrun included
  let failures = 0;
  let firstFailure;

  async function sender() {
    while (performance.now() < end) {
      const body = makeBody();
      const started = performance.now();
      let outcome;
      try {
        const res = await post(
          url,
          {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            ...headers,
          },
          body,
          agent,
        );
        const { text } = res;
        let json;
        try {
          json = JSON.parse(text);
        } catch {
          json = text;
        }
        outcome = countEvents(res.status, json);
      } catch (error) {
        outcome = String(error);
      }
      const finished = performance.now();
      if (typeof outcome === 'number') acknowledged += outcome;
      if (started < warmEnd || finished > end) continue;
      if (typeof outcome === 'string') {
        failures += 1;
        firstFailure ??= outcome;
      } else {
        latencies.push(finished - started);
        events += outcome;
      }
    }
  }

  await Promise.all(Array.from({ length: concurrency }, sender));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    events,
    acknowledged,
    failures,
    firstFailure,
    seconds,
    reqPerSec: latencies.length / seconds,
    eventsPerSec: events / seconds,
    p50Ms: quantile(latencies, 0.5),
    p99Ms: quantile(latencies, 0.99),
  };
}
