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

/** An event a store offers for eviction. */
export interface Victim {
  readonly id: string;
  readonly bytes: number;
  /** How many errors it stands for (see `weightOf`). */
  readonly weight: number;
  /** Removes it from the store. */
  evict(): void | Promise<void>;
}

/** What {@link makeRoom} evicted. */
export interface Room {
  /** Events evicted. */
  readonly evicted: number;
  /** The errors they stood for (their `weightOf`). */
  readonly weight: number;
}

/**
 * Makes room for one more event of `bytes` under `bounds`. With `drop_oldest`, takes the
 * candidates `next()` offers in turn (the store's oldest events not in flight, each once) until
 * the event would fit, then evicts them; with `drop_newest`, or when the candidates run out
 * first, evicts nothing and the event is refused. Resolves with what was evicted, or
 * `undefined` when the new event must be refused (counted as `buffer_overflow` either way).
 *
 * @example
 * const room = await makeRoom(occupancy, entry.bytes, bounds, oldestFirst(store));
 * if (room === undefined) refuse(entry);
 */
export async function makeRoom(
  occupancy: Occupancy,
  bytes: number,
  bounds: BufferBounds,
  next: () => Victim | undefined | Promise<Victim | undefined>,
): Promise<Room | undefined> {
  let { events, bytes: stored } = occupancy;
  const victims: Victim[] = [];
  let weight = 0;
  while (events + 1 > bounds.maxEvents || stored + bytes > bounds.maxBytes) {
    const victim = bounds.overflow === 'drop_oldest' ? await next() : undefined;
    if (victim === undefined) return undefined;
    victims.push(victim);
    weight += victim.weight;
    events--;
    stored -= victim.bytes;
  }
  for (const victim of victims) await victim.evict();
  occupancy.events = events;
  occupancy.bytes = stored;
  return { evicted: victims.length, weight };
}
