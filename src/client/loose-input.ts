/**
 * What callers hand the client, made valid for the wire: a level spelled the Sentry way, a
 * `Date` for a timestamp, `null` where an object was expected. The client never throws into the
 * app (SPEC §4), and an event it built must not be refused by the collector for a caller's
 * spelling; what cannot be read is left out rather than sent as is.
 *
 * @module
 */
import type { Severity } from '../errors/taxonomy.js';
import type { WireBreadcrumb } from '../wire/event-schema.js';
import { toPlainData } from '../wire/to-plain-data.js';

/** A breadcrumb's level on the wire. */
export type BreadcrumbLevel = NonNullable<WireBreadcrumb['level']>;

const SEVERITIES: Readonly<Record<string, Severity>> = {
  critical: 'critical',
  high: 'high',
  medium: 'medium',
  low: 'low',
  info: 'info',
  // The levels of Sentry and the console, for code that moves over.
  fatal: 'critical',
  error: 'high',
  warning: 'low',
  warn: 'low',
  log: 'info',
  debug: 'info',
};

const CRUMB_LEVELS: Readonly<Record<string, BreadcrumbLevel>> = {
  debug: 'debug',
  info: 'info',
  warning: 'warning',
  error: 'error',
  warn: 'warning',
  log: 'info',
  fatal: 'error',
  critical: 'error',
};

/**
 * The severity `value` names (a taxonomy severity, or a Sentry or console level); `undefined`
 * for anything else.
 *
 * @example
 * severityOf('warning'); // 'low'
 */
export function severityOf(value: unknown): Severity | undefined {
  return typeof value === 'string' && Object.hasOwn(SEVERITIES, value)
    ? SEVERITIES[value]
    : undefined;
}

/**
 * The breadcrumb level `value` names (`warn` is `warning`, `log` is `info`); `undefined` for
 * anything else.
 *
 * @example
 * crumbLevelOf('warn'); // 'warning'
 */
export function crumbLevelOf(value: unknown): BreadcrumbLevel | undefined {
  return typeof value === 'string' && Object.hasOwn(CRUMB_LEVELS, value)
    ? CRUMB_LEVELS[value]
    : undefined;
}

/**
 * A time in ms since the epoch: a finite number ≥ 0 as it is, a valid `Date` as its time,
 * `now` otherwise.
 *
 * @example
 * timestampOf(new Date(0), Date.now()); // 0
 */
export function timestampOf(value: unknown, now: number): number {
  const ms = value instanceof Date ? value.getTime() : value;
  return typeof ms === 'number' && Number.isFinite(ms) && ms >= 0 ? ms : now;
}

/**
 * What a fingerprint hint hashes: a string or number as one part; an array's items each after a
 * NUL, so `['ab', 'c']` and `['a', 'bc']` differ; `undefined` (group as usual) for anything
 * else, `null` included.
 *
 * @example
 * fingerprintParts(['checkout', 402]); // ['\0', 'checkout', '\0', '402']
 */
export function fingerprintParts(value: unknown): string[] | undefined {
  if (typeof value === 'string' || typeof value === 'number') return [String(value)];
  if (!Array.isArray(value)) return undefined;
  return value.flatMap((part) => [
    '\0',
    typeof part === 'string' ? part : String(toPlainData(part)),
  ]);
}

/**
 * `value` as bounded plain data if it is an object (never throws: hostile getters and revoked
 * proxies become markers); `undefined` for anything else.
 *
 * @example
 * recordOf({ id: 7 }); // { id: 7 }
 * recordOf(null); // undefined
 */
export function recordOf(value: unknown): Record<string, unknown> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const plain = toPlainData(value);
  return typeof plain === 'object' && plain !== null && !Array.isArray(plain)
    ? (plain as Record<string, unknown>)
    : undefined;
}
