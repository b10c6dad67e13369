import { readFileSync } from 'node:fs';

import type { StackFrame } from '../../../src/stack/stack-frame.js';

/** Engines with a raw fixture `<engine>.json` and hand-written `expected-<engine>.json`. */
export const CORPUS_ENGINES = ['node', 'deno', 'chromium', 'jsc', 'spidermonkey'] as const;

export type CorpusEngine = (typeof CORPUS_ENGINES)[number];

/** One real stack string with the frames expected from it. */
export interface CorpusCase {
  readonly engine: CorpusEngine;
  readonly name: string;
  readonly stack: string;
  readonly expected: readonly StackFrame[];
}

type Tuple = readonly [string | null, string | null, number | null, number | null];

interface RawFixture {
  readonly engine: string;
  readonly cases: readonly { readonly name: string; readonly stack: string }[];
}

interface ExpectedFixture {
  readonly limit?: number;
  readonly files: Readonly<Record<string, string>>;
  readonly tails: Readonly<Record<string, readonly Tuple[]>>;
  readonly cases: Readonly<
    Record<string, { readonly frames: readonly Tuple[]; readonly tail?: string }>
  >;
}

const directory = new URL('../../fixtures/stacks/', import.meta.url);

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(name, directory), 'utf8')) as T;
}

function toFrame(tuple: Tuple, files: Readonly<Record<string, string>>): StackFrame {
  const [fn, file, line, column] = tuple;
  const frame: { function?: string; file?: string; line?: number; column?: number } = {};
  if (fn !== null) frame.function = fn;
  if (file !== null) frame.file = files[file] ?? file;
  if (line !== null) frame.line = line;
  if (column !== null) frame.column = column;
  return frame;
}

/**
 * Loads one engine's real stacks with their expected frames, failing loudly when a raw stack has
 * no expectation or an expectation has no raw stack.
 */
export function loadCorpus(engine: CorpusEngine): { version: string; cases: CorpusCase[] } {
  const raw = readJson<RawFixture>(`${engine}.json`);
  const expected = readJson<ExpectedFixture>(`expected-${engine}.json`);
  const rawNames = raw.cases.map((entry) => entry.name).sort();
  const expectedNames = Object.keys(expected.cases).sort();
  if (rawNames.join('\n') !== expectedNames.join('\n')) {
    throw new Error(`${engine}: raw and expected cases differ`);
  }
  const cases = raw.cases.map((entry): CorpusCase => {
    const spec = expected.cases[entry.name];
    if (!spec) throw new Error(`${engine}: no expectation for ${entry.name}`);
    const tail = spec.tail === undefined ? [] : expected.tails[spec.tail];
    if (!tail) throw new Error(`${engine}: unknown tail ${String(spec.tail)}`);
    const tuples = [...spec.frames, ...tail].slice(0, expected.limit ?? Infinity);
    return {
      engine,
      name: entry.name,
      stack: entry.stack,
      expected: tuples.map((tuple) => toFrame(tuple, expected.files)),
    };
  });
  return { version: raw.engine, cases };
}
