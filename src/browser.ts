/**
 * faultline for browsers, importable as `faultline/browser`: the core API plus `init` (SPEC §4),
 * which captures a page's errors into an IndexedDB buffer shared by its tabs and sends them to
 * the collector, and the browser's parts (buffer, tab leader, integrations) for custom setups.
 *
 * @module
 */
export * from './index.js';
export * from './adapters/browser/index.js';
