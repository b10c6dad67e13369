// resolveClientConfig is the zod-free twin of clientConfigSchema: it must accept, fill in and
// refuse exactly as the schema does, which is the definition (SPEC §7).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveClientConfig } from '../../../src/config/client-config.js';
import { clientConfigSchema } from '../../../src/config/client-schema.js';
import { parseConfig } from '../../../src/config/parse-config.js';

type Outcome = { ok: true; value: unknown } | { ok: false; paths: string[]; code: number };

function outcome(run: () => unknown): Outcome {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    const { code, context } = error as { code: number; context: { problems: { path: string }[] } };
    return { ok: false, paths: [...new Set(context.problems.map((p) => p.path))].sort(), code };
  }
}

const anything = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.string({ maxLength: 8 }),
  fc.double(),
  fc.integer({ min: -5, max: 2_000_000_000 }),
  fc.constant(Number.NaN),
  fc.constant(Infinity),
  fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 }),
  fc.constant(/x/),
  fc.constant(() => null),
  fc.object({ maxDepth: 1 }),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, anything);
const int = (min: number, max: number) =>
  maybe(
    fc.oneof(
      fc.integer({ min, max }),
      fc.integer({ min: min - 3, max: max + 3 }),
      fc.constantFrom(-(2 ** 53), 2 ** 53, 1e300, -1e300),
    ),
  );
const patterns = maybe(
  fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.constant(/a+/), anything), { maxLength: 4 }),
);
const field = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });

const configs = fc.record(
  {
    endpoint: maybe(
      fc.constantFrom('https://errors.example.com', 'http://127.0.0.1:8787', 'ftp://x', 'nope', ''),
    ),
    key: maybe(fc.string({ maxLength: 300 })),
    release: field(maybe(fc.string({ maxLength: 140 }))),
    environment: field(maybe(fc.string({ maxLength: 140 }))),
    sampleRate: field(maybe(fc.double({ min: -1, max: 2 }))),
    ignoreErrors: field(patterns),
    allowUrls: field(patterns),
    denyUrls: field(patterns),
    beforeSend: field(maybe(fc.constant((event: unknown) => event))),
    maxBreadcrumbs: field(int(0, 100)),
    dedupeWindowMs: field(int(0, 86_400_000)),
    maxEventsPerFingerprint: field(int(1, 10_000)),
    buffer: field(
      maybe(
        fc.record(
          {
            maxEvents: field(int(1, 1_000_000)),
            maxBytes: field(int(1024, 1024 ** 3)),
            overflow: field(maybe(fc.constantFrom('drop_oldest', 'drop_newest', 'drop_all'))),
          },
          { requiredKeys: [] },
        ),
      ),
    ),
    transport: field(
      maybe(
        fc.record(
          {
            batchSize: field(int(1, 1000)),
            maxBatchBytes: field(int(1024, 1024 * 1024)),
            flushIntervalMs: field(int(0, 3_600_000)),
          },
          { requiredKeys: [] },
        ),
      ),
    ),
    eventBuffer: field(anything), // not config: left out of both results
  },
  { requiredKeys: [] },
);

describe('resolveClientConfig() against clientConfigSchema', () => {
  it('accepts, fills in and refuses exactly as the schema does', () => {
    fc.assert(
      fc.property(configs, (input) => {
        const ours = outcome(() => resolveClientConfig(input));
        const schema = outcome(() => parseConfig(clientConfigSchema, input, 'client config'));
        expect(ours).toEqual(schema);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses what is not an object, as the schema does', () => {
    for (const input of [null, undefined, 'x', 3, []]) {
      expect(outcome(() => resolveClientConfig(input))).toEqual(
        outcome(() => parseConfig(clientConfigSchema, input, 'client config')),
      );
    }
  });

  it('refuses integers beyond the safe range as out of range, as the schema does', () => {
    for (const maxBreadcrumbs of [-(2 ** 53), 2 ** 53, 1e300, 1.5, Infinity, Number.NaN]) {
      const input = { endpoint: 'https://errors.example.com', key: 'pk', maxBreadcrumbs };
      expect(outcome(() => resolveClientConfig(input))).toEqual(
        outcome(() => parseConfig(clientConfigSchema, input, 'client config')),
      );
    }
  });

  it('fills every default from the smallest valid config', () => {
    const input = { endpoint: 'https://errors.example.com', key: 'pk' };
    expect(resolveClientConfig(input)).toEqual(parseConfig(clientConfigSchema, input));
  });
});
