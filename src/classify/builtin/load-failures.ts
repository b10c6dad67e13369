import type { MessageRow } from './message-table.js';

/**
 * Script, chunk and dynamic-import load failures: a code-split bundle could not download a piece
 * of itself (offline, a flaky network, or a deploy that removed the old hashed files). Retrying
 * or reloading helps, so they are network errors, never programming errors.
 */
// prettier-ignore
export const LOAD_FAILURE_MESSAGES: readonly MessageRow[] = [
  // webpack 4/5 `ChunkLoadError: Loading chunk 7 failed.\n(error: https://…/7.js)` (also
  // `(timeout: …)`, `(missing: …)`; Next.js chunk ids look like `app/page`).
  [/Loading chunk [\w/.-]+ failed/, 'network_error'],
  // mini-css-extract-plugin: `Loading CSS chunk 7 failed.\n(https://…/7.css)`,
  // code CSS_CHUNK_LOAD_FAILED.
  [/Loading CSS chunk [\w/.-]+ failed/, 'network_error'],
  // Chrome, Edge (and so Vite apps there): `TypeError: Failed to fetch dynamically imported
  // module: https://…/assets/x.js`; `Failed to load module script: …` in the console.
  ['Failed to fetch dynamically imported module', 'network_error'],
  ['Failed to load module script', 'network_error'],
  // Firefox: `TypeError: error loading dynamically imported module: https://…`, and the console's
  // `Loading failed for the module with source “…”.`
  ['error loading dynamically imported module', 'network_error'],
  ['Loading failed for the module with source', 'network_error'],
  // Safari: `TypeError: Importing a module script failed.`
  ['Importing a module script failed', 'network_error'],
  // Vite's preload helper (`vite:preloadError`): `Unable to preload CSS for /assets/x.css`.
  ['Unable to preload CSS for', 'network_error'],
  // RequireJS: `Script error for "module"` (requireType `scripterror`).
  [/Script error for ["']/, 'network_error'],
];
