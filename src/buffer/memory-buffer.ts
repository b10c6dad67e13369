/**
 * The memory event buffer: the buffer of Workers, Deno and Node, and the fallback of the
 * IndexedDB buffer. Events live as long as the process or page does.
 *
 * @module
 */
import type { EventBuffer } from './buffer.js';
import type { BufferOptions } from './buffer-options.js';
import { memoryStore } from './memory-store.js';
import { storeBuffer } from './store-buffer.js';

/**
 * A bounded in-memory event buffer. Defaults: 1000 events, 5 MiB, `drop_oldest`.
 *
 * @throws FaultError 1101/1201/1203 when the bounds are invalid.
 * @example
 * const buffer = memoryBuffer({ maxEvents: 2000, overflow: 'drop_newest' });
 * await buffer.put(event);
 * const batch = await buffer.take();
 * await buffer.ack(batch.ids, batch.dropped); // once the collector answered 202
 */
export function memoryBuffer(options: BufferOptions = {}): EventBuffer {
  return storeBuffer(memoryStore, { ...options, kind: 'memory' });
}
