import { describe, expect, it } from 'vitest';
import { clientConfigSchema } from '../../../src/config/client-schema.js';
import { parseConfig } from '../../../src/config/parse-config.js';
import { FaultError } from '../../../src/errors/fault-error.js';

const MINIMAL = { endpoint: 'https://errors.example.com', key: 'pk_live_1' };

function failure(input: unknown): FaultError {
  try {
    parseConfig(clientConfigSchema, input, 'client config');
  } catch (error) {
    if (error instanceof FaultError) return error;
    throw error;
  }
  throw new Error('expected the config to be refused');
}

describe('parseConfig(clientConfigSchema)', () => {
  it('fills in every default', () => {
    expect(parseConfig(clientConfigSchema, MINIMAL)).toEqual({
      ...MINIMAL,
      environment: 'production',
      sampleRate: 1,
      ignoreErrors: [],
      allowUrls: [],
      denyUrls: [],
      maxBreadcrumbs: 100,
      dedupeWindowMs: 60_000,
      maxEventsPerFingerprint: 10,
      buffer: { maxEvents: 1000, maxBytes: 5 * 1024 * 1024, overflow: 'drop_oldest' },
      transport: { batchSize: 100, maxBatchBytes: 512 * 1024, flushIntervalMs: 1000 },
    });
  });

  it('fills in defaults inside a partly given nested object', () => {
    const config = parseConfig(clientConfigSchema, { ...MINIMAL, buffer: { maxEvents: 5000 } });
    expect(config.buffer).toEqual({
      maxEvents: 5000,
      maxBytes: 5 * 1024 * 1024,
      overflow: 'drop_oldest',
    });
  });

  it('accepts RegExps and functions where they belong', () => {
    const beforeSend = (e: unknown) => e;
    const config = parseConfig(clientConfigSchema, {
      ...MINIMAL,
      ignoreErrors: [/ResizeObserver/, 'Script error.'],
      beforeSend,
    });
    expect(config.ignoreErrors).toHaveLength(2);
    expect(config.beforeSend).toBe(beforeSend);
  });

  it('lists every problem with its path, the value received and what was expected', () => {
    const error = failure({
      endpoint: 'ftp://x',
      sampleRate: 2,
      buffer: { overflow: 'drop_random' },
      ignoreErrors: [42],
    });
    const problems = error.context.problems as {
      kind: string;
      path: string;
      received: unknown;
      expected: string;
    }[];
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: 'endpoint',
          received: 'ftp://x',
          expected: 'an http(s) URL',
        }),
        expect.objectContaining({ kind: 'missing', path: 'key', received: null }),
        expect.objectContaining({
          kind: 'range',
          path: 'sampleRate',
          received: 2,
          expected: 'a value ≤ 1',
        }),
        expect.objectContaining({
          path: 'buffer.overflow',
          received: 'drop_random',
          expected: 'one of "drop_oldest", "drop_newest"',
        }),
        expect.objectContaining({
          path: 'ignoreErrors.0',
          received: 42,
          expected: 'a string or a RegExp',
        }),
      ]),
    );
    expect(problems).toHaveLength(5);
    expect(error.message).toContain('sampleRate: expected a value ≤ 1, received 2');
    expect(error.category).toBe('config');
  });

  it('picks the code of the gravest kind of problem', () => {
    expect(failure({ ...MINIMAL, sampleRate: 2 }).code).toBe(1203);
    expect(failure({ ...MINIMAL, sampleRate: 'all' }).code).toBe(1201);
    expect(failure({ endpoint: MINIMAL.endpoint }).code).toBe(1102);
    expect(failure('https://errors.example.com').code).toBe(1101);
    expect(failure(null).code).toBe(1101);
  });
});
