/**
 * The error taxonomy of SPEC §2 as one frozen data table. Codes are stable wire values: never
 * renumber a row. Users add their own rows with {@link defineErrorType}.
 *
 * @module
 */

/** How bad an error is, most severe first. */
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** What a caller should do about retrying; `no_retry` is the only non-transient hint. */
export type RetryHint = 'exponential_backoff' | 'fixed_delay' | 'immediate' | 'no_retry';

/** The top level of the taxonomy; the first digit of a code names it (9 is `unknown`). */
export type Category = 'config' | 'system' | 'data' | 'external' | 'unknown';

/** One row of the taxonomy. */
export interface ErrorTypeDefinition {
  /** Stable numeric code, e.g. `4101`. */
  readonly code: number;
  /** Stable snake_case name, e.g. `network_error`. */
  readonly type: string;
  readonly category: Category;
  /** Second level, e.g. `network` in `external/network`. */
  readonly subcategory: string;
  readonly severity: Severity;
  readonly retry: RetryHint;
  /** Suggested recovery actions, most useful first. */
  readonly recovery: readonly string[];
  /** A sentence safe to show an end user: no internals, no data. */
  readonly userMessage: string;
}

/** The first digit of a code for each category. */
export const CATEGORY_DIGIT: Readonly<Record<Category, number>> = Object.freeze({
  config: 1,
  system: 2,
  data: 3,
  external: 4,
  unknown: 9,
});

const MESSAGE = {
  config: 'The application is not configured correctly. Please contact support.',
  system: 'Something went wrong on our side. Please try again.',
  data: 'Some data could not be processed. Please check your input and try again.',
  network: 'We could not reach the server. Check your connection and try again.',
  external: 'A service we depend on is not responding. Please try again shortly.',
  auth: 'Your session has expired or you do not have access. Please sign in again.',
  unknown: 'Something went wrong. Please try again.',
} as const;

function row(
  code: number,
  type: string,
  category: Category,
  subcategory: string,
  severity: Severity,
  retry: RetryHint,
  recovery: readonly string[],
  userMessage: string,
): ErrorTypeDefinition {
  return Object.freeze({
    code,
    type,
    category,
    subcategory,
    severity,
    retry,
    recovery: Object.freeze([...recovery]),
    userMessage,
  });
}

/** The built-in rows of SPEC §2, keyed by type name. Frozen. */
// prettier-ignore
export const BUILTIN_ERROR_TYPES = Object.freeze({
  invalid_config_structure: row(1101, 'invalid_config_structure', 'config', 'structure', 'high', 'no_retry', ['fix_config'], MESSAGE.config),
  missing_required_field: row(1102, 'missing_required_field', 'config', 'structure', 'high', 'no_retry', ['fix_config'], MESSAGE.config),
  invalid_config_value: row(1201, 'invalid_config_value', 'config', 'validation', 'medium', 'no_retry', ['fix_config'], MESSAGE.config),
  constraint_violation: row(1202, 'constraint_violation', 'config', 'validation', 'medium', 'no_retry', ['fix_config'], MESSAGE.config),
  range_error: row(1203, 'range_error', 'config', 'validation', 'low', 'no_retry', ['fix_config'], MESSAGE.config),
  config_not_found: row(1301, 'config_not_found', 'config', 'access', 'high', 'no_retry', ['provide_config', 'use_defaults'], MESSAGE.config),
  config_update_forbidden: row(1401, 'config_update_forbidden', 'config', 'runtime', 'medium', 'no_retry', ['keep_current_config'], MESSAGE.config),
  initialization_failed: row(2101, 'initialization_failed', 'system', 'initialization', 'critical', 'no_retry', ['restart', 'check_environment'], MESSAGE.system),
  service_unavailable: row(2102, 'service_unavailable', 'system', 'initialization', 'high', 'exponential_backoff', ['retry_later', 'use_fallback'], MESSAGE.external),
  resource_exhausted: row(2201, 'resource_exhausted', 'system', 'resources', 'high', 'exponential_backoff', ['free_storage', 'retry_later'], MESSAGE.system),
  rate_limited: row(2202, 'rate_limited', 'system', 'resources', 'medium', 'exponential_backoff', ['honour_retry_after', 'reduce_rate'], 'Too many requests right now. Please wait a moment and try again.'),
  dependency_failed: row(2301, 'dependency_failed', 'system', 'dependencies', 'high', 'fixed_delay', ['retry_later', 'use_fallback'], MESSAGE.external),
  circuit_open: row(2302, 'circuit_open', 'system', 'dependencies', 'medium', 'no_retry', ['use_fallback', 'wait_for_half_open'], MESSAGE.external),
  internal_error: row(2401, 'internal_error', 'system', 'runtime', 'critical', 'no_retry', ['report_bug'], MESSAGE.system),
  cancelled: row(2402, 'cancelled', 'system', 'runtime', 'low', 'no_retry', ['none'], 'The operation was cancelled.'),
  programming_error: row(2403, 'programming_error', 'system', 'runtime', 'high', 'no_retry', ['report_bug', 'fix_code'], MESSAGE.system),
  serialization_failed: row(3101, 'serialization_failed', 'data', 'serialization', 'medium', 'no_retry', ['check_data_shape'], MESSAGE.data),
  deserialization_failed: row(3102, 'deserialization_failed', 'data', 'serialization', 'medium', 'no_retry', ['check_data_shape', 'check_response_format'], MESSAGE.data),
  type_mismatch: row(3201, 'type_mismatch', 'data', 'validation', 'low', 'no_retry', ['fix_input'], MESSAGE.data),
  format_error: row(3202, 'format_error', 'data', 'validation', 'low', 'no_retry', ['fix_input'], MESSAGE.data),
  data_corruption: row(3301, 'data_corruption', 'data', 'corruption', 'critical', 'no_retry', ['restore_backup', 'discard_data'], MESSAGE.data),
  data_not_found: row(3401, 'data_not_found', 'data', 'not_found', 'low', 'no_retry', ['check_identifier'], 'We could not find what you were looking for.'),
  network_error: row(4101, 'network_error', 'external', 'network', 'medium', 'exponential_backoff', ['check_connection', 'retry_later'], MESSAGE.network),
  external_service_error: row(4201, 'external_service_error', 'external', 'service', 'medium', 'fixed_delay', ['retry_later', 'use_fallback'], MESSAGE.external),
  timeout: row(4301, 'timeout', 'external', 'timeout', 'medium', 'exponential_backoff', ['retry_later', 'increase_timeout'], 'The request took too long. Please try again.'),
  authentication_failed: row(4401, 'authentication_failed', 'external', 'auth', 'high', 'no_retry', ['refresh_credentials', 'sign_in_again'], MESSAGE.auth),
  permission_denied: row(4402, 'permission_denied', 'external', 'auth', 'high', 'no_retry', ['request_access'], 'You do not have permission to do that.'),
  unknown: row(9999, 'unknown', 'unknown', 'unknown', 'medium', 'no_retry', ['report_bug'], MESSAGE.unknown),
});

/** The name of a built-in type, e.g. `'network_error'`. */
export type BuiltinErrorType = keyof typeof BUILTIN_ERROR_TYPES;

/** A type name: a built-in one, or one registered with {@link defineErrorType}. */
export type ErrorType = BuiltinErrorType | (string & {});
