import { FaultError } from '../errors/fault-error.js';
import { isFaultError } from '../errors/is-fault-error.js';
import type { Clock } from '../runtime/clock.js';

/**
 * The error a call rejects with when its caller aborted: the abort reason itself when it is
 * already a FaultError (a timeout that fired further out), else a `cancelled` FaultError
 * (2402) with the reason as its cause.
 */
export function cancelledError(reason: unknown, clock: Clock): FaultError {
  if (isFaultError(reason)) return reason;
  return new FaultError('cancelled', 'The call was cancelled', {
    captureStack: false,
    clock,
    cause: reason,
  });
}
