/**
 * `Authorization` credentials (`Bearer …`, `Basic …`) inside free text.
 *
 * @module
 */

/** The scheme word, the whitespace after it, and an RFC 6750 `b64token`. */
const AUTH_CREDENTIALS = /\b(bearer|basic)(\s+)([\w\-.~+/]+=*)/gi;
/** Shortest credential replaced: shorter words after "basic"/"bearer" are prose. */
const MIN_CREDENTIAL = 8;
/** An all-lowercase word is prose ("basic authentication", "bearer undefined"), not a token. */
const LOWERCASE_WORD = /^[a-z]+$/;

/**
 * Replaces the credentials after `Bearer ` or `Basic ` (any case) with `marker`, keeping the
 * scheme word: `Authorization: Bearer abc.def` → `Authorization: Bearer [Filtered]`. A
 * credential must be at least 8 characters and not an all-lowercase word, so prose such as
 * "basic authentication failed" is kept. Text without `earer`/`asic` (any case) costs a few
 * `indexOf` calls.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-2.1 (Bearer), RFC 7617 (Basic)
 * @example
 * replaceAuthCredentials('sent Authorization: Basic dXNlcjpwYXNz', '[Filtered]');
 * // 'sent Authorization: Basic [Filtered]'
 */
export function replaceAuthCredentials(text: string, marker: string): string {
  if (!mayHaveScheme(text)) return text;
  return text.replace(
    AUTH_CREDENTIALS,
    (match, scheme: string, space: string, credential: string) =>
      credential.length >= MIN_CREDENTIAL && !LOWERCASE_WORD.test(credential)
        ? scheme + space + marker
        : match,
  );
}

function mayHaveScheme(text: string): boolean {
  return (
    text.includes('earer') ||
    text.includes('asic') ||
    text.includes('EARER') ||
    text.includes('ASIC')
  );
}
