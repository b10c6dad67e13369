/**
 * The one contract every resilience policy implements (SPEC §3): retry, circuit breaker,
 * timeout, fallback, bulkhead and their compositions all run a function through `execute`.
 *
 * @module
 */

/** What a policy hands to the function it runs. */
export interface ExecutionContext {
  /**
   * Aborts when the caller's signal aborts or a policy gives up on this call (a timeout fired,
   * an outer policy stopped waiting). Made on first read, so functions that never read it cost
   * no AbortController.
   */
  readonly signal: AbortSignal;
  /** 1 for the first call, 2 for the first retry, and so on (1 outside any retry). */
  readonly attempt: number;
}

/** Options of {@link Policy.execute}. */
export interface ExecuteOptions {
  /**
   * Cancels the call: a pending wait or attempt is abandoned at once and the call rejects with
   * a `cancelled` FaultError (2402). Passing the {@link ExecutionContext} of an outer policy
   * here links the two lazily (no AbortController unless someone reads a signal).
   */
  readonly signal?: AbortSignal | undefined;
}

/** The function a policy runs. It may return a value or a promise. */
export type Operation<T> = (context: ExecutionContext) => T | PromiseLike<T>;

/**
 * A resilience policy: runs `fn` under its rules and resolves with its result or rejects with a
 * FaultError. `Alt` is what the policy may resolve with instead of `fn`'s result (a fallback's
 * value); `never` for every other policy.
 *
 * @example
 * const policy: Policy = compose(retry({ attempts: 3 }), circuitBreaker(), timeout(2000));
 * const body = await policy.execute(({ signal }) => fetch(url, { signal }).then((r) => r.json()));
 */
export interface Policy<Alt = never> {
  /** Runs `fn` under this policy. */
  execute<T>(fn: Operation<T>, options?: ExecuteOptions): Promise<T | Alt>;
  /** Type-level only (never set): lets `compose` infer the fallback values of its policies. */
  readonly [altType]?: Alt;
}

/** The key of {@link Policy}'s type-level `Alt` marker; exists only for the type checker. */
export declare const altType: unique symbol;
