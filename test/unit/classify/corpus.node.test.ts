import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/classify/classify.js';
import { materialize } from '../../fixtures/classify/materialize.js';

interface CorpusCase {
  readonly id: number;
  readonly source: string;
  readonly expected: string;
  readonly input: unknown;
}

const corpus = JSON.parse(
  readFileSync(new URL('../../fixtures/classify/corpus.json', import.meta.url), 'utf8'),
) as CorpusCase[];

const REQUIRED_ACCURACY = 0.95;

describe('classify() on the real-world corpus', () => {
  it('has at least 250 cases, each naming its source', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(250);
    for (const entry of corpus) expect(entry.source.length).toBeGreaterThan(3);
  });

  it(`classifies at least ${REQUIRED_ACCURACY * 100}% of the corpus right`, () => {
    const misses = corpus
      .map((entry) => ({ entry, actual: classify(materialize(entry.input)).type }))
      .filter(({ entry, actual }) => actual !== entry.expected);
    const accuracy = (corpus.length - misses.length) / corpus.length;
    const report = misses
      .map(
        ({ entry, actual }) =>
          `#${entry.id} ${entry.source}: expected ${entry.expected}, got ${actual}`,
      )
      .join('\n');
    console.info(
      `classify corpus: ${corpus.length - misses.length}/${corpus.length} right ` +
        `(${(accuracy * 100).toFixed(1)}%)${report ? `\nmisses:\n${report}` : ''}`,
    );
    expect(
      accuracy,
      `accuracy ${(accuracy * 100).toFixed(1)}%; misses:\n${report}`,
    ).toBeGreaterThanOrEqual(REQUIRED_ACCURACY);
  });

  it('never calls a programming error transient', () => {
    const bugs = corpus.filter((entry) => entry.expected === 'programming_error');
    for (const entry of bugs)
      expect(classify(materialize(entry.input)).transient, entry.source).toBe(false);
  });
});
