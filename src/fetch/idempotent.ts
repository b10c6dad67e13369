/** Methods retried by default: RFC 9110 idempotent methods (TRACE aside). */
export const IDEMPOTENT_METHODS: readonly string[] = Object.freeze([
  'GET',
  'HEAD',
  'OPTIONS',
  'PUT',
  'DELETE',
]);

/**
 * Whether a request may be sent again after a failure: its method is in `methods`, or it
 * carries an `Idempotency-Key` (the server then deduplicates a replayed POST or PATCH).
 *
 * @see https://www.rfc-editor.org/rfc/rfc9110#name-idempotent-methods
 * @see https://datatracker.ietf.org/doc/draft-ietf-httpapi-idempotency-key-header/
 */
export function isReplayable(
  method: string,
  headers: Headers,
  methods: readonly string[],
): boolean {
  return methods.includes(method.toUpperCase()) || headers.has('idempotency-key');
}
