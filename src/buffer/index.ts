export {
  type BatchLimits,
  type BufferBatch,
  type BufferStats,
  type EventBuffer,
  type OverflowPolicy,
  type PutResult,
  type StorageKind,
} from './buffer.js';
export {
  BATCH_DEFAULTS,
  BUFFER_DEFAULTS,
  resolveBatchLimits,
  resolveBufferBounds,
  type BufferBounds,
  type BufferOptions,
} from './buffer-options.js';
export { DROP_REASONS, isDropReason, type DropReason } from './drop-reasons.js';
export { addDrops, subtractDrops, totalDrops, type DropCounts } from './drop-counts.js';
export { eventBytes, utf8Length } from './event-bytes.js';
export type {
  EventStore,
  StoredEntry,
  StoreRead,
  StoreRemoval,
  StoreTotals,
  StoreWrite,
  StoreWriteResult,
} from './event-store.js';
export { memoryStore } from './memory-store.js';
export { memoryBuffer } from './memory-buffer.js';
export { storeBuffer, type StoreBufferOptions } from './store-buffer.js';
