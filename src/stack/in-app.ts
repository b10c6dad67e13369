/**
 * Which stack frames belong to the application (SPEC §2): fingerprints are built from these.
 *
 * @module
 */
import type { StackFrame } from './stack-frame.js';

/**
 * Files that engines print for built-in functions: V8 `native` / `<anonymous>`, JavaScriptCore
 * `[native code]`, SpiderMonkey `self-hosted` (builtins written in JS, e.g. `forEach`).
 */
const NATIVE_FILES: ReadonlySet<string> = new Set([
  'native',
  '[native code]',
  '<anonymous>',
  'self-hosted',
]);

/**
 * Code that is not the application's: Node built-ins (`node:…`, and `internal/…` before the
 * `node:` prefix), Deno built-ins (`ext:core/…`), browser extensions (Safari hides their URLs
 * behind `webkit-masked-url://`), browser internals (`chrome://`, Firefox `resource://`),
 * dependencies (`node_modules`) and faultline's own shipped files.
 */
const FOREIGN = new RegExp(
  [
    '^(?:node:|internal/|ext:|chrome:|resource:|webkit-masked-url:)',
    '^(?:chrome|moz|safari|safari-web)-extension:',
    '[/\\\\]node_modules[/\\\\]',
    '/faultline/dist/',
    'faultline\\.browser\\.mjs',
  ].join('|'),
);

/**
 * Whether a frame is the application's own code: false for frames without a file, native
 * frames (`native`, `[native code]`, `<anonymous>`, `self-hosted`), Node (`node:`,
 * `internal/`) and Deno (`ext:`) internals, `node_modules`, browser-extension and
 * browser-internal URLs, and faultline's own files (`…/faultline/dist/…`,
 * `faultline.browser.mjs`); true otherwise.
 *
 * @example
 * isInAppFrame({ function: 'render', file: 'https://app.example/static/main.js' }); // true
 * isInAppFrame({ function: 'forEach', file: '[native code]' }); // false
 * isInAppFrame({ file: 'chrome-extension://abc/content.js' }); // false
 */
export function isInAppFrame(frame: StackFrame): boolean {
  const file = frame.file;
  if (file === undefined || file === '' || NATIVE_FILES.has(file)) return false;
  return !FOREIGN.test(file);
}

/**
 * Whether a frame names a location at all (a file that is not a native placeholder); the
 * fingerprint falls back to such frames when none is in-app.
 *
 * @example
 * hasLocation({ file: '/app/node_modules/lib/index.js' }); // true
 * hasLocation({ function: 'Promise.all (index 0)' }); // false
 */
export function hasLocation(frame: StackFrame): boolean {
  return frame.file !== undefined && frame.file !== '' && !NATIVE_FILES.has(frame.file);
}
