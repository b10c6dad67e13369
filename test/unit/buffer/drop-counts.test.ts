import { describe, expect, it } from 'vitest';
import {
  DROP_REASONS,
  addDrops,
  isDropReason,
  subtractDrops,
  totalDrops,
} from '../../../src/buffer/index.js';
import { dropReasonSchema } from '../../../src/wire/batch-schema.js';

describe('drop reasons', () => {
  it('are a closed set the collector accepts as batch `dropped` keys', () => {
    expect(DROP_REASONS).toContain('buffer_overflow');
    for (const reason of DROP_REASONS) expect(dropReasonSchema.parse(reason)).toBe(reason);
    expect(isDropReason('sampled')).toBe(true);
    expect(isDropReason('lost')).toBe(false);
    expect(isDropReason(undefined)).toBe(false);
  });
});

describe('drop counts', () => {
  it('add reason by reason', () => {
    expect(addDrops({ sampled: 2 }, { sampled: 1, invalid: 1 })).toEqual({
      sampled: 3,
      invalid: 1,
    });
    expect(addDrops({}, {})).toEqual({});
  });

  it('subtract what was reported, never below zero, leaving no zero entries', () => {
    expect(subtractDrops({ sampled: 3, invalid: 1 }, { sampled: 3 })).toEqual({ invalid: 1 });
    expect(subtractDrops({ sampled: 1 }, { sampled: 5, invalid: 2 })).toEqual({});
  });

  it('total over all reasons', () => {
    expect(totalDrops({ sampled: 3, invalid: 1 })).toBe(4);
    expect(totalDrops({})).toBe(0);
  });
});
