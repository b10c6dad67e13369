import { FaultError } from '../errors/fault-error.js';
import { toPlainData, truncate } from '../wire/to-plain-data.js';

/** What kind of problem a config value has; picks the config code (SPEC §2). */
export type ConfigProblemKind = 'structure' | 'missing' | 'value' | 'constraint' | 'range';

/** One problem found in a config: where, what was there, and what was expected. */
export interface ConfigProblem {
  readonly kind: ConfigProblemKind;
  /** Dot path to the value, e.g. `buffer.maxEvents`; `''` for the config itself. */
  readonly path: string;
  /** What was there (bounded plain data; `undefined` when missing). */
  readonly received: unknown;
  /** What would have been accepted, in words. */
  readonly expected: string;
}

const CODE_BY_KIND = {
  structure: 'invalid_config_structure',
  missing: 'missing_required_field',
  value: 'invalid_config_value',
  constraint: 'constraint_violation',
  range: 'range_error',
} as const;

const PRIORITY: readonly ConfigProblemKind[] = [
  'structure',
  'missing',
  'value',
  'constraint',
  'range',
];

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  try {
    return truncate(JSON.stringify(toPlainData(value)) ?? String(value), 80);
  } catch {
    return '[Unreadable]';
  }
}

/**
 * One config-family FaultError listing every problem, with path, received value and
 * expectation in the message and in `context.problems`. The code is that of the gravest kind
 * of problem present (structure 1101 › missing 1102 › value 1201 › constraint 1202 › range 1203).
 *
 * @example
 * throw configError('client config', [
 *   { kind: 'range', path: 'sampleRate', received: 2, expected: 'a number from 0 to 1' },
 * ]); // range_error: "Invalid client config (1 problem): sampleRate: expected …, received 2"
 */
export function configError(subject: string, problems: readonly ConfigProblem[]): FaultError {
  const kind = PRIORITY.find((k) => problems.some((p) => p.kind === k)) ?? 'value';
  const lines = problems.map(
    (p) => `${p.path || '(root)'}: expected ${p.expected}, received ${show(p.received)}`,
  );
  const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
  return new FaultError(CODE_BY_KIND[kind], `Invalid ${subject} (${count}): ${lines.join('; ')}`, {
    context: {
      problems: problems.map((p) => ({
        kind: p.kind,
        path: p.path,
        received: toPlainData(p.received),
        expected: p.expected,
      })),
    },
  });
}
