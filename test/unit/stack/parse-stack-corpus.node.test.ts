import { describe, expect, it } from 'vitest';

import { parseStack } from '../../../src/stack/parse-stack.js';
import { CORPUS_ENGINES, loadCorpus } from './stack-corpus.js';

// Real stacks from real engines (test/fixtures/stacks/<engine>.json, made by gen-<engine>.mjs)
// against frames written by hand (expected-<engine>.json). A frame counts as right only when
// every field matches, absent fields included; a missing or extra frame counts as wrong.
const corpus = CORPUS_ENGINES.map((engine) => ({ engine, ...loadCorpus(engine) }));

function score(cases: ReturnType<typeof loadCorpus>['cases']) {
  let exact = 0;
  let total = 0;
  const wrong: string[] = [];
  for (const entry of cases) {
    const actual = parseStack(entry.stack);
    const length = Math.max(actual.length, entry.expected.length);
    for (let i = 0; i < length; i++) {
      total++;
      if (JSON.stringify(actual[i]) === JSON.stringify(entry.expected[i])) exact++;
      else
        wrong.push(
          `${entry.name} #${i}: ${JSON.stringify(actual[i])} ≠ ${JSON.stringify(entry.expected[i])}`,
        );
    }
  }
  return { exact, total, wrong };
}

describe('parseStack() on the real-engine corpus', () => {
  it('covers every engine with at least 15 stacks', () => {
    for (const { cases } of corpus) expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  it('parses at least 95% of all real frames exactly', () => {
    const all = score(corpus.flatMap(({ cases }) => cases));
    expect(all.exact / all.total).toBeGreaterThanOrEqual(0.95);
  });

  for (const { engine, version, cases } of corpus) {
    it(`parses every frame of ${engine} (${version}) exactly`, () => {
      const { exact, total, wrong } = score(cases);
      expect(wrong).toEqual([]);
      expect(exact).toBe(total);
    });
  }
});
