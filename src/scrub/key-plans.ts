/**
 * What the scrubber writes for an object key: the key's scrubbed name and whether its value is
 * filtered, decided once per key, and how the key is written.
 *
 * @module
 */
import type { KeyMatcher } from './sensitive-keys.js';

/** Per-key decision: the key as written out, and whether its value is filtered. */
export interface KeyPlan {
  readonly name: string;
  readonly sensitive: boolean;
}

/** Returns the {@link KeyPlan} of a key, memoised. */
export type KeyPlanner = (key: string) => KeyPlan;

/** Most keys remembered per planner; a full memo is cleared. */
const KEY_PLAN_LIMIT = 2048;

/**
 * Makes a {@link KeyPlanner}: a key's name is `scrubText(key)`, and its value is filtered when
 * `isSensitive(key)`. Only keys that scrubbing leaves alone are remembered, so the memo never
 * holds personal data.
 *
 * @example
 * const planKey = createKeyPlanner(scrubText, isSensitiveKey);
 * planKey('password'); // { name: 'password', sensitive: true }
 */
export function createKeyPlanner(
  scrubText: (text: string) => string,
  isSensitive: KeyMatcher,
): KeyPlanner {
  const plans = new Map<string, KeyPlan>();
  return (key) => {
    let plan = plans.get(key);
    if (plan === undefined) {
      plan = { name: scrubText(key), sensitive: isSensitive(key) };
      if (plan.name === key) {
        if (plans.size >= KEY_PLAN_LIMIT) plans.clear();
        plans.set(key, plan);
      }
    }
    return plan;
  };
}

/**
 * Writes `key` on `target` as an own data property, even when it is `__proto__`, so no
 * prototype is ever touched.
 *
 * @example
 * assignKey(out, '__proto__', 1); // Object.keys(out) → ['__proto__']
 */
export function assignKey(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    target[key] = value;
  }
}
