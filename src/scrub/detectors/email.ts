/**
 * Email addresses inside free text.
 *
 * @module
 */

/** Longest local part (RFC 5321 §4.5.3.1.1) and domain scanned around an `@`. */
const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;

/**
 * File extensions that follow a `name@host.ext`-looking stack frame (`fn@main.js:1:2` in
 * SpiderMonkey and JavaScriptCore stacks): never a top-level domain.
 */
export const CODE_EXTENSIONS: ReadonlySet<string> = new Set([
  'js',
  'mjs',
  'cjs',
  'jsx',
  'ts',
  'mts',
  'cts',
  'tsx',
  'json',
  'html',
  'htm',
  'css',
  'map',
  'wasm',
  'vue',
  'svelte',
]);
const TLD = /^[a-z]{2,24}$/i;

/**
 * Replaces email addresses (ASCII local part and domain, a dotted domain ending in a 2–24 letter
 * top-level domain that is not a code file extension) with `marker`; the `%40`-encoded form of
 * URLs too. Scans from each `@` outwards, so text without `@` costs one `indexOf`, and a
 * SpiderMonkey stack line (`fn@https://…`) is rejected at the `:`.
 *
 * @example
 * replaceEmails('user bob@example.com failed', '[email]'); // 'user [email] failed'
 */
export function replaceEmails(text: string, marker: string): string {
  let out = text.includes('@') ? replaceAround(text, '@', marker) : text;
  if (out.includes('%40')) out = replaceAround(out, '%40', marker);
  return out;
}

function replaceAround(text: string, at: string, marker: string): string {
  let out = '';
  let copied = 0;
  let position = text.indexOf(at);
  while (position !== -1) {
    const start = localStart(text, position, copied);
    const end = start < position ? domainEnd(text, position + at.length) : -1;
    if (end === -1) {
      position = text.indexOf(at, position + at.length);
      continue;
    }
    out += text.slice(copied, start) + marker;
    copied = end;
    position = text.indexOf(at, end);
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** Index where the local part before `at` starts (`at` itself when there is none). */
function localStart(text: string, at: number, floor: number): number {
  const limit = Math.max(floor, at - MAX_LOCAL);
  let start = at;
  while (start > limit && isLocalChar(text.charCodeAt(start - 1))) start--;
  while (start < at && text.charCodeAt(start) === DOT) start++;
  return start;
}

/** Index just past a valid domain starting at `from`, or -1. */
function domainEnd(text: string, from: number): number {
  const limit = Math.min(text.length, from + MAX_DOMAIN);
  let end = from;
  while (end < limit && isDomainChar(text.charCodeAt(end))) end++;
  while (end > from && (text.charCodeAt(end - 1) === DOT || text.charCodeAt(end - 1) === DASH)) {
    end--;
  }
  // Back off label by label until one is a top-level domain (`bob@example.com.5` → `…com`),
  // but a file extension means a stack frame (`fn@main.bundle.js`), not an address.
  for (let dot = text.lastIndexOf('.', end - 1); dot > from;) {
    const tld = text.slice(dot + 1, end);
    if (CODE_EXTENSIONS.has(tld.toLowerCase())) return -1;
    if (TLD.test(tld)) return end;
    end = dot;
    dot = text.lastIndexOf('.', end - 1);
  }
  return -1;
}

const DOT = 0x2e;
const DASH = 0x2d;

function isAlphanumeric(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x30 && code <= 0x39)
  );
}

/** Letters, digits and `.` `_` `%` `+` `-` (the common subset of RFC 5322 atext). */
function isLocalChar(code: number): boolean {
  return (
    isAlphanumeric(code) ||
    code === DOT ||
    code === 0x5f ||
    code === 0x25 ||
    code === 0x2b ||
    code === DASH
  );
}

function isDomainChar(code: number): boolean {
  return isAlphanumeric(code) || code === DOT || code === DASH;
}
