import { readSafely } from '../../errors/read-safely.js';
import type { BuiltinErrorType } from '../../errors/taxonomy.js';

/**
 * Zod issue codes (v3 and v4) that say the data has the wrong shape or type. Any other code
 * (`invalid_format` / v3 `invalid_string` for email, url, regex…; `too_small`, `too_big`,
 * `invalid_value`, `not_multiple_of`, `custom`, …) says a value of the right type is not
 * acceptable, which is a `format_error`.
 *
 * @see https://zod.dev/packages/core (`$ZodIssue` codes)
 */
const SHAPE_ISSUE_CODES: ReadonlySet<unknown> = new Set([
  'invalid_type',
  'invalid_union',
  'invalid_union_discriminator', // v3
  'invalid_literal', // v3
  'invalid_key',
  'invalid_element',
  'unrecognized_keys',
  'invalid_arguments', // v3 function schemas
  'invalid_return_type', // v3 function schemas
  'invalid_intersection_types', // v3
]);

/** Issues looked at, at most: a huge ZodError must not make classification slow. */
const MAX_ISSUES = 20;

/**
 * A ZodError, duck-typed (no zod import): `name === 'ZodError'` with an `issues` array.
 * `type_mismatch` when any issue is about shape or type, else `format_error`; `undefined` when
 * there is no `issues` array.
 *
 * @example
 * classifyZodError({ name: 'ZodError', issues: [{ code: 'invalid_type' }] }); // 'type_mismatch'
 */
export function classifyZodError(error: unknown): BuiltinErrorType | undefined {
  try {
    const issues = readSafely(error, 'issues');
    if (!Array.isArray(issues)) return undefined;
    const count = Math.min(issues.length, MAX_ISSUES);
    for (let index = 0; index < count; index++) {
      if (SHAPE_ISSUE_CODES.has(readSafely(issues[index], 'code'))) return 'type_mismatch';
    }
    return 'format_error';
  } catch {
    // A revoked Proxy makes even Array.isArray throw.
    return undefined;
  }
}
