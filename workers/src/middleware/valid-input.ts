import { validator } from 'hono/validator';
import type { z } from 'zod';
import { parseInput } from '../query/parse-input.js';

/**
 * Validator middleware for the query string or the path parameters with a zod schema; the
 * handler reads the parsed value with `c.req.valid(target)`. A repeated query parameter
 * arrives as an array, a single one as a string.
 *
 * @throws FaultError `format_error` (3202, answered 400) naming every bad parameter (see
 *   {@link parseInput}).
 * @example
 * issues.get('/', validInput('query', z.strictObject({ limit: limitParam })), list);
 */
export function validInput<T extends 'query' | 'param', S extends z.ZodType>(target: T, schema: S) {
  return validator(target, function validate(value): z.output<S> {
    return parseInput(target === 'param' ? 'path' : 'query', schema, value);
  });
}
