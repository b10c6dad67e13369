/**
 * The Deno adapter: `init` and the pieces it plugs into the capture client.
 *
 * @module
 */
export { init } from './init.js';
export type { DenoOptions } from './deno-options.js';
export { denoOrigin } from './deno-origin.js';
