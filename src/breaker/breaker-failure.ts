import { failureType } from '../classify/failure-type.js';

/** How one outcome counts for a breaker. */
export type BreakerVerdict = 'success' | 'failure' | 'ignored';

/**
 * How a thrown value counts for a breaker by default (SPEC §3): the dependency's own failures
 * count (network, timeouts, 5xx/408, unrecognised errors); back-pressure (429), cancellations and
 * bugs in the caller's code say nothing about its health; any other error means it answered, so it counts as a success.
 */
export function breakerVerdict(error: unknown): BreakerVerdict {
  switch (failureType(error)) {
    case 'rate_limited':
    case 'cancelled':
    case 'circuit_open':
    case 'programming_error':
      return 'ignored';
    case 'network_error':
    case 'timeout':
    case 'external_service_error':
    case 'service_unavailable':
    case 'dependency_failed':
    case 'resource_exhausted':
    case 'internal_error':
    case 'unknown':
      return 'failure';
    default:
      return 'success';
  }
}
