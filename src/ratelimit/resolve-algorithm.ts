import { configError, type ConfigProblem } from '../config/config-problem.js';
import type { ResolvedLimiterAlgorithm } from './algorithm.js';
import { DEFAULT_GCRA_BURST } from './gcra.js';
import { positiveNumberProblem, wholeNumberProblem } from './number-problem.js';

const ALGORITHMS = "'token_bucket' or 'gcra'";
const MAX = Number.MAX_SAFE_INTEGER;

function collect(problems: ConfigProblem[], ...found: (ConfigProblem | undefined)[]): boolean {
  const before = problems.length;
  for (const problem of found) if (problem !== undefined) problems.push(problem);
  return problems.length === before;
}

/**
 * Reads the algorithm fields of `input`, pushing every problem found onto `problems`. Returns a
 * new plain object holding only those fields (defaults filled in), or `undefined` on problems.
 */
export function readLimiterAlgorithm(
  input: unknown,
  problems: ConfigProblem[],
): ResolvedLimiterAlgorithm | undefined {
  if (typeof input !== 'object' || input === null) {
    const expected = `an object with algorithm ${ALGORITHMS}`;
    problems.push({ kind: 'structure', path: '', received: input, expected });
    return undefined;
  }
  const fields = input as Readonly<Record<string, unknown>>;
  const { algorithm } = fields;
  if (algorithm === 'token_bucket') {
    const { capacity, refillPerSecond } = fields;
    // Debt is kept in thousandths of a token, which must stay exact integers.
    const ok = collect(
      problems,
      wholeNumberProblem(capacity, 'capacity', Math.floor(MAX / 1000)),
      positiveNumberProblem(refillPerSecond, 'refillPerSecond'),
    );
    return ok
      ? { algorithm, capacity: capacity as number, refillPerSecond: refillPerSecond as number }
      : undefined;
  }
  if (algorithm === 'gcra') {
    const { limit, periodMs } = fields;
    const burst = fields['burst'] === undefined ? DEFAULT_GCRA_BURST : fields['burst'];
    const ok = collect(
      problems,
      wholeNumberProblem(limit, 'limit'),
      wholeNumberProblem(periodMs, 'periodMs'),
      wholeNumberProblem(burst, 'burst'),
    );
    if (!ok) return undefined;
    const [l, p, b] = [limit as number, periodMs as number, burst as number];
    // The tolerance burst × periodMs is kept as an exact integer.
    const cap = Math.floor(MAX / p);
    return collect(problems, wholeNumberProblem(b, 'burst', cap))
      ? { algorithm, limit: l, periodMs: p, burst: b }
      : undefined;
  }
  problems.push({
    kind: algorithm === undefined ? 'missing' : 'value',
    path: 'algorithm',
    received: algorithm,
    expected: ALGORITHMS,
  });
  return undefined;
}

/**
 * Validates a `LimiterAlgorithm` from anywhere (options, a request body, storage) and fills
 * in its defaults (GCRA `burst` 1). Returns a new plain object with the algorithm fields only.
 *
 * @throws FaultError of the config family listing every problem with its path, the value
 *   received and what was expected: `invalid_config_value` (1201) for a bad number,
 *   `missing_required_field` (1102) for a missing one, `invalid_config_structure` (1101) for a
 *   non-object, `range_error` (1203) for a number too large to compute with exactly.
 * @example
 * resolveLimiterAlgorithm({ algorithm: 'gcra', limit: 100, periodMs: 60_000 });
 * // { algorithm: 'gcra', limit: 100, periodMs: 60000, burst: 1 }
 */
export function resolveLimiterAlgorithm(input: unknown): ResolvedLimiterAlgorithm {
  const problems: ConfigProblem[] = [];
  const algorithm = readLimiterAlgorithm(input, problems);
  if (algorithm === undefined) throw configError('rate limiter algorithm', problems);
  return algorithm;
}
