import { describe, expect, it } from 'vitest';
import { isFaultError } from '../../../src/errors/is-fault-error.js';
import {
  memoryLimiterStore,
  rateLimiter,
  resolveLimiterAlgorithm,
  type RateLimiterOptions,
} from '../../../src/ratelimit/index.js';
import { manualTime } from '../../support/manual-time.js';

const BUCKET = { algorithm: 'token_bucket', capacity: 5, refillPerSecond: 1 } as const;

interface Problem {
  readonly kind: string;
  readonly path: string;
  readonly received: unknown;
  readonly expected: string;
}

function refusal(options: unknown): { code: number; message: string; problems: Problem[] } {
  try {
    rateLimiter(options as RateLimiterOptions);
  } catch (error) {
    if (!isFaultError(error)) throw error;
    const problems = error.context['problems'] as Problem[];
    return { code: error.code, message: error.message, problems };
  }
  throw new Error('expected the options to be refused');
}

describe('rateLimiter() options', () => {
  it('lists every bad number with its path, the value received and what was expected', () => {
    const { code, message, problems } = refusal({
      algorithm: 'token_bucket',
      capacity: 0,
      refillPerSecond: Number.NaN,
    });
    expect(code).toBe(1201);
    expect(problems).toEqual([
      {
        kind: 'value',
        path: 'capacity',
        received: 0,
        expected: expect.stringMatching(/^a whole number from 1 to/),
      },
      {
        kind: 'value',
        path: 'refillPerSecond',
        received: 'NaN',
        expected: 'a finite number above 0',
      },
    ]);
    expect(message).toContain('capacity: expected a whole number from 1 to');
    expect(message).toContain('refillPerSecond: expected a finite number above 0, received "NaN"');
  });

  it('refuses non-integers, negatives and zero where a whole number is required', () => {
    const { code, problems } = refusal({
      algorithm: 'gcra',
      limit: 1.5,
      periodMs: -1000,
      burst: 0,
    });
    expect(code).toBe(1201);
    expect(problems.map((p) => [p.path, p.received])).toEqual([
      ['limit', 1.5],
      ['periodMs', -1000],
      ['burst', 0],
    ]);
    expect(refusal({ ...BUCKET, capacity: 2.5 }).problems[0]).toMatchObject({ path: 'capacity' });
    expect(refusal({ ...BUCKET, refillPerSecond: -1 }).problems[0]).toMatchObject({
      path: 'refillPerSecond',
      received: -1,
    });
    expect(refusal({ ...BUCKET, capacity: '5' }).problems[0]).toMatchObject({ received: '5' });
  });

  it('names a missing field or algorithm, and a value that is not an object', () => {
    expect(refusal({ algorithm: 'gcra', limit: 10 })).toMatchObject({
      code: 1102,
      problems: [{ kind: 'missing', path: 'periodMs' }],
    });
    expect(refusal({ capacity: 1 })).toMatchObject({
      code: 1102,
      problems: [{ path: 'algorithm', expected: "'token_bucket' or 'gcra'" }],
    });
    expect(refusal({ algorithm: 'leaky_bucket' })).toMatchObject({
      code: 1201,
      problems: [{ path: 'algorithm', received: 'leaky_bucket' }],
    });
    expect(refusal(null)).toMatchObject({ code: 1101, problems: [{ path: '' }] });
  });

  it('refuses numbers too large to compute with exactly', () => {
    expect(refusal({ ...BUCKET, capacity: 2 ** 52 })).toMatchObject({
      code: 1203,
      problems: [{ kind: 'range', path: 'capacity' }],
    });
    expect(
      refusal({ algorithm: 'gcra', limit: 1, periodMs: 2 ** 40, burst: 2 ** 20 }).problems,
    ).toMatchObject([{ kind: 'range', path: 'burst' }]);
  });

  it('checks clock, store and maxKeys alongside the algorithm', () => {
    const { problems } = refusal({
      ...BUCKET,
      capacity: -1,
      clock: { now: () => 0 },
      store: {},
    });
    expect(problems.map((p) => p.path)).toEqual(['capacity', 'clock', 'store']);
    expect(refusal({ ...BUCKET, maxKeys: 0 }).problems).toMatchObject([
      { path: 'maxKeys', received: 0 },
    ]);
    expect(refusal({ ...BUCKET, maxKeys: 10, store: memoryLimiterStore() })).toMatchObject({
      code: 1202,
      problems: [{ kind: 'constraint', path: 'maxKeys' }],
    });
  });

  it('accepts valid options, including fractional refill rates', () => {
    const time = manualTime();
    expect(() =>
      rateLimiter({ ...BUCKET, refillPerSecond: 0.25, clock: time.clock }),
    ).not.toThrow();
    expect(() =>
      rateLimiter({ algorithm: 'gcra', limit: 1, periodMs: 1, maxKeys: 1 }),
    ).not.toThrow();
  });
});

describe('resolveLimiterAlgorithm()', () => {
  it('fills in the GCRA burst default of 1 and keeps only the algorithm fields', () => {
    const input = { algorithm: 'gcra', limit: 100, periodMs: 60_000, clock: manualTime().clock };
    expect(resolveLimiterAlgorithm(input)).toEqual({
      algorithm: 'gcra',
      limit: 100,
      periodMs: 60_000,
      burst: 1,
    });
    expect(resolveLimiterAlgorithm({ ...BUCKET, maxKeys: 3 })).toEqual(BUCKET);
  });

  it('refuses input from the wire with the same config FaultError', () => {
    expect(() => resolveLimiterAlgorithm(JSON.parse('{"algorithm":"gcra","limit":"ten"}'))).toThrow(
      expect.objectContaining({ name: 'FaultError', code: 1102 }),
    );
  });
});
