/**
 * The overflow policy (SPEC §4: bounded by count and bytes, `drop_oldest | drop_newest`), shared
 * by every store so they all evict alike: the store finds candidates, this decides.
 *
 * @module
 */
import type { BufferBounds } from './buffer-options.js';

/** How full a store is; {@link makeRoom} updates it as it evicts. */
export interface Occupancy {
  /** Events stored. */
  events: number;
  /** Their total size in bytes. */
  bytes: number;
}

/** The event a store offers for eviction. */
export interface Victim {
  readonly id: string;
  readonly bytes: number;
  /** Removes it from the store. */
  evict(): void | Promise<void>;
}

/**
 * Makes room for one more event of `bytes` under `bounds`. With `drop_oldest`, evicts what
 * `oldest()` offers (the store's oldest event not in flight, else its oldest) until the event
 * fits; with `drop_newest`, evicts nothing. Resolves with how many events were evicted, or -1
 * when the new event must be refused (counted as `buffer_overflow` either way).
 *
 * @example
 * const evicted = await makeRoom(occupancy, entry.bytes, bounds, () => oldestOf(store));
 * if (evicted < 0) refuse(entry);
 */
export async function makeRoom(
  occupancy: Occupancy,
  bytes: number,
  bounds: BufferBounds,
  oldest: () => Victim | undefined | Promise<Victim | undefined>,
): Promise<number> {
  let evicted = 0;
  while (occupancy.events + 1 > bounds.maxEvents || occupancy.bytes + bytes > bounds.maxBytes) {
    const victim = bounds.overflow === 'drop_oldest' ? await oldest() : undefined;
    if (victim === undefined) return -1;
    await victim.evict();
    occupancy.events--;
    occupancy.bytes -= victim.bytes;
    evicted++;
  }
  return evicted;
}
