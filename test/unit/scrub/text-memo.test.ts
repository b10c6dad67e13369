import { describe, expect, it } from 'vitest';

import { createTextMemo } from '../../../src/scrub/text-memo.js';

describe('createTextMemo()', () => {
  it('scrubs a text once while it repeats, and again after clear()', () => {
    const seen: string[] = [];
    const memo = createTextMemo((text) => {
      seen.push(text);
      return text.toUpperCase();
    });
    const file = 'https://app.example/main.js';
    expect([
      memo.scrub(file),
      memo.scrub(file.slice(0)),
      memo.scrub('x'),
      memo.scrub(file),
    ]).toEqual([file.toUpperCase(), file.toUpperCase(), 'X', file.toUpperCase()]);
    expect(seen).toEqual([file, 'x', file]);
    memo.clear();
    memo.scrub(file);
    expect(seen).toEqual([file, 'x', file, file]);
  });
});
