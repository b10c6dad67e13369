import { describe, expect, it } from 'vitest';
import { createBreadcrumbRing } from '../../../src/context/breadcrumbs.js';

describe('createBreadcrumbRing()', () => {
  it('keeps the newest entries, oldest first, when it overflows', () => {
    const ring = createBreadcrumbRing(3);
    for (let i = 1; i <= 7; i++) ring.add({ timestamp: i, category: `c${i}` });
    expect(ring.toArray().map((b) => b.timestamp)).toEqual([5, 6, 7]);
    expect(ring.size).toBe(3);
  });

  it('returns copies and can be cleared', () => {
    const ring = createBreadcrumbRing(2);
    ring.add({ timestamp: 1, category: 'a' });
    const copy = ring.toArray();
    copy.push({ timestamp: 9, category: 'z' });
    expect(ring.size).toBe(1);
    ring.clear();
    expect(ring.toArray()).toEqual([]);
  });

  it('defaults to 100 and never goes below 1', () => {
    expect(createBreadcrumbRing().capacity).toBe(100);
    expect(createBreadcrumbRing(0).capacity).toBe(1);
  });
});
