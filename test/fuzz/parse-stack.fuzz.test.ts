import { readFileSync } from 'node:fs';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { parseStack } from '../../src/stack/parse-stack.js';
import type { StackFrame } from '../../src/stack/stack-frame.js';

const FIELDS = new Set(['function', 'file', 'line', 'column']);

/** Lines of the real stacks in the corpus, as seeds for structured mutations. */
const realLines = ['node', 'deno', 'chromium', 'jsc', 'spidermonkey'].flatMap((engine) => {
  const url = new URL(`../fixtures/stacks/${engine}.json`, import.meta.url);
  const fixture = JSON.parse(readFileSync(url, 'utf8')) as { cases: { stack: string }[] };
  return fixture.cases.flatMap((entry) => entry.stack.split('\n'));
});

/** Fragments that matter to the parsers' grammar (separators, prefixes, special files). */
const grammar = fc.constantFrom(
  '(',
  ')',
  ' (',
  '@',
  ':',
  ':1',
  ':0',
  ':99999999999',
  ' ',
  '\t',
  '\r',
  '\n',
  '    at ',
  'at ',
  'async ',
  'async*',
  'eval at f (',
  ', <anonymous>',
  ' line 12 > eval',
  ' > Function',
  '<anonymous>',
  '[native code]',
  'index 1',
  'https://',
  'C:\\',
  '/',
  '\u0000',
  '\u2028',
  '\ud800',
);

type Mutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'repeat'; at: number; length: number; times: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: grammar }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat(40) }),
  fc.record({
    kind: fc.constant('repeat' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 12 }),
    times: fc.integer({ min: 2, max: 200 }),
  }),
);

function mutate(line: string, mutations: readonly Mutation[]): string {
  let text = line;
  for (const change of mutations) {
    const at = text.length === 0 ? 0 : change.at % (text.length + 1);
    if (change.kind === 'insert') text = text.slice(0, at) + change.text + text.slice(at);
    else if (change.kind === 'delete') text = text.slice(0, at) + text.slice(at + change.length);
    else {
      const piece = text.slice(at, at + change.length);
      text = text.slice(0, at) + piece.repeat(change.times) + text.slice(at);
    }
  }
  return text;
}

function expectWellFormed(frames: readonly StackFrame[]): void {
  expect(Array.isArray(frames)).toBe(true);
  expect(frames.length).toBeLessThanOrEqual(100);
  for (const frame of frames) {
    for (const [key, value] of Object.entries(frame)) {
      expect(FIELDS.has(key)).toBe(true);
      expect(value).not.toBeUndefined();
    }
    if ('function' in frame) expect(typeof frame.function).toBe('string');
    if ('file' in frame) expect(typeof frame.file).toBe('string');
    for (const position of [frame.line, frame.column]) {
      if (position !== undefined) {
        expect(Number.isInteger(position)).toBe(true);
        expect(position).toBeGreaterThan(0);
      }
    }
  }
}

function timed(stack: string): { frames: StackFrame[]; ms: number } {
  const start = performance.now();
  const frames = parseStack(stack);
  return { frames, ms: performance.now() - start };
}

describe('parseStack() under fuzzing', () => {
  it('returns well-formed frames for arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 3000 }), (text) => {
        expectWellFormed(parseStack(text));
      }),
      { numRuns: 400 },
    );
  });

  it('returns well-formed frames for strings built from the grammar of stack lines', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(grammar, fc.string()), { maxLength: 300 }), (pieces) => {
        expectWellFormed(parseStack(pieces.join('')));
      }),
      { numRuns: 400 },
    );
  });

  it('returns well-formed frames for mutated real stack lines', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...realLines), fc.array(mutation, { maxLength: 6 })), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.constantFrom('\n', '\r\n'),
        (lines, newline) => {
          const stack = lines.map(([line, changes]) => mutate(line, changes)).join(newline);
          expectWellFormed(parseStack(stack));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('parses 50 KB adversarial input in well under 50 ms', () => {
    const units = [
      '(',
      ')',
      '@',
      ':1',
      'a:',
      ' (',
      'eval at f (',
      ' line 1 > ',
      'at ',
      '@a',
      'x@https://',
      '1',
      ' ',
      'a(b',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...units),
        fc.constantFrom('    at f ', '    at ', '', 'f@', '@'),
        fc.constantFrom('', ')', ':1:1)', ':1:1'),
        (unit, prefix, suffix) => {
          const oneLine = prefix + unit.repeat(Math.ceil(50_000 / unit.length)) + suffix;
          const longest = prefix + unit.repeat(Math.floor((1990 - prefix.length) / unit.length));
          const manyLines = Array.from({ length: 26 }, () => longest + suffix).join('\n');
          for (const stack of [oneLine, manyLines]) {
            const { frames, ms } = timed(stack);
            expectWellFormed(frames);
            expect(ms).toBeLessThan(50);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('stops at 100 frames on a stack of 100 000 frame lines', () => {
    const stack = `Error: deep\n${'    at f (/a.js:1:1)\n'.repeat(100_000)}`;
    const { frames, ms } = timed(stack);
    expect(frames).toHaveLength(100);
    expect(ms).toBeLessThan(50);
  });
});
