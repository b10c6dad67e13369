import { classify } from '../classify/classify.js';
import { FaultError } from '../errors/fault-error.js';
import type { OperationContext } from './operation-context.js';

/**
 * Runs `fn` under `context`. Whatever it throws (or its promise rejects with) comes out as a
 * FaultError carrying the context's correlation id and, in `context`, the operation id and
 * name, the duration in ms, the metadata and the breadcrumbs.
 *
 * @throws FaultError classified (the whole taxonomy, `classify()`) from what `fn` threw.
 * @example
 * const ctx = createContext({ name: 'load-cart', metadata: { userTier: 'pro' } });
 * const cart = await runInContext(ctx, (c) => fetchCart(c));
 */
export async function runInContext<T>(
  context: OperationContext,
  fn: (context: OperationContext) => T | PromiseLike<T>,
): Promise<T> {
  try {
    return await fn(context);
  } catch (thrown) {
    throw FaultError.from(thrown, {
      classifier: classify,
      correlationId: context.correlationId,
      clock: context.clock,
      context: {
        operation: context.name,
        operationId: context.operationId,
        durationMs: Math.round((context.clock.monotonic() - context.startedAt) * 1000) / 1000,
        metadata: context.metadata,
        breadcrumbs: context.breadcrumbs(),
      },
    });
  }
}
