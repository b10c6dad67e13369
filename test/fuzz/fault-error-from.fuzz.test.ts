import fc from 'fast-check';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { FaultError } from '../../src/errors/fault-error.js';
import { wireEventSchema } from '../../src/wire/event-schema.js';

const errorLike = fc.record(
  {
    name: fc.oneof(
      fc.string(),
      fc.constantFrom('TypeError', 'AbortError', 'ZodError', 'FaultError'),
    ),
    message: fc.oneof(fc.string(), fc.anything()),
    stack: fc.oneof(fc.string(), fc.constant('Error: x\n    at f (file.js:1:2)')),
    status: fc.oneof(fc.integer({ min: -1, max: 999 }), fc.anything()),
    code: fc.oneof(fc.integer(), fc.string(), fc.constantFrom('ECONNRESET', 'ETIMEDOUT')),
    issues: fc.anything(),
    cause: fc.anything(),
    type: fc.anything(),
  },
  { requiredKeys: [] },
);

function hostile(value: object): object {
  return new Proxy(value, {
    get(target, key) {
      if (key === 'message') throw new Error('trap');
      return Reflect.get(target, key);
    },
    ownKeys() {
      throw new Error('trap');
    },
  });
}

describe('FaultError.from() on arbitrary input', () => {
  it('never throws and always yields a wire event the schema accepts', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything({ withBigInt: true, withMap: true, withSet: true, withDate: true }),
          errorLike,
        ),
        (value) => {
          const error = FaultError.from(value);
          expect(error).toBeInstanceOf(FaultError);
          const wire = JSON.parse(JSON.stringify(error));
          const result = z.safeParse(wireEventSchema, wire);
          expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('survives hostile proxies around error-like objects', () => {
    fc.assert(
      fc.property(errorLike, (value) => {
        expect(FaultError.from(hostile(value))).toBeInstanceOf(FaultError);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the type consistent with the retry hint', () => {
    fc.assert(
      fc.property(errorLike, (value) => {
        const error = FaultError.from(value);
        expect(error.transient).toBe(error.retry !== 'no_retry');
      }),
    );
  });
});
