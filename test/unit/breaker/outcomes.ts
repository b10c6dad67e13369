// Calls shared by the breaker suites.
import { FaultError } from '../../../src/errors/fault-error.js';

/** A call that fails the way a dependency does. */
export const fail = (): Promise<never> => Promise.reject(new FaultError('network_error', 'down'));

/** A call that succeeds. */
export const ok = (): Promise<number> => Promise.resolve(1);

/** Runs `n` failing calls through `breaker`, ignoring the rejections. */
export async function failTimes(
  breaker: { execute: (fn: () => Promise<never>) => Promise<unknown> },
  n: number,
): Promise<void> {
  for (let i = 0; i < n; i++) await breaker.execute(fail).catch(() => undefined);
}
