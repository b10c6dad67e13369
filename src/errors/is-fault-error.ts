import type { FaultError } from './fault-error.js';

/**
 * True when `value` is a FaultError, including one from another realm (an iframe, a worker's
 * structured clone) or from a second copy of faultline, where `instanceof` would say no.
 *
 * @example
 * try { await work(); } catch (e) { if (isFaultError(e) && e.transient) retryLater(); }
 */
export function isFaultError(value: unknown): value is FaultError {
  if (typeof value !== 'object' || value === null) return false;
  try {
    const candidate = value as { name?: unknown; code?: unknown; type?: unknown };
    return (
      candidate.name === 'FaultError' &&
      typeof candidate.code === 'number' &&
      typeof candidate.type === 'string'
    );
  } catch {
    return false; // a throwing getter or Proxy trap: not one of ours
  }
}
