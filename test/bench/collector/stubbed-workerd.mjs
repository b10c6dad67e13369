// Ingest's CPU cost in workerd, the runtime the collector runs in: the bench Worker's
// POST /stubbed (bench-worker.mjs) calls the collector's app on one batch several times in a row
// with storage stubbed, and this side times each call. workerd's own clock does not move while
// a request computes, so the time is taken here: it includes one loopback round trip per call
// (about a millisecond, under 3% of a call), so the figure errs on the slow side.
import { timedSummary } from './stubbed.mjs';

const REQUESTS_PER_CALL = 20;

/**
 * POSTs batches from `makeBody` to `url` (the bench Worker's `/stubbed`) one call at a time for
 * `seconds` after `warmupSeconds`; resolves with `{ events, requests, usPerRequest,
 * eventsPerSec, failures, firstFailure }`, per request of the collector's app.
 */
export async function measureIngestInWorkerd({ url, makeBody, seconds = 4, warmupSeconds = 1 }) {
  const perBatch = makeBody.meta.events;
  const target = `${url}?requests=${REQUESTS_PER_CALL}&events=${perBatch}`;
  const warmEnd = performance.now() + warmupSeconds * 1000;
  const end = warmEnd + seconds * 1000;
  let took = 0;
  let requests = 0;
  let failures = 0;
  let firstFailure;
  while (performance.now() < end) {
    const body = makeBody();
    const started = performance.now();
    const res = await fetch(target, { method: 'POST', body });
    const answer = res.ok ? await res.json() : { failures: 1, firstFailure: `HTTP ${res.status}` };
    const elapsed = performance.now() - started;
    if (started < warmEnd) continue;
    if (answer.failures > 0) {
      failures += answer.failures;
      firstFailure ??= answer.firstFailure;
      continue;
    }
    took += elapsed;
    requests += REQUESTS_PER_CALL;
  }
  return timedSummary({ requests, eventsPerRequest: perBatch, ms: took, failures, firstFailure });
}
