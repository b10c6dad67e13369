import { isFaultError } from '../errors/is-fault-error.js';
import { readSafely } from '../errors/read-safely.js';
import { lookupErrorType, UNKNOWN_TYPE } from '../errors/registry.js';
import type { ErrorTypeDefinition, Severity } from '../errors/taxonomy.js';
import { classifyBuiltin } from './builtin/classify-builtin.js';
import { shouldShowUser } from './builtin/user-notification.js';
import type { Classification } from './classification.js';
import { readErrorFields, readNext, type ErrorFields } from './read-error-fields.js';
import { ruleMatches, type ClassificationRule } from './rule.js';

/**
 * How many `cause` links classification follows below the thrown value. Enough for Node.js
 * (`TypeError: fetch failed` → `AggregateError` → socket error) and app wrappers, small enough
 * that a cyclic or absurdly deep chain costs nothing.
 */
export const MAX_CAUSE_DEPTH = 4;

// Results a cause may make more precise: `fetch failed` caused by ETIMEDOUT is a timeout, an
// AbortError whose cause is a TimeoutError is a timeout, and a wrapper says nothing by itself.
const REFINABLE: ReadonlySet<string | undefined> = new Set([
  undefined,
  'network_error',
  'cancelled',
]);
const SEVERITIES: ReadonlySet<unknown> = new Set(['critical', 'high', 'medium', 'low', 'info']);
const results = new WeakMap<ErrorTypeDefinition, Map<Severity, Classification>>();

/**
 * Places anything that was thrown in the taxonomy (SPEC §2): user rules first, in order (the
 * first that matches wins), then the built-in knowledge of what browsers, workerd, Deno, Node.js
 * and common clients throw, looking through `cause` chains. Anything unrecognised is `unknown`
 * (not transient). Never throws, never loops; results are frozen objects shared between calls.
 *
 * `userNotification.show` is true where the user can act (connection, waiting, signing in,
 * access, their input, storage, missing things) and false for bugs, config, (de)serialisation,
 * cancellations and `unknown`; a registered type is shown when it is `external` or transient.
 *
 * @param error - whatever was thrown or rejected: an Error from any realm, a DOMException, a
 *   `Response`, a plain object (`{ status }`, `{ code }`, `{ message }`, `{ error }`), a
 *   string, a FaultError (keeps its own type and severity), or anything else.
 * @param rules - rules from {@link defineRule}, tried before the built-in ones. Rules whose
 *   type is not registered, or whose condition is malformed, are skipped. Default: none.
 * @example
 * classify(new TypeError('Failed to fetch')).type; // 'network_error'
 * classify(new Response(null, { status: 503 })).transient; // true
 * classify(new DOMException('signal timed out', 'TimeoutError')).retry; // 'exponential_backoff'
 * classify(err, [defineRule({ when: { status: 409 }, type: 'constraint_violation' })]);
 */
export function classify(error: unknown, rules?: readonly ClassificationRule[]): Classification {
  try {
    const fields = readErrorFields(error);
    if (rules !== undefined) {
      const byRule = safely(() => classifyByRules(fields, rules));
      if (byRule !== undefined) return byRule;
    }
    if (fields.name === 'FaultError') {
      const own = faultErrorResult(error);
      if (own !== undefined) return own;
    }
    const type = classifyChain(fields);
    return result(
      (type === undefined ? undefined : lookupErrorType(type)) ?? UNKNOWN_TYPE,
      undefined,
    );
  } catch {
    // Unreachable by design (every read is guarded); kept so a surprise can never escape.
    return result(UNKNOWN_TYPE, undefined);
  }
}

function classifyByRules(fields: ErrorFields, rules: unknown): Classification | undefined {
  if (!Array.isArray(rules)) return undefined;
  for (const rule of rules as readonly unknown[]) {
    if (typeof rule !== 'object' || rule === null) continue;
    try {
      if (!ruleMatches(rule as ClassificationRule, fields)) continue;
      const { type, severity } = rule as ClassificationRule;
      const row = typeof type === 'string' ? lookupErrorType(type) : undefined;
      if (row === undefined) continue;
      return result(row, SEVERITIES.has(severity) ? severity : undefined);
    } catch {
      continue;
    }
  }
  return undefined;
}

/** Runs `read`, turning a throw (a hostile rules array, say) into `undefined`. */
function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** A FaultError (any realm, any copy of faultline) keeps its own type and severity. */
function faultErrorResult(error: unknown): Classification | undefined {
  let matches: boolean;
  try {
    matches = isFaultError(error);
  } catch {
    return undefined;
  }
  if (!matches) return undefined;
  const type = readSafely(error, 'type');
  const code = readSafely(error, 'code');
  const row =
    (typeof type === 'string' ? lookupErrorType(type) : undefined) ??
    (typeof code === 'number' ? lookupErrorType(code) : undefined);
  if (row === undefined) return undefined;
  const severity = readSafely(error, 'severity');
  return result(row, SEVERITIES.has(severity) ? (severity as Severity) : undefined);
}

/** The built-in type of the error, refined by its causes while the result so far is generic. */
function classifyChain(top: ErrorFields): string | undefined {
  let type: string | undefined = classifyBuiltin(top);
  if (top.isResponse || !REFINABLE.has(type)) return type;
  let current = top.value;
  for (let depth = 0; depth < MAX_CAUSE_DEPTH; depth++) {
    const next = readNext(current);
    if (next === undefined || next === null) break;
    const fields = readErrorFields(next);
    const found =
      (fields.name === 'FaultError' ? faultErrorResult(next)?.type : undefined) ??
      classifyBuiltin(fields);
    if (found !== undefined && found !== 'unknown') type = found;
    if (!REFINABLE.has(type)) break;
    current = next;
  }
  return type;
}

function result(row: ErrorTypeDefinition, severity: Severity | undefined): Classification {
  const effective = severity ?? row.severity;
  let bySeverity = results.get(row);
  if (bySeverity === undefined) {
    bySeverity = new Map();
    results.set(row, bySeverity);
  }
  let cached = bySeverity.get(effective);
  if (cached === undefined) {
    cached = Object.freeze({
      type: row.type,
      code: row.code,
      category: row.category,
      subcategory: row.subcategory,
      severity: effective,
      transient: row.retry !== 'no_retry',
      retry: row.retry,
      userNotification: Object.freeze({ show: shouldShowUser(row), message: row.userMessage }),
    });
    bySeverity.set(effective, cached);
  }
  return cached;
}
