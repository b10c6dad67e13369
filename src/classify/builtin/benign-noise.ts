import type { MessageRow } from './message-table.js';

/**
 * Messages that are known noise rather than failures of the app, pinned to `unknown` so the
 * generic wordings (`not found`, `limit exceeded`) cannot turn them into something actionable.
 * Sentry's default `ignoreErrors` and its docs list the same ones.
 */
// prettier-ignore
export const BENIGN_NOISE_MESSAGES: readonly MessageRow[] = [
  // Chrome: a ResizeObserver callback changed layout again within the same frame; harmless.
  ['ResizeObserver loop limit exceeded', 'unknown'],
  ['ResizeObserver loop completed with undelivered notifications', 'unknown'],
  // CefSharp-based link scanners (Outlook SafeLinks) calling into pages:
  // `Object Not Found Matching Id:3, MethodName:update, ParamCount:4`.
  ['Object Not Found Matching Id', 'unknown'],
  // Cross-origin script whose details the browser hides (`Script error.`).
  [/^Script error\.?$/, 'unknown'],
];
