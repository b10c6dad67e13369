/**
 * The browser integrations (SPEC §4): global error handlers, breadcrumbs from the console,
 * fetch, XHR, clicks and navigation, and the browser's noise filters. Each install function
 * returns its uninstall and is a no-op where the API it wraps is missing (Workers, Deno, SSR).
 *
 * @module
 */
export type { CaptureTarget } from './capture-target.js';
export { globalHandlers } from './global-handlers.js';
export { consoleBreadcrumbs } from './console-breadcrumbs.js';
export { fetchBreadcrumbs } from './fetch-breadcrumbs.js';
export { xhrBreadcrumbs } from './xhr-breadcrumbs.js';
export { clickBreadcrumbs } from './click-breadcrumbs.js';
export { navigationBreadcrumbs } from './navigation-breadcrumbs.js';
export { browserNoise } from './browser-noise.js';
