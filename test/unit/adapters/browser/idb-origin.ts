import { IDBFactory } from 'fake-indexeddb';
import { indexedDbBuffer } from '../../../../src/adapters/browser/indexeddb-buffer.js';

/** One origin's IndexedDB: buffers made with the same factory are tabs of that origin. */
export function origin(options: Parameters<typeof indexedDbBuffer>[0] = {}) {
  const factory = new IDBFactory();
  return (more: Parameters<typeof indexedDbBuffer>[0] = {}) =>
    indexedDbBuffer({ name: 'test', indexedDB: factory, ...options, ...more });
}
