import type { WireEvent } from '../wire/event-schema.js';
import { systemClock, type Clock } from '../runtime/clock.js';
import { createId } from '../runtime/random-id.js';
import { parseStack } from '../stack/parse-stack.js';
import type { StackFrame } from '../stack/stack-frame.js';
import { describeThrown, type FromOptions } from './describe-thrown.js';
import { resolveErrorType } from './registry.js';
import type { Category, ErrorType, RetryHint, Severity } from './taxonomy.js';
import { toWireError } from './to-wire-error.js';

/** Options of the {@link FaultError} constructor; every field is optional. */
export interface FaultErrorOptions {
  /** The error this one wraps (ES2022 `cause`). Kept as is; `toJSON` bounds the chain. */
  readonly cause?: unknown;
  /** Plain data about the failure. Default `{}`. */
  readonly context?: Readonly<Record<string, unknown>>;
  /** W3C trace id or another id that joins related events. */
  readonly correlationId?: string;
  /** Overrides the taxonomy's severity for this one error. */
  readonly severity?: Severity;
  /** Overrides the taxonomy's user message. */
  readonly userMessage?: string;
  /** Overrides the taxonomy's recovery hints. */
  readonly recovery?: readonly string[];
  /** Event id. Default: a random UUID, made on first read. */
  readonly id?: string;
  /** When it happened, ms since the epoch. Default: `clock.now()`. */
  readonly timestamp?: number;
  /** Name of the original error this one stands for, e.g. `'TypeError'`. */
  readonly originalName?: string;
  /** Use this stack instead of capturing one (what `FaultError.from` does). */
  readonly stack?: string;
  /**
   * Capture a stack trace. Default `true`. Turn it off on hot paths (an open circuit rejects
   * thousands of calls a second; capturing a stack costs about 2 µs each).
   */
  readonly captureStack?: boolean;
  /** Time source. Default: the system clock. */
  readonly clock?: Clock;
}

function isOwnFaultError(value: unknown): value is FaultError {
  try {
    return value instanceof FaultError;
  } catch {
    return false; // a Proxy whose getPrototypeOf trap throws
  }
}

/** `Error.stackTraceLimit` of V8 and JavaScriptCore; other engines may not have it. */
type ErrorWithLimit = { stackTraceLimit?: unknown };

/**
 * The one error type faultline hands to users (SPEC §2): a taxonomy row (`code`, `type`,
 * `category`, `severity`, `retry`, …) plus the facts of one failure. Not subclassed per code;
 * the taxonomy is data. Use {@link FaultError.from} to normalise anything that was thrown.
 *
 * @example
 * throw new FaultError('timeout', 'GET /api/cart took over 5 s', { context: { ms: 5000 } });
 */
export class FaultError extends Error {
  static {
    Object.defineProperty(this.prototype, 'name', {
      value: 'FaultError',
      writable: true,
      configurable: true,
    });
  }

  declare readonly name: 'FaultError';
  /** Stable numeric code from the taxonomy, e.g. `4301`. */
  readonly code: number;
  /** Stable snake_case type, e.g. `'timeout'`. */
  readonly type: ErrorType;
  readonly category: Category;
  readonly subcategory: string;
  readonly severity: Severity;
  /** How to retry; `no_retry` means the error is not transient. */
  readonly retry: RetryHint;
  /** Suggested recovery actions, most useful first. */
  readonly recovery: readonly string[];
  /** A sentence safe to show an end user. */
  readonly userMessage: string;
  /** Plain data about the failure. */
  readonly context: Readonly<Record<string, unknown>>;
  readonly correlationId: string | undefined;
  /** When it happened, ms since the epoch. */
  readonly timestamp: number;
  /** Name of the original error, e.g. `'TypeError'`, when this one wraps another. */
  readonly originalName: string | undefined;
  #id: string | undefined;
  #frames: readonly StackFrame[] | undefined;

  /**
   * @param type - a built-in or registered type name; an unregistered name becomes `unknown`
   *   with `context.unregisteredType` set (a constructor must not throw while reporting).
   * @param message - what went wrong, for developers.
   */
  constructor(type: ErrorType, message = '', options: FaultErrorOptions = {}) {
    const errorClass = Error as ErrorWithLimit;
    const limit = errorClass.stackTraceLimit;
    const skipCapture =
      (options.stack !== undefined || options.captureStack === false) && typeof limit === 'number';
    // A limit of 0 still makes the engine build the `Name: message` header; a limit that is not
    // a number makes V8 and JavaScriptCore skip the stack altogether (half the constructor's
    // cost), which is right when the stack is given anyway.
    if (skipCapture) errorClass.stackTraceLimit = options.stack === undefined ? 0 : undefined;
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    if (skipCapture) errorClass.stackTraceLimit = limit;
    if (options.stack !== undefined) this.stack = options.stack;
    const row = resolveErrorType(type);
    this.code = row.code;
    this.type = row.type;
    this.category = row.category;
    this.subcategory = row.subcategory;
    this.severity = options.severity ?? row.severity;
    this.retry = row.retry;
    this.recovery = options.recovery ?? row.recovery;
    this.userMessage = options.userMessage ?? row.userMessage;
    this.context =
      row.type === type ? (options.context ?? {}) : { ...options.context, unregisteredType: type };
    this.correlationId = options.correlationId;
    this.timestamp = options.timestamp ?? (options.clock ?? systemClock).now();
    this.originalName = options.originalName;
    this.#id = options.id;
  }

  /** Event id: a random UUID unless one was given, made on first read. */
  get id(): string {
    return (this.#id ??= createId());
  }

  /** True exactly when the retry hint is not `no_retry`. */
  get transient(): boolean {
    return this.retry !== 'no_retry';
  }

  /** The stack parsed into frames, most recent call first (parsed once, on first read). */
  get frames(): readonly StackFrame[] {
    return (this.#frames ??= parseStack(this.stack ?? ''));
  }

  /**
   * Normalises anything that was thrown into a FaultError, typing it and keeping its stack (no
   * new stack is captured). A FaultError is returned as is unless options change it; one from
   * another realm is rebuilt. Never throws. The type comes from the compact `failureType`
   * (network, timeout, abort, HTTP status, bug, JSON parse) unless `options.classifier` is
   * given: pass `classify` for the whole taxonomy and your rules.
   *
   * @example
   * try { JSON.parse(body); } catch (e) { throw FaultError.from(e); } // deserialization_failed
   * FaultError.from(thrown, { classifier: (e) => classify(e, myRules) });
   */
  static from(value: unknown, options: FromOptions = {}): FaultError {
    if (isOwnFaultError(value) && Object.keys(options).length === 0) return value;
    const described = describeThrown(value, options);
    return new FaultError(described.type, described.message, described.options);
  }

  /** The wire form of SPEC §6, bounded: message, stack, frames, context and causes are capped. */
  toJSON(): WireEvent {
    return toWireError(this);
  }
}
