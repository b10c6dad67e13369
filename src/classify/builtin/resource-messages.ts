import type { MessageRow } from './message-table.js';

/**
 * Memory, storage and platform limits: the program asked for more than the environment could
 * give right now. Freeing space or trying later can help, so these are `resource_exhausted`.
 *
 * Not here on purpose: `Maximum call stack size exceeded` / `too much recursion`. Those are
 * unbounded recursion, a bug that retrying repeats exactly, so they are `programming_error`
 * (see `programming-errors.ts`), as `Invalid array length` and `Invalid string length` are.
 */
// prettier-ignore
export const RESOURCE_MESSAGES: readonly MessageRow[] = [
  // V8: `RangeError: Array buffer allocation failed`; `WebAssembly.Memory(): could not allocate
  // memory`; `WebAssembly.instantiate(): Out of memory: Cannot allocate Wasm memory for new
  // instance`; Node.js's fatal `JavaScript heap out of memory` as logs carry it.
  ['Array buffer allocation failed', 'resource_exhausted'],
  ['could not allocate memory', 'resource_exhausted'],
  ['Cannot allocate Wasm memory', 'resource_exhausted'],
  // SpiderMonkey `InternalError: allocation size overflow`, `out of memory`; JavaScriptCore
  // `RangeError: Out of memory`.
  ['allocation size overflow', 'resource_exhausted'],
  ['out of memory', 'resource_exhausted'],
  // Web Storage: Chrome `Failed to execute 'setItem' on 'Storage': Setting the value of 'k'
  // exceeded the quota.`; Safari, Firefox `The quota has been exceeded.`; old Firefox
  // `Persistent storage maximum size reached`; Deno `Exceeded maximum storage size`.
  ['exceeded the quota', 'resource_exhausted'],
  ['The quota has been exceeded', 'resource_exhausted'],
  ['Persistent storage maximum size reached', 'resource_exhausted'],
  ['Exceeded maximum storage size', 'resource_exhausted'],
  // Chrome IndexedDB: `UnknownError: Internal error opening backing store for indexedDB.open.`
  // Mostly a full disk or a damaged profile directory.
  ['Internal error opening backing store', 'resource_exhausted'],
  // Node.js file system: `ENOSPC: no space left on device`, `EMFILE: too many open files`.
  ['no space left on device', 'resource_exhausted'],
  ['too many open files', 'resource_exhausted'],
  // Cloudflare workerd limits: `Memory limit would be exceeded before EOF.`, `Worker exceeded
  // CPU time limit.`, `Worker exceeded memory limit.`, `Too many subrequests.`
  ['Memory limit would be exceeded', 'resource_exhausted'],
  ['exceeded CPU time limit', 'resource_exhausted'],
  ['exceeded memory limit', 'resource_exhausted'],
  ['Too many subrequests', 'resource_exhausted'],
];
