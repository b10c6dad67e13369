/**
 * faultline for Browser code: the core API, importable as `faultline/browser`. The browser-specific
 * capture entry (SPEC §4) is added here by the capture-client work.
 *
 * @module
 */
export * from './index.js';
export * from './adapters/browser/index.js';
