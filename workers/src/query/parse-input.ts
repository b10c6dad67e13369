import type { z } from 'zod';
import { FaultError } from '../../../src/errors/fault-error.js';
import { toPlainData, truncate } from '../../../src/wire/to-plain-data.js';

/** Where a request input comes from, as named in error messages. */
export type InputPlace = 'query' | 'path' | 'body';

/** One bad input: which parameter, what was sent, and what would have been accepted. */
export interface InputProblem {
  readonly param: string;
  readonly received: unknown;
  readonly expected: string;
}

function readParam(input: unknown, param: string): unknown {
  if (typeof input !== 'object' || input === null || !Object.hasOwn(input, param)) return undefined;
  return (input as Record<string, unknown>)[param];
}

function problemsOf(issues: readonly z.core.$ZodIssue[], input: unknown): InputProblem[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((param) => ({
        param,
        received: readParam(input, param),
        expected: 'no such parameter',
      }));
    }
    const param = issue.path.length === 0 ? '(root)' : String(issue.path[0]);
    return [{ param, received: readParam(input, param), expected: issue.message }];
  });
}

function show(value: unknown): string {
  return value === undefined ? 'nothing' : truncate(JSON.stringify(toPlainData(value)), 80);
}

/**
 * Parses a request input with a zod schema.
 *
 * @throws FaultError `format_error` (3202, answered 400) listing every bad parameter in its
 *   message and in `context.problems` (`{ param, received, expected }`); bad input is never a 5xx.
 * @example
 * const { limit } = parseInput('query', z.object({ limit: limitParam }), { limit: '20' });
 */
export function parseInput<S extends z.ZodType>(
  place: InputPlace,
  schema: S,
  input: unknown,
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = problemsOf(result.error.issues, input);
  const lines = problems.map((p) => `${p.param}: ${p.expected} (received ${show(p.received)})`);
  const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
  throw new FaultError('format_error', `Invalid ${place} (${count}): ${lines.join('; ')}`, {
    captureStack: false,
    context: {
      place,
      problems: problems.map((p) => ({ ...p, received: toPlainData(p.received) })),
    },
  });
}
