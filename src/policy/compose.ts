import { CallContext } from './call-context.js';
import type { altType, ExecuteOptions, ExecutionContext, Operation, Policy } from './policy.js';

/** The fallback values a set of policies may resolve with instead of the function's result. */
type AltOf<P> = P extends { readonly [altType]?: infer Alt } ? Alt : never;

/**
 * Runs a function through several policies, the first one outermost:
 * `compose(retry(), circuitBreaker(), timeout(1000))` retries calls that each pass the breaker
 * and each have 1 s. Each policy hands its context to the next, so cancellation flows inward
 * without allocating signals nobody reads.
 *
 * @example
 * const policy = compose(fallback(() => cached), retry({ attempts: 3 }), timeout(2000));
 * const prices = await policy.execute(({ signal }) => loadPrices(signal));
 */
export function compose<P extends readonly Policy<unknown>[]>(
  ...policies: P
): Policy<AltOf<P[number]>> {
  return {
    execute<T>(fn: Operation<T>, options?: ExecuteOptions): Promise<T | AltOf<P[number]>> {
      const through = (index: number, context: ExecutionContext): T | PromiseLike<T> => {
        const policy = policies[index];
        if (policy === undefined) return fn(context);
        return policy.execute((inner) => through(index + 1, inner), context) as Promise<T>;
      };
      const first = policies[0];
      if (first === undefined)
        return new Promise((resolve) => resolve(fn(CallContext.of(options))));
      return first.execute((inner) => through(1, inner), options) as Promise<T>;
    },
  };
}
