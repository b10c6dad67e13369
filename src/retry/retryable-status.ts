/**
 * The HTTP statuses another attempt may fix: 408, 429 and 5xx (SPEC §3). Shared by
 * `resilientFetch` and the capture transport, so both retry and back off on the same answers.
 *
 * @module
 */

/**
 * True for 408 (request timeout), 429 (back-pressure) and every 5xx.
 *
 * @example
 * isRetryableStatus(503); // true
 * isRetryableStatus(404); // false
 */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}
