import { describe, expect, it } from 'vitest';

import {
  FRAME_COLUMN,
  FRAME_FILE,
  FRAME_FUNCTION,
  FRAME_LINE,
  frameFields,
  hasEnumerableKeys,
} from '../../../src/scrub/frame-shape.js';

describe('frameFields()', () => {
  it('gives the fields of objects that hold frame fields only, in frame order', () => {
    expect(frameFields({ function: 'f', file: 'a.js', line: 1, column: 2 })).toBe(
      FRAME_FUNCTION | FRAME_FILE | FRAME_LINE | FRAME_COLUMN,
    );
    expect(frameFields({ file: 'a.js', line: 1, column: 2 })).toBe(
      FRAME_FILE | FRAME_LINE | FRAME_COLUMN,
    );
    expect(frameFields({ function: 'Promise.all' })).toBe(FRAME_FUNCTION);
  });

  it('gives 0 for anything else', () => {
    expect(frameFields({})).toBe(0);
    expect(frameFields({ file: 'a.js', function: 'f' })).toBe(0);
    expect(frameFields({ file: 'a.js', line: 1, password: 'x' })).toBe(0);
    expect(frameFields({ 0: 'x', file: 'a.js' })).toBe(0);
    expect(frameFields(['function'])).toBe(0);
  });

  it('does not see non-enumerable or symbol keys, as Object.keys does not', () => {
    const frame = { file: 'a.js', [Symbol('s')]: 1 };
    Object.defineProperty(frame, 'hidden', { value: 1, enumerable: false });
    expect(frameFields(frame)).toBe(FRAME_FILE);
  });
});

describe('hasEnumerableKeys()', () => {
  it('sees own and inherited enumerable keys', () => {
    expect(hasEnumerableKeys(Object.prototype)).toBe(false);
    expect(hasEnumerableKeys({})).toBe(false);
    expect(hasEnumerableKeys(Object.create({ inherited: 1 }) as object)).toBe(true);
    expect(hasEnumerableKeys({ own: 1 })).toBe(true);
  });
});
