import type { WireBreadcrumb } from '../wire/event-schema.js';

/** Something that happened before an error: a click, a request, a console line. */
export type Breadcrumb = WireBreadcrumb;

/** A bounded ring of breadcrumbs: when full, the oldest goes so the newest are kept. */
export interface BreadcrumbRing {
  /** Adds one breadcrumb, evicting the oldest when full. */
  add(breadcrumb: Breadcrumb): void;
  /** The kept breadcrumbs, oldest first (a copy). */
  toArray(): Breadcrumb[];
  /** Forgets every breadcrumb. */
  clear(): void;
  /** How many are kept now. */
  readonly size: number;
  /** The most it keeps. */
  readonly capacity: number;
}

/**
 * Creates a breadcrumb ring holding at most `capacity` entries (default 100). O(1) per add.
 *
 * @example
 * const ring = createBreadcrumbRing(2);
 * ring.add({ timestamp: 1, category: 'ui.click' });
 * ring.add({ timestamp: 2, category: 'fetch' });
 * ring.add({ timestamp: 3, category: 'console' });
 * ring.toArray().map((b) => b.category); // ['fetch', 'console']
 */
export function createBreadcrumbRing(capacity = 100): BreadcrumbRing {
  const max = Math.max(1, Math.floor(capacity));
  const items: Breadcrumb[] = [];
  let start = 0;
  return {
    add(breadcrumb) {
      if (items.length < max) items.push(breadcrumb);
      else {
        items[start] = breadcrumb;
        start = (start + 1) % max;
      }
    },
    toArray: () => [...items.slice(start), ...items.slice(0, start)],
    clear() {
      items.length = 0;
      start = 0;
    },
    get size() {
      return items.length;
    },
    capacity: max,
  };
}
