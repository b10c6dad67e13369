import { describe, expect, it } from 'vitest';

import { parseStack } from '../../../src/stack/parse-stack.js';

// Behaviour shared by every format: which lines are frames, and the bounds. Per-engine line
// shapes are in formats/*.test.ts, real-engine stacks in parse-stack-corpus.test.ts.

describe('parseStack() message handling', () => {
  it('does not read message lines as frames, even ones shaped like frames', () => {
    const stack = [
      'Error: first line',
      '    at fakeFrame (https://evil.example/fake.js:1:1)',
      'last line',
      '    at multiLine (https://app.example/main.js:102:9)',
    ].join('\n');
    expect(parseStack(stack)).toEqual([
      { function: 'multiLine', file: 'https://app.example/main.js', line: 102, column: 9 },
    ]);
  });

  it('does not read unindented "at" message lines or user@host text as frames', () => {
    expect(parseStack('Error: retry\nat least one request failed (code 5)')).toEqual([]);
    const stack = 'Error: refused by admin@db.example:5432\n    at connect (/srv/db.js:8:3)';
    expect(parseStack(stack)).toEqual([
      { function: 'connect', file: '/srv/db.js', line: 8, column: 3 },
    ]);
  });

  it('keeps the frames when text that is not a frame follows them', () => {
    const stack =
      'Error: x\n    at f (/a.js:1:2)\n    at g (/a.js:3:4)\n--- appended by a logger ---';
    expect(parseStack(stack).map((frame) => frame.function)).toEqual(['f', 'g']);
  });

  it('accepts CRLF line endings and tabs', () => {
    expect(parseStack('Error: x\r\n\tat f (/a.js:1:2)\r\n    at g (/a.js:3:4)\r\n')).toEqual([
      { function: 'f', file: '/a.js', line: 1, column: 2 },
      { function: 'g', file: '/a.js', line: 3, column: 4 },
    ]);
  });
});

describe('parseStack() bounds', () => {
  it('returns no frames for empty, message-only and non-string input', () => {
    expect(parseStack('')).toEqual([]);
    expect(parseStack('Error: timeout at 12:30\nplease retry')).toEqual([]);
    expect(parseStack(undefined as unknown as string)).toEqual([]);
    expect(parseStack({ toString: () => 'x' } as unknown as string)).toEqual([]);
  });

  it('never sets a field to undefined', () => {
    const frames = parseStack('Error\n    at async Promise.all (index 0)\n    at <anonymous>');
    for (const frame of frames) {
      for (const value of Object.values(frame)) expect(value).not.toBeUndefined();
    }
    expect(Object.keys(frames[0] ?? {})).toEqual(['function']);
    expect(Object.keys(frames[1] ?? {})).toEqual(['file']);
  });

  it('returns at most 100 frames, the most recent ones', () => {
    const lines = Array.from({ length: 250 }, (_, i) => `    at f${i} (/a.js:${i + 1}:1)`);
    const frames = parseStack(`Error: deep\n${lines.join('\n')}`);
    expect(frames).toHaveLength(100);
    expect(frames[0]?.function).toBe('f0');
    expect(frames[99]?.function).toBe('f99');
  });

  it('skips lines over 2000 characters without losing the frames around them', () => {
    const long = `    at huge (https://app.example/${'a'.repeat(2100)}.js:1:1)`;
    const stack = `Error: x\n    at a (/a.js:1:1)\n${long}\n    at b (/a.js:2:1)`;
    expect(parseStack(stack).map((frame) => frame.function)).toEqual(['a', 'b']);
    expect(parseStack(`Error: ${'m'.repeat(5000)}\n    at a (/a.js:1:1)`)).toHaveLength(1);
  });

  it('keeps impossible positions (zero, too many digits) in the file', () => {
    expect(parseStack('    at f (/a.js:0:0)')).toEqual([{ function: 'f', file: '/a.js:0:0' }]);
    expect(parseStack('    at f (/a.js:12345678901:1)')).toEqual([
      { function: 'f', file: '/a.js:12345678901:1' },
    ]);
  });

  it('parses a typical 10-frame stack in a few microseconds (bound: 50 µs on average)', () => {
    const frames = Array.from(
      { length: 10 },
      (_, i) =>
        `    at Module.handler${i} (https://app.example/assets/index-4f3a9c.js:${i + 1}:${i * 97})`,
    );
    const stack = `TypeError: Cannot read properties of undefined (reading 'id')\n${frames.join('\n')}`;
    for (let i = 0; i < 500; i++) parseStack(stack);
    const runs = 5000;
    const start = performance.now();
    for (let i = 0; i < runs; i++) parseStack(stack);
    const microseconds = ((performance.now() - start) * 1000) / runs;
    expect(parseStack(stack)).toHaveLength(10);
    expect(microseconds).toBeLessThan(50);
  });
});
