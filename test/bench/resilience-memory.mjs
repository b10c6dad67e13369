// Issue 3 item 8, memory: heap held per idle breaker, and timers each breaker starts when made.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** `gc()`, from --expose-gc or, failing that, enabled at run time. */
export const gc =
  globalThis.gc ??
  (() => {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc');
  })();

function heapBytes() {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers; // typed-array backing stores live outside the JS heap
}

function settleHeap() {
  for (let i = 0; i < 3; i++) gc();
  return heapBytes();
}

/**
 * Counts the setTimeout/setInterval calls made while `fn` runs (the globals are swapped for
 * counting wrappers meanwhile, so libraries that look them up at call time are seen).
 */
export function countTimers(fn) {
  const { setTimeout: st, setInterval: si } = globalThis;
  let timeouts = 0;
  let intervals = 0;
  globalThis.setTimeout = (...args) => (timeouts++, st(...args));
  globalThis.setInterval = (...args) => (intervals++, si(...args));
  try {
    const value = fn();
    return { value, timeouts, intervals };
  } finally {
    globalThis.setTimeout = st;
    globalThis.setInterval = si;
  }
}

/**
 * Bytes of heap (plus array buffers) each of `count` idle instances from `make()` holds, and
 * the timers each started while being made. `dispose(instance)` stops what it started.
 */
export function perInstance(make, { count = 10_000, dispose } = {}) {
  // Warm up first so compiled code and lazily made shared state are not charged to instances.
  const warm = Array.from({ length: 200 }, () => make());
  if (dispose) warm.forEach(dispose);
  warm.length = 0;
  const keep = new Array(count).fill(null);
  const before = settleHeap();
  const { timeouts, intervals } = countTimers(() => {
    for (let i = 0; i < count; i++) keep[i] = make();
  });
  const after = settleHeap();
  if (dispose) keep.forEach(dispose);
  keep.fill(null);
  return {
    bytes: (after - before) / count,
    timeouts: timeouts / count,
    intervals: intervals / count,
  };
}
