import type { core } from 'zod/mini';
import { readSafely } from '../errors/read-safely.js';
import type { ConfigProblem, ConfigProblemKind } from './config-problem.js';

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) value = readSafely(value, key);
  return value;
}

function bound(issue: { maximum?: unknown; minimum?: unknown; inclusive?: boolean }, big: boolean) {
  const limit = big ? issue.maximum : issue.minimum;
  const op = big ? (issue.inclusive === false ? '<' : '≤') : issue.inclusive === false ? '>' : '≥';
  return `${op} ${String(limit)}`;
}

function classifyIssue(issue: core.$ZodIssue, received: unknown): [ConfigProblemKind, string] {
  switch (issue.code) {
    case 'invalid_type':
      if (received === undefined) return ['missing', `a value of type ${issue.expected}`];
      return [issue.path.length === 0 ? 'structure' : 'value', `type ${issue.expected}`];
    case 'too_big':
    case 'too_small': {
      const big = issue.code === 'too_big';
      const what =
        issue.origin === 'array' || issue.origin === 'string'
          ? `${issue.origin} length `
          : 'a value ';
      return ['range', `${what}${bound(issue as never, big)}`];
    }
    case 'unrecognized_keys':
      return ['structure', `no unknown keys (found ${issue.keys.join(', ')})`];
    case 'invalid_value':
      return ['value', `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`];
    case 'custom':
      return ['constraint', issue.message];
    default:
      return ['value', issue.message];
  }
}

/**
 * Turns zod issues into config problems with dot paths, the received value (read from the
 * input by path) and what was expected, in words.
 *
 * @example
 * const result = z.safeParse(schema, input);
 * if (!result.success) throw configError('client config', zodProblems(result.error.issues, input));
 */
export function zodProblems(issues: readonly core.$ZodIssue[], input: unknown): ConfigProblem[] {
  return issues.map((issue) => {
    const received = valueAt(input, issue.path);
    const [kind, expected] = classifyIssue(issue, received);
    return { kind, path: issue.path.map(String).join('.'), received, expected };
  });
}
