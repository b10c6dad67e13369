import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clientConfigSchema } from '../../src/config/client-schema.js';
import { parseConfig } from '../../src/config/parse-config.js';
import { isFaultError } from '../../src/errors/is-fault-error.js';

const nearlyValid = fc.record(
  {
    endpoint: fc.oneof(fc.webUrl(), fc.string(), fc.anything()),
    key: fc.oneof(fc.string(), fc.anything()),
    sampleRate: fc.oneof(fc.double(), fc.anything()),
    environment: fc.anything(),
    ignoreErrors: fc.oneof(fc.array(fc.string()), fc.anything()),
    buffer: fc.oneof(
      fc.record({ maxEvents: fc.anything(), overflow: fc.anything() }, { requiredKeys: [] }),
      fc.anything(),
    ),
    transport: fc.anything(),
  },
  { requiredKeys: [] },
);

describe('parseConfig() on arbitrary input', () => {
  it('returns a config or throws one config FaultError whose problems all have a path and an expectation', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), nearlyValid), (input) => {
        try {
          const config = parseConfig(clientConfigSchema, input);
          expect(config.sampleRate).toBeGreaterThanOrEqual(0);
          expect(config.buffer.maxEvents).toBeGreaterThanOrEqual(1);
        } catch (error) {
          expect(isFaultError(error)).toBe(true);
          const fault = error as {
            category: string;
            code: number;
            context: { problems: unknown[] };
          };
          expect(fault.category).toBe('config');
          expect(fault.context.problems.length).toBeGreaterThan(0);
          for (const problem of fault.context.problems as { path: string; expected: string }[]) {
            expect(typeof problem.path).toBe('string');
            expect(problem.expected.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
