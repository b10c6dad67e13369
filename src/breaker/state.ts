import { FaultError } from '../errors/fault-error.js';

/** The three states of a breaker (SPEC §3). */
export type BreakerStateName = 'closed' | 'open' | 'half_open';

interface SnapshotBase {
  /** Bumped on every transition; a shared store accepts a transition only from the revision it replaces. */
  readonly revision: number;
  /** Opens in a row without a successful close; grows the wait before the next probe. */
  readonly opens: number;
}

/** A closed breaker: calls run and their outcomes feed the trigger. */
export interface ClosedSnapshot extends SnapshotBase {
  readonly state: 'closed';
}

/** An open breaker: calls fail fast until `halfOpenAt`. */
export interface OpenSnapshot extends SnapshotBase {
  readonly state: 'open';
  /** When it opened, ms since the epoch. */
  readonly openedAt: number;
  /** When the next probe may run, ms since the epoch. */
  readonly halfOpenAt: number;
}

/** A half-open breaker: its probes run, every other call fails fast. */
export interface HalfOpenSnapshot extends SnapshotBase {
  readonly state: 'half_open';
  /** When the probes' lease ends, ms since the epoch: a probe still running then has failed. */
  readonly probeUntil: number;
}

/**
 * A breaker's shared state as a string-tagged union (STYLE §2 item 7). Wall-clock times, so a
 * snapshot means the same in every process that shares it.
 */
export type BreakerSnapshot = ClosedSnapshot | OpenSnapshot | HalfOpenSnapshot;

/** The serialised form of a {@link BreakerSnapshot}: `toJSON()` output, `restore()` input. */
export type BreakerStateJSON = BreakerSnapshot & { readonly version: 1 };

/** The snapshot of a breaker that never ran. */
export const INITIAL_SNAPSHOT: ClosedSnapshot = Object.freeze({
  state: 'closed',
  revision: 0,
  opens: 0,
});

/** The versioned JSON form of a snapshot. */
export function snapshotToJSON(snapshot: BreakerSnapshot): BreakerStateJSON {
  return { version: 1, ...snapshot };
}

const TIME_FIELDS = { closed: [], open: ['openedAt', 'halfOpenAt'], half_open: ['probeUntil'] };

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * Reads a snapshot back from its JSON form (an object or a JSON string).
 *
 * @throws FaultError `format_error` (3202) naming the field that is wrong.
 */
export function snapshotFromJSON(input: unknown): BreakerSnapshot {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input) as unknown;
    } catch (error) {
      throw invalid('(root)', 'a JSON object', input, error);
    }
  }
  if (typeof value !== 'object' || value === null) throw invalid('(root)', 'an object', value);
  const record = value as Record<string, unknown>;
  if (record.version !== 1) throw invalid('version', 'the number 1', record.version);
  const state = record.state;
  if (state !== 'closed' && state !== 'open' && state !== 'half_open') {
    throw invalid('state', '"closed", "open" or "half_open"', state);
  }
  for (const field of ['revision', 'opens', ...TIME_FIELDS[state]]) {
    if (!isCount(record[field])) throw invalid(field, 'a non-negative integer', record[field]);
  }
  const base = { revision: record.revision as number, opens: record.opens as number };
  if (state === 'closed') return { state, ...base };
  if (state === 'open') {
    return {
      state,
      ...base,
      openedAt: record.openedAt as number,
      halfOpenAt: record.halfOpenAt as number,
    };
  }
  return { state, ...base, probeUntil: record.probeUntil as number };
}

function invalid(path: string, expected: string, received: unknown, cause?: unknown): FaultError {
  const shown = typeof received === 'string' ? received.slice(0, 80) : received;
  return new FaultError('format_error', `Invalid breaker state: ${path}: expected ${expected}`, {
    cause,
    context: { path, expected, received: shown },
  });
}
