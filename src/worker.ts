/**
 * faultline for Worker code: the core API, importable as `faultline/worker`. The worker-specific
 * capture entry (SPEC §4) is added here by the capture-client work.
 *
 * @module
 */
export * from './index.js';
