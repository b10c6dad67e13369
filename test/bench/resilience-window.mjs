// Issue 3 item 8, window cost: what one failure costs a closed breaker whose window already
// holds n calls, so a window of 100 000 can be set beside one of 100 (O(1) per outcome?).
import { c3, fail, faultline, op, Opossum, opossumLean, settle } from './resilience-libs.mjs';

/**
 * Fills a fresh breaker with `n` successes, then times `k` failures (k ≤ n / 4: under every
 * library's 50 % threshold, so nothing opens, and the window stays within 25 % of n calls); repeats with fresh breakers for about `budgetMs`
 * and returns the median ns per failure. The first round calibrates k (≈ 20 ms timed).
 */
export async function failureCost({ make, run, dispose }, n, budgetMs = 500) {
  const samples = [];
  let k = 1;
  const until = performance.now() + budgetMs;
  for (let round = 0; round < 500 && (round < 3 || performance.now() < until); round++) {
    const breaker = make(n);
    for (let i = 0; i < n; i++) await run(breaker, op);
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < k; i++) await settle(run(breaker, fail));
    const per = Number(process.hrtime.bigint() - t0) / k;
    dispose?.(breaker);
    if (round > 0) samples.push(per);
    k = Math.max(1, Math.min(Math.floor(n / 4), Math.floor(2e7 / per)));
  }
  samples.sort((a, b) => a - b);
  return samples[samples.length >> 1];
}

// opossum's window is time-based: 10 min here (10 buckets of 1 min), so it holds every call
// made. It binds its action when the breaker is made, so its breakers run a switchable one;
// `options` is a factory because opossum writes its defaults into the object it is given.
const OPOSSUM_WINDOW_MS = 600_000;
function opossumWindow(options) {
  return {
    make: () => {
      const action = { fn: op };
      return { breaker: new Opossum(() => action.fn(), options()), action };
    },
    run: ({ breaker, action }, fn) => {
      action.fn = fn;
      return breaker.fire();
    },
    dispose: ({ breaker }) => breaker.shutdown(),
  };
}

export const FL_COUNT = 'faultline count_window (size n)';
export const FL_TIME = 'faultline time_window (n calls in 60 s)';
export const OPOSSUM_DEFAULTS = 'opossum defaults (n calls in window)';

/** `{ name: { make(n), run(breaker, fn), dispose? } }` for every library with a window. */
export const WINDOW_CONFIGS = {
  [FL_COUNT]: {
    make: (n) => faultline.circuitBreaker({ trigger: { kind: 'count_window', size: n } }),
    run: (b, fn) => b.execute(fn),
  },
  [FL_TIME]: {
    make: () => faultline.circuitBreaker({ trigger: { kind: 'time_window', windowMs: 60_000 } }),
    run: (b, fn) => b.execute(fn),
  },
  'cockatiel v3 CountBreaker (size n)': {
    make: (n) =>
      c3.circuitBreaker(c3.handleAll, {
        halfOpenAfter: 10_000,
        breaker: new c3.CountBreaker({ threshold: 0.5, size: n }),
      }),
    run: (b, fn) => b.execute(fn),
  },
  [OPOSSUM_DEFAULTS]: opossumWindow(() => ({ rollingCountTimeout: OPOSSUM_WINDOW_MS })),
  'opossum lean (n calls in window)': opossumWindow(() =>
    opossumLean({ rollingCountTimeout: OPOSSUM_WINDOW_MS }),
  ),
};
