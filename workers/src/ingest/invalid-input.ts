import type { core } from 'zod/mini';
import { FaultError } from '../../../src/errors/fault-error.js';
import { zodProblems } from '../../../src/config/zod-problems.js';
import { toPlainData, truncate } from '../../../src/wire/to-plain-data.js';

/** Problems listed per error: enough to fix the input, bounded for a batch of bad events. */
const MAX_PROBLEMS = 10;
/** Problems spelled out in the message. */
const MAX_IN_MESSAGE = 3;
/** Longest rendering of a received value. */
const MAX_RECEIVED = 80;

/** One problem of an input: where, what was expected, and a short rendering of what was there. */
export interface InputProblem {
  /** Dot path inside the input, e.g. `frames.0.line`; `''` for the input itself. */
  readonly path: string;
  /** What would have been accepted, in words. */
  readonly expected: string;
  /** What was there, as JSON cut to 80 characters; `nothing` when missing. */
  readonly received: string;
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  return truncate(JSON.stringify(toPlainData(value)) ?? String(value), MAX_RECEIVED);
}

/**
 * The data-family FaultError for input that failed a zod schema: `type_mismatch` (3201) when
 * every problem is a wrong type, else `format_error` (3202); `context.problems` lists up to 10
 * problems as {@link InputProblem}s and the message spells out the first three. Both answer 400.
 *
 * @param subject - what was checked, for the message (`event`, `batch`).
 * @example
 * const result = wireEventSchema.safeParse(raw);
 * if (!result.success) rejected.push({ index, error: invalidInput('event', result.error.issues, raw).toJSON() });
 */
export function invalidInput(
  subject: string,
  issues: readonly core.$ZodIssue[],
  input: unknown,
): FaultError {
  const problems: InputProblem[] = zodProblems(issues.slice(0, MAX_PROBLEMS), input).map(
    (problem) => ({
      path: problem.path,
      expected: problem.expected,
      received: show(problem.received),
    }),
  );
  const allTypes = issues.every((issue) => issue.code === 'invalid_type');
  const count = `${issues.length} problem${issues.length === 1 ? '' : 's'}`;
  const lines = problems
    .slice(0, MAX_IN_MESSAGE)
    .map((p) => `${p.path || '(root)'}: expected ${p.expected}, received ${p.received}`);
  const more = issues.length > MAX_IN_MESSAGE ? '; …' : '';
  return new FaultError(
    allTypes ? 'type_mismatch' : 'format_error',
    `Invalid ${subject} (${count}): ${lines.join('; ')}${more}`,
    { captureStack: false, context: { problems } },
  );
}
