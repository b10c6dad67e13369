import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/classify/classify.js';
import { failureType, isTransientFailure } from '../../../src/classify/failure-type.js';
import { materialize } from '../../fixtures/classify/materialize.js';

interface CorpusCase {
  readonly id: number;
  readonly source: string;
  readonly input: unknown;
}

const corpus = (
  JSON.parse(
    readFileSync(new URL('../../fixtures/classify/corpus.json', import.meta.url), 'utf8'),
  ) as CorpusCase[]
).map((entry) => {
  const value = materialize(entry.input);
  return { ...entry, value, full: classify(value), slim: failureType(value) };
});

/** The types a retry or a breaker decides on. */
const RELEVANT: ReadonlySet<string> = new Set([
  'network_error',
  'timeout',
  'rate_limited',
  'external_service_error',
  'service_unavailable',
  'cancelled',
  'authentication_failed',
  'permission_denied',
  'data_not_found',
]);

/**
 * Relevant entries that failureType() knowingly calls `unknown` (so not transient) or decides
 * otherwise, by reason. It carries only what resilience meets (1 KB budget); a caller who
 * retries these passes `shouldRetry: (e) => classify(e).transient`.
 */
const OUT_OF_SCOPE: Readonly<Record<string, readonly number[]>> = {
  'deliberate: 501 Not Implemented cannot be fixed by sending the request again': [82],
  'thrown strings: console and log lines, string abort reasons (fetch never throws one)': [
    9, 111, 142, 143, 145, 146, 147, 176, 199, 200, 231, 232, 233, 234, 267, 268, 290,
  ],
  'script, chunk and module loaders, service worker registration': [
    132, 162, 163, 164, 165, 166, 167, 175, 210, 444,
  ],
  'the rarer NSURLError texts of older Safari (-1003 host not found, -1200 TLS)': [205, 207],
  'IndexedDB connections': [125, 229],
  'runtimes and clients other than browsers, workerd, Deno 2 and Node.js fetch': [
    22, 99, 235, 236, 237, 306, 311, 312, 319, 323, 324, 407, 410, 439, 441, 443,
  ],
  'SDK, database and API-body errors': [
    342, 343, 345, 346, 347, 348, 349, 350, 351, 355, 356, 357, 414, 418, 421, 427, 431, 436, 437,
    438,
  ],
};
const outOfScope = new Set(Object.values(OUT_OF_SCOPE).flat());

const describeEntry = (entry: (typeof corpus)[number]) =>
  `#${entry.id} ${entry.source}: classify ${entry.full.type}, failureType ${entry.slim}`;

describe('failureType() against classify() on the real-world corpus', () => {
  const relevant = corpus.filter((entry) => RELEVANT.has(entry.full.type));

  it('never calls transient an entry that classify() calls permanent', () => {
    const falsePositives = corpus.filter((e) => isTransientFailure(e.value) && !e.full.transient);
    expect(falsePositives.map(describeEntry)).toEqual([]);
  });

  it('agrees on transience for every resilience-relevant entry it covers', () => {
    const misses = relevant.filter(
      (e) => !outOfScope.has(e.id) && isTransientFailure(e.value) !== e.full.transient,
    );
    expect(misses.map(describeEntry)).toEqual([]);
  });

  it('lists as out of scope only relevant entries it really misses', () => {
    const listed = corpus.filter((e) => outOfScope.has(e.id));
    expect(listed).toHaveLength(outOfScope.size);
    const agreeing = listed.filter(
      (e) => !RELEVANT.has(e.full.type) || isTransientFailure(e.value) === e.full.transient,
    );
    expect(agreeing.map(describeEntry)).toEqual([]);
  });

  it('names the same type as classify() for everything it would retry', () => {
    const retried = corpus.filter((e) => isTransientFailure(e.value));
    expect(retried.filter((e) => e.slim !== e.full.type).map(describeEntry)).toEqual([]);
  });

  it('reports its agreement', () => {
    const agree = (entries: typeof corpus) =>
      entries.filter((e) => isTransientFailure(e.value) === e.full.transient).length;
    const inScope = relevant.filter((e) => !outOfScope.has(e.id));
    const sameType = corpus.filter((e) => e.slim === e.full.type).length;
    const named = corpus.filter((e) => e.slim !== 'unknown');
    const namedSame = named.filter((e) => e.slim === e.full.type).length;
    const percent = (n: number, of: number) => `${n}/${of} (${((n / of) * 100).toFixed(1)}%)`;
    console.info(
      [
        'failureType() vs classify() on the corpus:',
        `  transient agrees, relevant entries: ${percent(agree(relevant), relevant.length)}`,
        `  transient agrees, relevant entries in scope: ${percent(agree(inScope), inScope.length)}`,
        `  transient agrees, all entries: ${percent(agree(corpus), corpus.length)}`,
        `  same type, all entries: ${percent(sameType, corpus.length)}`,
        `  same type, where failureType() names one: ${percent(namedSame, named.length)}`,
      ].join('\n'),
    );
    expect(agree(inScope)).toBe(inScope.length);
  });
});
