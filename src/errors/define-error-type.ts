import { configError, type ConfigProblem } from '../config/config-problem.js';
import { listErrorTypes, lookupErrorType, addErrorType } from './registry.js';
import {
  CATEGORY_DIGIT,
  type Category,
  type ErrorTypeDefinition,
  type RetryHint,
  type Severity,
} from './taxonomy.js';

/** A new row for the taxonomy; `recovery` and `userMessage` default from the category. */
export interface ErrorTypeInput {
  /** Four digits whose first names the category (1 config, 2 system, 3 data, 4 external). */
  readonly code: number;
  /** snake_case, unique. */
  readonly type: string;
  readonly category: Exclude<Category, 'unknown'>;
  /** snake_case; an existing subcategory keeps its hundred block (`network` is 41xx). */
  readonly subcategory: string;
  readonly severity: Severity;
  readonly retry: RetryHint;
  /** Default `['retry_later']` when transient, else `['report_bug']`. */
  readonly recovery?: readonly string[];
  /** Default: the user message of the category's first built-in row. */
  readonly userMessage?: string;
}

const SNAKE = /^[a-z][a-z0-9_]{0,63}$/;
const SEVERITIES: readonly string[] = ['critical', 'high', 'medium', 'low', 'info'];
const RETRIES: readonly string[] = ['exponential_backoff', 'fixed_delay', 'immediate', 'no_retry'];

/**
 * Registers a custom error type inside the taxonomy's ranges, so `new FaultError(type)` and
 * classification rules can use it.
 *
 * @throws FaultError `invalid_config_value` (1201) / `constraint_violation` (1202) listing every
 *   problem: a malformed field, a code outside its category's range or its subcategory's
 *   hundred block, or a code or name already taken.
 * @example
 * defineErrorType({
 *   code: 4501, type: 'payment_declined', category: 'external', subcategory: 'payment',
 *   severity: 'medium', retry: 'no_retry', userMessage: 'Your card was declined.',
 * });
 */
export function defineErrorType(input: ErrorTypeInput): ErrorTypeDefinition {
  const problems = checkShape(input);
  if (problems.length === 0) problems.push(...checkPlacement(input));
  if (problems.length > 0) throw configError('error type', problems);
  const sibling = listErrorTypes().find((row) => row.category === input.category);
  const definition: ErrorTypeDefinition = Object.freeze({
    code: input.code,
    type: input.type,
    category: input.category,
    subcategory: input.subcategory,
    severity: input.severity,
    retry: input.retry,
    recovery: Object.freeze([
      ...(input.recovery ?? [input.retry === 'no_retry' ? 'report_bug' : 'retry_later']),
    ]),
    userMessage: input.userMessage ?? sibling?.userMessage ?? 'Something went wrong.',
  });
  addErrorType(definition);
  return definition;
}

function checkShape(input: ErrorTypeInput): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const value = (path: keyof ErrorTypeInput, ok: boolean, expected: string) => {
    if (!ok) problems.push({ kind: 'value', path, received: input[path], expected });
  };
  value('code', Number.isInteger(input.code), 'an integer code');
  value('type', typeof input.type === 'string' && SNAKE.test(input.type), 'a snake_case name');
  value(
    'category',
    input.category in CATEGORY_DIGIT && input.category !== ('unknown' as string),
    'one of config, system, data, external',
  );
  value(
    'subcategory',
    typeof input.subcategory === 'string' && SNAKE.test(input.subcategory),
    'a snake_case name',
  );
  value('severity', SEVERITIES.includes(input.severity), `one of ${SEVERITIES.join(', ')}`);
  value('retry', RETRIES.includes(input.retry), `one of ${RETRIES.join(', ')}`);
  return problems;
}

function checkPlacement(input: ErrorTypeInput): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const constraint = (path: string, received: unknown, expected: string) =>
    problems.push({ kind: 'constraint', path, received, expected });
  const digit = CATEGORY_DIGIT[input.category];
  const block = Math.floor(input.code / 100);
  if (Math.floor(input.code / 1000) !== digit) {
    constraint(
      'code',
      input.code,
      `a code from ${digit}000 to ${digit}999 for category ${input.category}`,
    );
  }
  const byCode = lookupErrorType(input.code);
  if (byCode !== undefined)
    constraint('code', input.code, `a free code (${input.code} is ${byCode.type})`);
  if (lookupErrorType(input.type) !== undefined) {
    constraint('type', input.type, `a free type name (${input.type} is taken)`);
  }
  const rows = listErrorTypes();
  const sameSub = rows.find(
    (r) => r.category === input.category && r.subcategory === input.subcategory,
  );
  if (sameSub !== undefined && Math.floor(sameSub.code / 100) !== block) {
    const start = Math.floor(sameSub.code / 100) * 100;
    constraint(
      'code',
      input.code,
      `a code from ${start} to ${start + 99} for subcategory ${input.subcategory}`,
    );
  }
  const blockOwner = rows.find((r) => Math.floor(r.code / 100) === block);
  if (sameSub === undefined && blockOwner !== undefined) {
    constraint(
      'code',
      input.code,
      `a hundred block not used by subcategory ${blockOwner.subcategory}`,
    );
  }
  return problems;
}
