/**
 * faultline for Deno code, importable as `faultline/deno`: the core API plus `init`, which
 * captures uncaught errors and unhandled rejections, flushes them within a bound and exits 1
 * (SPEC §4).
 *
 * @module
 */
export * from './index.js';
export * from './adapters/deno/index.js';
