import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runInThisContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

import { parseStack } from '../../../src/stack/parse-stack.js';

// Live check in this Node (V8): throw real errors and compare parseStack with positions known
// from the source — this file's own lines (found by their marker comments; vitest maps stacks
// back to the .ts source) and scripts run through vm under chosen file names.

const thisFile = fileURLToPath(import.meta.url);
const ownLines = readFileSync(thisFile, 'utf8').split('\n');

function lineOf(marker: string): number {
  return ownLines.findIndex((line) => line.includes(marker) && !line.includes('lineOf(')) + 1;
}

function stackOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).stack ?? '';
  }
  throw new Error('expected a throw');
}

function liveThrower(): never {
  throw new TypeError('live'); // marker: live-throw
}

function liveCaller(): void {
  liveThrower(); // marker: live-call
}

class LiveWidget {
  constructor() {
    liveCaller(); // marker: live-constructor
  }
}

describe('parseStack() on errors thrown live in Node', () => {
  it('finds this file and the lines of each call, most recent first', () => {
    const frames = parseStack(stackOf(() => new LiveWidget()));
    expect(frames.slice(0, 3)).toMatchObject([
      { function: 'liveThrower', file: thisFile, line: lineOf('marker: live-throw') },
      { function: 'liveCaller', file: thisFile, line: lineOf('marker: live-call') },
      { function: 'new LiveWidget', file: thisFile, line: lineOf('marker: live-constructor') },
    ]);
  });

  it('reads exact columns, native frames and eval frames from a vm script', () => {
    const file = '/virtual/live app (v2)/@acme/script.js';
    const source = [
      'function inner(n) {',
      "  throw new Error('vm ' + n);",
      '}',
      '[1].map(function outer(n) {',
      "  return eval('inner(n)');",
      '});',
    ].join('\n');
    const frames = parseStack(stackOf(() => runInThisContext(source, { filename: file })));
    expect(frames.slice(0, 5)).toEqual([
      { function: 'inner', file, line: 2, column: 9 },
      { function: 'eval', file, line: 5, column: 10 },
      { function: 'outer', file, line: 5, column: 10 },
      { function: 'Array.map', file: '<anonymous>' },
      { file, line: 4, column: 5 },
    ]);
  });

  it('reads awaiting callers and Promise.all after an await', async () => {
    const file = 'C:\\Users\\dev\\live (x86)\\async.js';
    const source = [
      'async function fail() {',
      '  await null;',
      "  throw new Error('async');",
      '}',
      'async function all() {',
      '  await Promise.all([1, fail()]);',
      '}',
      'all();',
    ].join('\n');
    const promise = runInThisContext(source, { filename: file }) as Promise<void>;
    const error = await promise.then(
      () => new Error('expected a rejection'),
      (reason: unknown) => reason as Error,
    );
    // Node adds its own tick frame and the awaiting test function around the script's frames.
    const frames = parseStack(error.stack ?? '').filter((frame) => frame.file !== thisFile);
    expect(frames.filter((frame) => !frame.file?.startsWith('node:'))).toEqual([
      { function: 'fail', file, line: 3, column: 9 },
      { function: 'Promise.all' },
      { function: 'all', file, line: 6, column: 3 },
    ]);
  });

  it('skips the header of a real multi-line message', () => {
    const stack = stackOf(() => {
      throw new Error('first\n    at fake (https://evil.example/x.js:1:1)\nlast'); // marker: live-multiline
    });
    expect(parseStack(stack)[0]).toMatchObject({
      file: thisFile,
      line: lineOf('marker: live-multiline'),
    });
  });
});
