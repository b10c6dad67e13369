import * as z from 'zod/mini';
import { configError } from './config-problem.js';
import { zodProblems } from './zod-problems.js';

/**
 * Validates `input` against a zod schema (`zod/mini` or full `zod`: both are zod 4 core
 * schemas) and fills in defaults.
 *
 * @throws FaultError of the config family (1101–1203) listing every problem with its path, the
 *   value received and what was expected.
 * @example
 * const config = parseConfig(clientConfigSchema, { endpoint: 'https://errors.example', key: 'pk' });
 * config.sampleRate; // 1
 */
export function parseConfig<S extends z.core.$ZodType>(
  schema: S,
  input: unknown,
  subject = 'config',
): z.core.output<S> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw configError(subject, [
      { kind: 'structure', path: '', received: input, expected: 'an object' },
    ]);
  }
  const result = z.safeParse(schema, input);
  if (result.success) return result.data;
  throw configError(subject, zodProblems(result.error.issues, input));
}
