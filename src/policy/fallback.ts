import { CallContext } from './call-context.js';
import type { ExecuteOptions, Operation, Policy } from './policy.js';

/** Options of {@link fallback}. */
export interface FallbackOptions {
  /** Whether to fall back after `error`. Default: always. */
  readonly when?: (error: unknown) => boolean;
}

/**
 * Resolves with `handler`'s value when the call fails, e.g. a stale cached response. The
 * handler gets the failure (typically a FaultError from an inner policy); if it throws, the call
 * rejects with that.
 *
 * @example
 * const policy = compose(fallback(() => cache.get(url)), retry(), timeout(2000));
 */
export function fallback<Alt>(
  handler: (error: unknown) => Alt | PromiseLike<Alt>,
  options: FallbackOptions = {},
): Policy<Alt> {
  const when = options.when ?? (() => true);
  return {
    async execute<T>(fn: Operation<T>, executeOptions?: ExecuteOptions): Promise<T | Alt> {
      try {
        return await fn(CallContext.of(executeOptions));
      } catch (error) {
        if (!when(error)) throw error;
        return handler(error);
      }
    },
  };
}
