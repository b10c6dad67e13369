/**
 * The entry of `dist/faultline.browser.mjs` (SPEC §1): one self-contained minified ES module
 * (idb bundled in) that a page loads with `<script type="module">` and no build step. It
 * exports `init` and the client API as functions of the client `init` made, so a page can
 * import only what it calls.
 *
 * @example
 * <script type="module">
 *   import { init, captureException } from 'https://cdn.example/faultline.browser.mjs';
 *   init({ endpoint: 'https://errors.example.com', key: 'pk_live_…' });
 * </script>
 * @module
 */
import { getClient } from './adapters/browser/init.js';
import type { CaptureHint } from './client/capture-hint.js';
import type { BreadcrumbInput, User } from './client/scope.js';
import type { Severity } from './errors/taxonomy.js';

export { init, getClient } from './adapters/browser/init.js';

/** `captureException` of the client `init` made; `undefined` before `init`. */
export function captureException(error: unknown, hint?: CaptureHint): string | undefined {
  return getClient()?.captureException(error, hint);
}

/** `captureMessage` of the client `init` made; `undefined` before `init`. */
export function captureMessage(message: string, hint?: CaptureHint | Severity): string | undefined {
  return getClient()?.captureMessage(message, hint);
}

/** `addBreadcrumb` of the client `init` made; nothing before `init`. */
export function addBreadcrumb(breadcrumb: BreadcrumbInput): void {
  getClient()?.addBreadcrumb(breadcrumb);
}

/** `setUser` of the client `init` made; nothing before `init`. */
export function setUser(user: User | null): void {
  getClient()?.setUser(user);
}

/** `setTags` of the client `init` made; nothing before `init`. */
export function setTags(tags: Readonly<Record<string, unknown>>): void {
  getClient()?.setTags(tags);
}

/** `setContext` of the client `init` made; nothing before `init`. */
export function setContext(name: string, context: unknown): void {
  getClient()?.setContext(name, context);
}

/** `flush` of the client `init` made; `true` before `init` (nothing to send). */
export function flush(timeoutMs?: number): Promise<boolean> {
  return getClient()?.flush(timeoutMs) ?? Promise.resolve(true);
}
