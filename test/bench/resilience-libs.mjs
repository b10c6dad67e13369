// Issue 3 item 8: how each library under comparison is set up, in one place, so every section of
// resilience.bench.mjs uses the same (idiomatic, README-style) configuration.
//
// - faultline: its defaults (consecutive trigger, threshold 5).
// - cockatiel v3.2.1 and v4.0.0 (devDependency alias `cockatiel4`): the README's breaker,
//   `circuitBreaker(handleAll, { halfOpenAfter, breaker: new ConsecutiveBreaker(5) })`.
// - opossum 10.0.0: `new CircuitBreaker(action, options)` + `fire()`. "defaults" keeps every
//   default (10 s call timeout with a setTimeout per call, rolling percentiles, snapshot events);
//   "lean" switches off everything a breaker does not need: no per-call timeout, no latency
//   percentiles (the O(window) sort on every failure), no snapshot interval. Its window stays
//   the default 10 s in 10 buckets (one rotation interval per breaker remains: opossum has no
//   way to turn it off short of sharing a `rotateBucketController`).
import * as c3 from 'cockatiel';
import * as c4 from 'cockatiel4';
import Opossum from 'opossum';
import * as faultline from '../../dist/index.js';

export { faultline, c3, c4, Opossum };

/** The operation every benchmark runs. */
export const op = async () => 1;

/** A failure every library counts against the dependency (faultline: an unrecognised Error). */
export const BOOM = new Error('boom');
export const fail = async () => {
  throw BOOM;
};

/** opossum's lean options; a fresh object each time, since opossum writes its defaults into it. */
export const opossumLean = (extra = {}) => ({
  timeout: false,
  rollingPercentilesEnabled: false,
  enableSnapshots: false,
  ...extra,
});

/** A cockatiel breaker as its README shows it. */
export function cockatielBreaker(lib, halfOpenAfter = 10_000) {
  return lib.circuitBreaker(lib.handleAll, {
    halfOpenAfter,
    breaker: new lib.ConsecutiveBreaker(5),
  });
}

/** cockatiel's retry(3 calls) → breaker → cooperative timeout(1000), outermost first. */
export function cockatielComposed(lib) {
  return lib.wrap(
    // cockatiel's maxAttempts counts retries (README: "{ maxAttempts: 3 } // retry three
    // times"), so 2 here makes 3 calls at most, as faultline's `attempts: 3`.
    lib.retry(lib.handleAll, { maxAttempts: 2, backoff: new lib.ExponentialBackoff() }),
    cockatielBreaker(lib),
    lib.timeout(1000, lib.TimeoutStrategy.Cooperative),
  );
}

/** faultline's retry(3 calls) → breaker → timeout(1000). */
export function faultlineComposed() {
  return faultline.compose(
    faultline.retry({ attempts: 3 }),
    faultline.circuitBreaker(),
    faultline.timeout(1000),
  );
}

/** Runs `fn` and swallows its rejection; true if it rejected. */
export async function settle(promise) {
  try {
    await promise;
    return false;
  } catch {
    return true;
  }
}

/**
 * Each library's breaker driven open by real failures (the natural path, not a manual
 * override), with a wait long enough that it stays open for the whole run. Each entry is
 * `{ call: () => Promise, dispose?: () => void }`.
 */
export async function openBreakers() {
  const HOUR = 3_600_000;
  const fl = faultline.circuitBreaker({ halfOpenAfterMs: HOUR });
  for (let i = 0; i < 5; i++) await settle(fl.execute(fail));
  const k3 = cockatielBreaker(c3, HOUR);
  const k4 = cockatielBreaker(c4, HOUR);
  for (let i = 0; i < 5; i++) {
    await settle(k3.execute(fail));
    await settle(k4.execute(fail));
  }
  const opDefault = new Opossum(op, { resetTimeout: HOUR });
  const opLean = new Opossum(op, opossumLean({ resetTimeout: HOUR }));
  opDefault.open(); // opossum's own API (one failure would do too: volumeThreshold 0, 50 %)
  opLean.open();
  const states = {
    faultline: fl.state,
    'cockatiel v3': c3.CircuitState[k3.state],
    'cockatiel v4': c4.CircuitState[k4.state],
    'opossum defaults': opDefault.opened ? 'open' : 'closed',
    'opossum lean': opLean.opened ? 'open' : 'closed',
  };
  for (const [name, state] of Object.entries(states)) {
    if (!/open/i.test(state) || /half/i.test(state))
      throw new Error(`${name} breaker did not open (state ${state})`);
  }
  return {
    faultline: { call: () => fl.execute(op) },
    'cockatiel v3': { call: () => k3.execute(op) },
    'cockatiel v4': { call: () => k4.execute(op) },
    'opossum defaults': { call: () => opDefault.fire(), dispose: () => opDefault.shutdown() },
    'opossum lean': { call: () => opLean.fire(), dispose: () => opLean.shutdown() },
  };
}

/**
 * Undoes what an earlier benchmark in the same process patched onto the globals (run.mjs runs
 * pipeline.bench.mjs first, and `Sentry.init` wraps setTimeout, setInterval, fetch and
 * EventTarget add/removeEventListener, which would tax every library that makes a timer or
 * listener per call, faultline much less than the others). Puts the originals back for this
 * benchmark; returns the names unwrapped and a function that re-applies the wrappers.
 */
export function unwrapPatchedGlobals() {
  const slots = [
    [globalThis, 'setTimeout'],
    [globalThis, 'setInterval'],
    [globalThis, 'fetch'],
    [EventTarget.prototype, 'addEventListener'],
    [EventTarget.prototype, 'removeEventListener'],
  ];
  const undone = [];
  for (const [owner, key] of slots) {
    const wrapper = owner[key];
    const original = wrapper?.__sentry_original__;
    if (typeof original !== 'function') continue;
    owner[key] = original;
    undone.push({ owner, key, wrapper });
  }
  return {
    names: undone.map(({ key }) => key),
    restore: () => undone.forEach(({ owner, key, wrapper }) => (owner[key] = wrapper)),
  };
}
