import { readFileSync } from 'node:fs';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { parseSpiderMonkeyJscFrame } from '../../src/stack/formats/spidermonkey-jsc.js';
import { parseV8Frame } from '../../src/stack/formats/v8.js';
import { createStackCursor, readCommonV8Frame } from '../../src/stack/formats/v8-common-frame.js';
import { parseStack } from '../../src/stack/parse-stack.js';
import type { StackFrame } from '../../src/stack/stack-frame.js';

// readCommonV8Frame is parseStack's fast path for the usual V8 line: every line it reads must
// give exactly parseV8Frame's frame, and the lines it leaves must be the unusual ones.

const realLines = ['node', 'deno', 'chromium', 'jsc', 'spidermonkey'].flatMap((engine) => {
  const url = new URL(`../fixtures/stacks/${engine}.json`, import.meta.url);
  const fixture = JSON.parse(readFileSync(url, 'utf8')) as { cases: { stack: string }[] };
  return fixture.cases.flatMap((entry) => entry.stack.split('\n'));
});

const pieces = fc.constantFrom(
  '    at ',
  'at ',
  ' ',
  '\t',
  '\r',
  '\u00a0',
  '(',
  ')',
  ' (',
  ':',
  ':1',
  ':0',
  ':12:5',
  ':1234567890',
  'async ',
  'async',
  'async*',
  'address at ',
  'eval at f (',
  ', <anonymous>',
  '<anonymous>',
  'index 1',
  'new Foo',
  'Object.<anonymous>',
  'https://app.example/main.js',
  'file:///C:/a b/x.js',
  'C:\\Program Files (x86)\\a.js',
);

const frameLine = fc.tuple(
  fc.constantFrom('    at ', '  at ', '\tat ', 'at ', '    at  '),
  fc.constantFrom('', 'load ', 'async load ', 'async* ', 'async ', 'new Foo ', 'a (b) '),
  fc.constantFrom('(', ''),
  fc.constantFrom('', 'async ', 'address at ', 'eval at f (x.js:1:2), '),
  fc.constantFrom('https://a.example/m.js', '/srv/app.js', 'x', 'w, <anonymous>', ''),
  fc.constantFrom(':12:5', ':0:1', ':1', ':12:0', ':1:1234567890', ''),
  fc.constantFrom(')', ''),
  fc.constantFrom('', ' ', '\r', ' \t'),
);

/** The fast path on `line` alone, and on the same line inside a stack read from its start. */
function expectSameAsParseV8Frame(line: string, before = '    at f (a.js:1:2)'): void {
  const fast = readCommonV8Frame(createStackCursor(line), 0, line.length);
  if (fast !== undefined) expect(fast).toEqual(parseV8Frame(line));
  const text = `${before}\n${line}\n    at g (b.js:3:4)`;
  const cursor = createStackCursor(text);
  readCommonV8Frame(cursor, 0, before.length);
  const start = before.length + 1;
  expect(readCommonV8Frame(cursor, start, start + line.length)).toEqual(fast);
}

/** Every line of `text` through one cursor, against `parseV8Frame` on each line. */
function expectStackAgrees(text: string): void {
  const cursor = createStackCursor(text);
  let start = 0;
  for (const line of text.split('\n')) {
    const fast = readCommonV8Frame(cursor, start, start + line.length);
    if (fast !== undefined) expect(fast).toEqual(parseV8Frame(line));
    start += line.length + 1;
  }
}

/**
 * parseStack as documented, line by line with the full parsers only: the last unbroken run of
 * frame lines in one format, blank and over-long lines skipped, at most 100 frames read.
 */
function referenceParseStack(stack: string): StackFrame[] {
  let frames: StackFrame[] = [];
  let format: string | undefined;
  let runEnded = false;
  for (const line of stack.split('\n')) {
    if (frames.length >= 100) break;
    if (line.length > 2000 || /^[\x00-\x20]*$/.test(line)) continue;
    const v8 = parseV8Frame(line);
    const frame = v8 ?? parseSpiderMonkeyJscFrame(line);
    const lineFormat = v8 ? 'v8' : 'other';
    if (!frame) runEnded = true;
    else {
      if (runEnded || lineFormat !== format) frames = [];
      format = lineFormat;
      runEnded = false;
      frames.push(frame);
    }
  }
  return frames;
}

describe('parseStack() with its V8 fast path', () => {
  it('reads stacks of mixed, mutated lines as the full parsers do', () => {
    const line = fc.oneof(
      fc.constantFrom(...realLines),
      frameLine.map((parts) => parts.join('')),
      fc.array(pieces, { maxLength: 6 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 30 }),
        fc.constantFrom('\n', '\r\n'),
        (lines, eol) => {
          const stack = lines.join(eol);
          expect(parseStack(stack)).toEqual(referenceParseStack(stack));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('readCommonV8Frame() against parseV8Frame()', () => {
  it('reads the usual V8 lines itself', () => {
    const line = '    at async Widget.load (https://app.example/main.js:12:5)';
    expect(readCommonV8Frame(createStackCursor(line), 0, line.length)).toEqual(parseV8Frame(line));
    const bare = '    at /srv/app.js:6:1';
    expect(readCommonV8Frame(createStackCursor(bare), 0, bare.length)).toEqual({
      file: '/srv/app.js',
      line: 6,
      column: 1,
    });
  });

  it('agrees on every line of the real-engine corpus', () => {
    let read = 0;
    for (const line of realLines) {
      expectSameAsParseV8Frame(line);
      if (readCommonV8Frame(createStackCursor(line), 0, line.length) !== undefined) read++;
    }
    expect(read).toBeGreaterThan(100);
  });

  it('agrees on lines built from the V8 grammar', () => {
    fc.assert(
      fc.property(frameLine, (parts) => expectSameAsParseV8Frame(parts.join(''))),
      { numRuns: 2000 },
    );
  });

  it('agrees on random mixtures of grammar fragments', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 4 })), { maxLength: 12 }), (p) =>
        expectSameAsParseV8Frame(p.join('')),
      ),
      { numRuns: 2000 },
    );
  });

  it('agrees on every line of every real stack, read in order through one cursor', () => {
    for (const engine of ['node', 'deno', 'chromium', 'jsc', 'spidermonkey']) {
      const url = new URL(`../fixtures/stacks/${engine}.json`, import.meta.url);
      const fixture = JSON.parse(readFileSync(url, 'utf8')) as { cases: { stack: string }[] };
      for (const entry of fixture.cases) expectStackAgrees(entry.stack);
    }
  });

  it('agrees on stacks of random grammar lines read through one cursor', () => {
    fc.assert(
      fc.property(
        fc.array(
          frameLine.map((parts) => parts.join('')),
          { maxLength: 12 },
        ),
        (lines) => expectStackAgrees(lines.join('\n')),
      ),
      { numRuns: 1000 },
    );
  });

  it('agrees on mutated real lines', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...realLines),
        fc.string({ unit: 'binary', maxLength: 6 }),
        fc.nat(),
        (line, insert, at) => {
          const position = at % (line.length + 1);
          const mutated = line.slice(0, position) + insert + line.slice(position);
          expectSameAsParseV8Frame(mutated);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
