import { configError } from '../config/config-problem.js';
import { isIdleState, limiterStep, type ResolvedLimiterAlgorithm } from './algorithm.js';
import type { LimiterState, RateLimitDecision } from './meter.js';
import { wholeNumberProblem } from './number-problem.js';
import type { LimiterStore } from './store.js';

/** How many keys a memory store holds at most unless told otherwise (about 1 MB of state). */
export const DEFAULT_LIMITER_MAX_KEYS = 10_000;

// Oldest entries looked at per take: more than the one key a take can add, so idle keys go at
// least as fast as new ones come, and a take stays O(1).
const SWEEP = 2;

/** Options of {@link memoryLimiterStore}. */
export interface MemoryLimiterStoreOptions {
  /**
   * Keys held at most; beyond it the least recently used key is forgotten (its next take is that
   * of a new key). Whole. Default {@link DEFAULT_LIMITER_MAX_KEYS} (10 000).
   */
  readonly maxKeys?: number | undefined;
}

/** A {@link LimiterStore} in this process's memory: synchronous, and sized for health reports. */
export interface MemoryLimiterStore extends LimiterStore {
  /** {@link LimiterStore.take}, decided synchronously. */
  take(key: string, n: number, now: number, algorithm: ResolvedLimiterAlgorithm): RateLimitDecision;
  /** {@link LimiterStore.peek}, decided synchronously; neither adds the key nor marks it used. */
  peek(key: string, n: number, now: number, algorithm: ResolvedLimiterAlgorithm): RateLimitDecision;
  /** {@link LimiterStore.reset}, synchronously. */
  reset(key: string): void;
  /** Keys held now. */
  readonly size: number;
  /** The most keys it holds. */
  readonly maxKeys: number;
}

/**
 * A store keeping each key's state in a `Map`, synchronously: takes are exact under concurrency
 * because nothing awaits between reading and writing a state. Memory stays bounded without
 * timers: each take drops the oldest keys that have fully recovered (they decide exactly like
 * new keys, so dropping them changes nothing), and beyond `maxKeys` the least recently used key
 * is forgotten whatever its state. Use one store per limiter: keys are not namespaced.
 *
 * @throws FaultError `invalid_config_value` (1201) when `maxKeys` is not a whole number ≥ 1.
 * @example
 * const store = memoryLimiterStore({ maxKeys: 50_000 });
 * const perUser = rateLimiter({ algorithm: 'gcra', limit: 60, periodMs: 60_000, store });
 */
export function memoryLimiterStore(options: MemoryLimiterStoreOptions = {}): MemoryLimiterStore {
  const maxKeys = options.maxKeys ?? DEFAULT_LIMITER_MAX_KEYS;
  const problem = wholeNumberProblem(maxKeys, 'maxKeys');
  if (problem !== undefined) throw configError('memory limiter store options', [problem]);
  // Map order is insertion order; re-inserting on every take keeps it least recently used first.
  const states = new Map<string, LimiterState>();

  function evict(now: number, algorithm: ResolvedLimiterAlgorithm): void {
    let looked = 0;
    for (const [key, state] of states) {
      if (looked++ >= SWEEP || !isIdleState(state, now, algorithm)) break;
      states.delete(key);
    }
    for (const key of states.keys()) {
      if (states.size <= maxKeys) break;
      states.delete(key);
    }
  }

  return {
    take(key, n, now, algorithm) {
      const { decision, state } = limiterStep(states.get(key), n, now, algorithm);
      states.delete(key);
      states.set(key, state);
      evict(now, algorithm);
      return decision;
    },
    peek: (key, n, now, algorithm) => limiterStep(states.get(key), n, now, algorithm).decision,
    reset(key) {
      states.delete(key);
    },
    get size() {
      return states.size;
    },
    maxKeys,
  };
}
