import { readSafely } from '../errors/read-safely.js';
import { lookupErrorType } from '../errors/registry.js';
import type { ErrorType, Severity } from '../errors/taxonomy.js';
import { statusFromMessage } from './builtin/http-status.js';
import { readPath, type ErrorFields } from './read-error-fields.js';

/** An inclusive range of HTTP statuses, e.g. `{ min: 500, max: 599 }`. */
export interface StatusRange {
  readonly min: number;
  readonly max: number;
}

/**
 * What a {@link ClassificationRule} tests. Plain data, so rules can come from config. Every key
 * given must match (they are ANDed); an empty condition matches every error, which makes a
 * catch-all last rule. Conditions look at the error itself, not at its `cause`s (use `test` for
 * that).
 *
 * @example
 * const when: RuleCondition = {
 *   or: [{ status: { min: 500, max: 599 } }, { messageContains: ['upstream', 'bad gateway'] }],
 *   not: { context: { 'request.method': 'POST' } },
 * };
 */
export interface RuleCondition {
  /** The message contains this text (or any of these), ignoring case. */
  readonly messageContains?: string | readonly string[];
  /** The message matches this RegExp (its `g` / `y` flags are ignored). */
  readonly messageMatches?: RegExp;
  /** The error's `name` is exactly this (or one of these), e.g. `'TypeError'`. */
  readonly name?: string | readonly string[];
  /**
   * The HTTP status, exactly or in an inclusive range. Read from a `Response`, `status`,
   * `statusCode`, `response.status`, or a message such as `Request failed with status code 503`.
   */
  readonly status?: number | StatusRange;
  /**
   * Dot paths that must equal (`Object.is`) the given values. A path is read from the error's
   * `context` (a FaultError's plain data) first, then from the error's own properties.
   */
  readonly context?: Readonly<Record<string, unknown>>;
  /** Every one of these conditions matches. */
  readonly and?: readonly RuleCondition[];
  /** At least one of these conditions matches. */
  readonly or?: readonly RuleCondition[];
  /** This condition does not match. */
  readonly not?: RuleCondition;
  /** Custom test on the original thrown value. One that throws counts as no match. */
  readonly test?: (error: unknown) => boolean;
}

/** A user rule: errors that match `when` get the taxonomy row of `type`. */
export interface ClassificationRule {
  readonly when: RuleCondition;
  /** A built-in or registered (`defineErrorType`) type name. */
  readonly type: ErrorType;
  /** Overrides the row's severity for errors this rule matches. Default: the row's. */
  readonly severity?: Severity;
}

type Matcher = (fields: ErrorFields) => boolean;

const CONDITION_KEYS: ReadonlySet<string> = new Set([
  'messageContains',
  'messageMatches',
  'name',
  'status',
  'context',
  'and',
  'or',
  'not',
  'test',
]);
const SEVERITIES: ReadonlySet<unknown> = new Set(['critical', 'high', 'medium', 'low', 'info']);
const compiled = new WeakMap<object, Matcher | null>();

/**
 * Checks a rule now, so that a mistake fails at startup instead of silently never matching:
 * `classify()` skips rules it cannot use (unknown type, malformed condition) because it must
 * never throw. Returns a frozen copy to pass to `classify()`.
 *
 * @throws RangeError when `type` is neither built-in nor registered, `severity` is not a
 *   severity, or a status is not an integer in 100–599 (or the range is reversed).
 * @throws TypeError when a condition has an unknown key or a value of the wrong kind.
 * @example
 * const rules = [
 *   defineRule({ when: { messageContains: 'quota' }, type: 'rate_limited', severity: 'low' }),
 *   defineRule({ when: { status: { min: 500, max: 599 }, name: 'HTTPError' }, type: 'dependency_failed' }),
 * ];
 * classify(error, rules);
 */
export function defineRule(rule: ClassificationRule): ClassificationRule {
  if (typeof rule !== 'object' || rule === null)
    throw new TypeError('faultline: a rule must be an object');
  if (lookupErrorType(rule.type) === undefined) {
    throw new RangeError(
      `faultline: rule type "${String(rule.type)}" is not a built-in or registered error type; ` +
        'register it with defineErrorType() first',
    );
  }
  if (rule.severity !== undefined && !SEVERITIES.has(rule.severity)) {
    throw new RangeError(`faultline: rule severity "${String(rule.severity)}" is not a severity`);
  }
  const copy: ClassificationRule = Object.freeze({ ...rule, when: rule.when });
  compiled.set(copy, compileCondition(rule.when, 'when'));
  return copy;
}

/**
 * True when `rule` is usable and matches the error. Never throws: a malformed rule (one not made
 * by {@link defineRule}) never matches. Rules are compiled once and cached; do not mutate them.
 */
export function ruleMatches(rule: ClassificationRule, fields: ErrorFields): boolean {
  let matcher = compiled.get(rule);
  if (matcher === undefined) {
    try {
      matcher = compileCondition(readSafely(rule, 'when') as RuleCondition, 'when');
    } catch {
      matcher = null;
    }
    compiled.set(rule, matcher);
  }
  return matcher !== null && matcher(fields);
}

function compileCondition(condition: RuleCondition, at: string): Matcher {
  if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) {
    throw new TypeError(`faultline: rule condition at ${at} must be an object`);
  }
  const parts: Matcher[] = [];
  for (const key of Object.keys(condition)) {
    if (!CONDITION_KEYS.has(key)) {
      throw new TypeError(`faultline: unknown rule condition "${key}" at ${at}`);
    }
    const value = (condition as Record<string, unknown>)[key];
    if (value !== undefined) parts.push(compilePart(key, value, `${at}.${key}`));
  }
  if (parts.length === 1) return parts[0] as Matcher;
  return (fields) => parts.every((part) => part(fields));
}

function compilePart(key: string, value: unknown, at: string): Matcher {
  switch (key) {
    case 'messageContains': {
      const needles = strings(value, at).map((needle) => needle.toLowerCase());
      return (fields) => {
        const message = fields.message.toLowerCase();
        return needles.some((needle) => message.includes(needle));
      };
    }
    case 'messageMatches': {
      // A brand check rather than `instanceof`, so a RegExp from another realm works too.
      if (Object.prototype.toString.call(value) !== '[object RegExp]') {
        throw new TypeError(`faultline: ${at} must be a RegExp`);
      }
      const { source, flags } = value as RegExp;
      const pattern = new RegExp(source, flags.replace(/[gy]/g, ''));
      return (fields) => pattern.test(fields.message);
    }
    case 'name': {
      const names = new Set(strings(value, at));
      return (fields) => names.has(fields.name);
    }
    case 'status':
      return compileStatus(value, at);
    case 'context':
      return compileContext(value, at);
    case 'and':
    case 'or': {
      if (!Array.isArray(value)) throw new TypeError(`faultline: ${at} must be an array`);
      const list = value.map((item, index) =>
        compileCondition(item as RuleCondition, `${at}[${index}]`),
      );
      return key === 'and'
        ? (fields) => list.every((matcher) => matcher(fields))
        : (fields) => list.some((matcher) => matcher(fields));
    }
    case 'not': {
      const inner = compileCondition(value as RuleCondition, at);
      return (fields) => !inner(fields);
    }
    default:
      return compileTest(value, at);
  }
}

function compileTest(value: unknown, at: string): Matcher {
  if (typeof value !== 'function') throw new TypeError(`faultline: ${at} must be a function`);
  const test = value as (error: unknown) => unknown;
  return (fields) => {
    try {
      return test(fields.value) === true;
    } catch {
      return false;
    }
  };
}

function compileStatus(value: unknown, at: string): Matcher {
  const range =
    typeof value === 'number'
      ? { min: value, max: value }
      : { min: readSafely(value, 'min'), max: readSafely(value, 'max') };
  const { min, max } = range;
  if (!isStatus(min) || !isStatus(max) || min > max) {
    throw new RangeError(`faultline: ${at} must be a status or { min, max } within 100–599`);
  }
  return (fields) => {
    const status = fields.status ?? statusFromMessage(fields.message);
    return status !== undefined && status >= min && status <= max;
  };
}

function compileContext(value: unknown, at: string): Matcher {
  if (typeof value !== 'object' || value === null) {
    throw new TypeError(`faultline: ${at} must be an object of dot paths to values`);
  }
  const checks = Object.entries(value).map(([path, expected]) => {
    const keys = path.split('.');
    return (error: unknown): boolean => {
      const fromContext = readPath(readSafely(error, 'context'), keys);
      return Object.is(fromContext !== undefined ? fromContext : readPath(error, keys), expected);
    };
  });
  return (fields) => checks.every((check) => check(fields.value));
}

function strings(value: unknown, at: string): readonly string[] {
  const list = typeof value === 'string' ? [value] : value;
  if (
    !Array.isArray(list) ||
    list.length === 0 ||
    !list.every((item) => typeof item === 'string')
  ) {
    throw new TypeError(`faultline: ${at} must be a string or a non-empty array of strings`);
  }
  return list as readonly string[];
}

function isStatus(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 100 && value <= 599;
}
