import { BUILTIN_ERROR_TYPES, type ErrorTypeDefinition } from '../../errors/taxonomy.js';

/**
 * Built-in types worth telling the person using the app about, because they can act on it: check
 * the connection, wait and retry, sign in again, ask for access, fix what they typed, free
 * storage, pick something that exists. Bugs (`programming_error`, `internal_error`), config
 * problems, (de)serialisation failures, `cancelled` (they did it) and `unknown` are not shown:
 * they mostly happen in background code, where a toast would only confuse. The app still shows
 * its own fallback when a user-initiated action fails.
 */
const SHOWN_TYPES: ReadonlySet<string> = new Set([
  'network_error',
  'timeout',
  'rate_limited',
  'authentication_failed',
  'permission_denied',
  'external_service_error',
  'service_unavailable',
  'dependency_failed',
  'circuit_open',
  'resource_exhausted',
  'initialization_failed',
  'data_not_found',
  'type_mismatch',
  'format_error',
  'data_corruption',
]);

/**
 * Whether to show an error of this type to the user. Registered types follow the same idea:
 * shown when the category is `external` or the error is transient (the user can retry).
 *
 * @example
 * shouldShowUser(lookupErrorType('timeout')!); // true
 * shouldShowUser(lookupErrorType('programming_error')!); // false
 */
export function shouldShowUser(row: ErrorTypeDefinition): boolean {
  if (SHOWN_TYPES.has(row.type)) return true;
  if (Object.hasOwn(BUILTIN_ERROR_TYPES, row.type)) return false;
  return row.category === 'external' || row.retry !== 'no_retry';
}
