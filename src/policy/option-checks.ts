import { configError, type ConfigProblem } from '../config/config-problem.js';

/** The bounds one numeric option must respect. */
export interface NumberRule {
  /** Smallest allowed value. */
  readonly min: number;
  /** Largest allowed value. Default `Infinity` (allowed when `infinite`). */
  readonly max?: number;
  /** Whether only integers are allowed. Default false. */
  readonly integer?: boolean;
  /** Whether the smallest value itself is excluded. Default false. */
  readonly exclusiveMin?: boolean;
  /** Whether `Infinity` is allowed. Default false. */
  readonly infinite?: boolean;
}

function describe(rule: NumberRule): string {
  const kind = rule.integer ? 'an integer' : 'a number';
  const { min, max } = rule;
  const range =
    max === undefined
      ? `${rule.exclusiveMin ? '>' : '≥'} ${min}`
      : rule.exclusiveMin
        ? `> ${min} and ≤ ${max}`
        : `from ${min} to ${max}`;
  return `${kind} ${range}${rule.infinite ? ' (or Infinity)' : ''}`;
}

function fits(value: number, rule: NumberRule): boolean {
  if (Number.isNaN(value)) return false;
  if (value === Infinity) return rule.infinite === true;
  if (rule.integer && !Number.isInteger(value)) return false;
  if (rule.exclusiveMin ? value <= rule.min : value < rule.min) return false;
  return value <= (rule.max ?? Infinity);
}

/** Collects problems with options, then throws them all at once. */
export interface OptionChecks {
  /** Records a problem unless `value` is absent or a number that fits `rule`. */
  number(path: string, value: unknown, rule: NumberRule): OptionChecks;
  /** Records a problem unless `value` is absent or one of `allowed`. */
  oneOf(path: string, value: unknown, allowed: readonly string[]): OptionChecks;
  /** Records a problem unless `value` is absent or a function. */
  fn(path: string, value: unknown): OptionChecks;
  /** Records a problem unless `value` is absent or a non-null object. */
  object(path: string, value: unknown): OptionChecks;
  /** Records a problem with `value` unless `ok`. */
  that(path: string, value: unknown, ok: boolean, expected: string): OptionChecks;
  /**
   * Throws the config FaultError listing every recorded problem, if any.
   *
   * @throws FaultError 1101/1201/1203 (the gravest kind present).
   */
  done(): void;
}

/**
 * Starts checking the options of `subject` (e.g. `'circuit breaker options'`): the one option
 * validator of the policies, backoffs and buffers. Hand-written so the resilience import graph
 * never pulls zod (SPEC §1); problems become one config FaultError.
 */
export function checkOptions(subject: string): OptionChecks {
  const problems: ConfigProblem[] = [];
  const checks: OptionChecks = {
    number(path, value, rule) {
      if (value !== undefined && (typeof value !== 'number' || !fits(value, rule))) {
        const kind = typeof value === 'number' ? 'range' : 'value';
        problems.push({ kind, path, received: value, expected: describe(rule) });
      }
      return checks;
    },
    oneOf(path, value, allowed) {
      const expected = `one of ${allowed.map((a) => `"${a}"`).join(', ')}`;
      return checks.that(
        path,
        value,
        value === undefined || allowed.includes(value as string),
        expected,
      );
    },
    fn(path, value) {
      return checks.that(
        path,
        value,
        value === undefined || typeof value === 'function',
        'a function',
      );
    },
    object(path, value) {
      if (value !== undefined && (typeof value !== 'object' || value === null)) {
        problems.push({ kind: 'structure', path, received: value, expected: 'an object' });
      }
      return checks;
    },
    that(path, value, ok, expected) {
      if (!ok) problems.push({ kind: 'value', path, received: value, expected });
      return checks;
    },
    done() {
      if (problems.length > 0) throw configError(subject, problems);
    },
  };
  return checks;
}
