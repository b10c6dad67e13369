/**
 * faultline for Deno code: the core API, importable as `faultline/deno`. The deno-specific
 * capture entry (SPEC §4) is added here by the capture-client work.
 *
 * @module
 */
export * from './index.js';
