import { failureType } from '../classify/failure-type.js';
import { isResponseLike } from '../classify/read-error-fields.js';
import type { Clock } from '../runtime/clock.js';
import { WIRE_LIMITS } from '../wire/limits.js';
import { toPlainData, truncate, type PlainData } from '../wire/to-plain-data.js';
import type { FaultErrorOptions } from './fault-error.js';
import { isFaultError } from './is-fault-error.js';
import { readSafely, readString } from './read-safely.js';
import type { ErrorType } from './taxonomy.js';

/** Options of `FaultError.from`. */
export interface FromOptions {
  /** Use this type instead of classifying. */
  readonly type?: ErrorType;
  /** Use this message instead of the original's. */
  readonly message?: string;
  /** Merged over the context read from the original (own properties such as `code`). */
  readonly context?: Readonly<Record<string, unknown>>;
  readonly correlationId?: string;
  /**
   * Picks the type of what was thrown. Default: `failureType`, the compact classifier that
   * knows network failures of every runtime, timeouts, aborts, HTTP statuses, programming
   * errors and JSON parse errors, so a FaultError does not carry `classify()`'s full tables
   * into every bundle (SPEC §1 size budgets). Pass `classify` (optionally with your rules:
   * `(e) => classify(e, rules)`) for the whole taxonomy.
   */
  readonly classifier?: (thrown: unknown) => { readonly type: ErrorType } | ErrorType;
  /** Time source for the timestamp. Default: the system clock. */
  readonly clock?: Clock;
}

/** Constructor arguments for a FaultError standing for a thrown value. */
export interface ThrownDescription {
  readonly type: ErrorType;
  readonly message: string;
  readonly options: FaultErrorOptions;
}

type Fields = { -readonly [K in keyof FaultErrorOptions]: FaultErrorOptions[K] };

const OWN_FIELDS = new Set(['name', 'message', 'stack', 'cause']);
const MAX_SUMMARY = 200;

/**
 * Works out type, message, stack, cause and context for whatever was thrown. Never throws:
 * hostile values (throwing getters, revoked proxies) come out as `unknown` with a fixed message.
 */
export function describeThrown(value: unknown, options: FromOptions): ThrownDescription {
  const fields: Fields = { captureStack: false };
  if (options.clock !== undefined) fields.clock = options.clock;
  let type: ErrorType = options.type ?? 'unknown';
  let message: string;
  try {
    if (options.type === undefined) type = classifyWith(options.classifier, value);
    message = describeInto(fields, value);
  } catch {
    message = 'Unreadable thrown value';
  }
  if (options.context !== undefined) fields.context = { ...fields.context, ...options.context };
  if (options.correlationId !== undefined) fields.correlationId = options.correlationId;
  fields.stack ??= `FaultError: ${options.message ?? message}`;
  return {
    type,
    message: truncate(options.message ?? message, WIRE_LIMITS.messageLength),
    options: fields,
  };
}

function classifyWith(classifier: FromOptions['classifier'], value: unknown): ErrorType {
  if (classifier === undefined) return failureType(value);
  const result = classifier(value);
  return typeof result === 'string' ? result : result.type;
}

function describeInto(fields: Fields, value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' && typeof value !== 'function') {
    return `Non-error value thrown: ${String(value)}`;
  }
  if (value === null) return 'Non-error value thrown: null';
  if (isFaultError(value)) return describeFaultError(fields, value);
  if (isResponseLike(value)) return describeResponse(fields, value);
  const message = readString(value, 'message');
  const stack = readString(value, 'stack');
  if (value instanceof Error || (message !== undefined && stack !== undefined)) {
    return describeError(fields, value, message ?? '', stack);
  }
  fields.context = asRecord(toPlainData(value));
  return message ?? readString(readSafely(value, 'error'), 'message') ?? summarise(value);
}

function describeFaultError(fields: Fields, value: object): string {
  const stack = readString(value, 'stack');
  if (stack !== undefined) fields.stack = stack;
  const context = readSafely(value, 'context');
  if (typeof context === 'object' && context !== null) fields.context = { ...context };
  for (const key of ['correlationId', 'id', 'originalName'] as const) {
    const text = readString(value, key);
    if (text !== undefined) fields[key] = text;
  }
  const timestamp = readSafely(value, 'timestamp');
  if (typeof timestamp === 'number') fields.timestamp = timestamp;
  const cause = readSafely(value, 'cause');
  if (cause !== undefined) fields.cause = cause;
  return readString(value, 'message') ?? '';
}

function describeResponse(fields: Fields, response: object): string {
  const status = readSafely(response, 'status') as number;
  const statusText = readString(response, 'statusText') ?? '';
  const url = readString(response, 'url') ?? '';
  fields.context = { status, statusText, url };
  fields.originalName = 'Response';
  return `HTTP ${status}${statusText ? ` ${statusText}` : ''}`;
}

function describeError(fields: Fields, error: object, message: string, stack?: string): string {
  if (stack !== undefined) fields.stack = stack;
  const name = readString(error, 'name');
  if (name !== undefined) fields.originalName = name;
  const cause = readSafely(error, 'cause');
  if (cause !== undefined) fields.cause = cause;
  const extra: Record<string, unknown> = {};
  for (const key of Object.keys(error)) {
    if (!OWN_FIELDS.has(key)) extra[key] = readSafely(error, key);
  }
  const issues = readSafely(error, 'issues');
  if (name === 'ZodError' && Array.isArray(issues)) {
    extra.issues = issues.slice(0, 20).map(summariseIssue);
    message = issues
      .slice(0, 5)
      .map((issue) => describeIssue(summariseIssue(issue)))
      .join('; ');
  }
  if (Object.keys(extra).length > 0) fields.context = asRecord(toPlainData(extra));
  return message;
}

function summariseIssue(issue: unknown): { path: string; code: string; message: string } {
  const path = readSafely(issue, 'path');
  return {
    path: Array.isArray(path) ? path.map(String).join('.') : '',
    code: readString(issue, 'code') ?? 'unknown',
    message: readString(issue, 'message') ?? '',
  };
}

function describeIssue(issue: { path: string; message: string }): string {
  return `${issue.path || '(root)'}: ${issue.message}`;
}

function summarise(value: object): string {
  let json: string;
  try {
    json = JSON.stringify(toPlainData(value, { depth: 2, entries: 10, stringLength: 50 }));
  } catch {
    json = '[Unreadable]';
  }
  return `Non-error object thrown: ${truncate(json, MAX_SUMMARY)}`;
}

function asRecord(data: PlainData): Record<string, unknown> {
  return typeof data === 'object' && data !== null && !Array.isArray(data) ? data : { value: data };
}
