import type { StackFrame } from '../stack-frame.js';
import { COLON, MAX_DIGITS } from './stack-syntax.js';

/**
 * Prefixes that engines put before the name of a caller suspended at `await`; SPEC §2 drops them.
 * Each row names the engine that prints it.
 */
const ASYNC_PREFIXES: readonly string[] = [
  // V8 (Chrome, Edge, workerd, Deno, Node): `at async loadPage (app.js:66:3)`.
  'async ',
  // SpiderMonkey (Firefox): `async*loadPage@app.js:66:9`.
  'async*',
];

/**
 * How a URL or absolute path starts in any engine's output: schemes followed by a slash
 * (`https://`, `file:///`, `blob:http://`, `webpack:///`), `/`, a Windows drive (`C:\`) or UNC
 * share (`\\server`). Anchored, no nested ambiguity: linear time on any input.
 */
const ABSOLUTE_START = /^(?:[A-Za-z][\w+.-]*:)*[/\\]/;

const NO_POSITION = -1;
const BAD_POSITION = -2;

/**
 * Builds a frame holding only the fields that are present (the project uses
 * `exactOptionalPropertyTypes`: absent fields are absent, never `undefined`).
 *
 * @example
 * ```ts
 * buildFrame('Promise.all'); // { function: 'Promise.all' }
 * buildFrame(undefined, 'app.js', 12); // { file: 'app.js', line: 12 }
 * ```
 */
export function buildFrame(fn?: string, file?: string, line?: number, column?: number): StackFrame {
  const frame: { function?: string; file?: string; line?: number; column?: number } = {};
  if (fn) frame.function = fn;
  if (file) frame.file = file;
  if (line !== undefined) frame.line = line;
  if (column !== undefined) frame.column = column;
  return frame;
}

/**
 * Builds a frame from a printed location `file:line:column`, `file:line` or a bare `file`
 * (`<anonymous>`, `[native code]`). The file is kept exactly as printed, so Windows drive colons,
 * URL ports and `@` stay in it; only a trailing `:digits` pair or single is read as a position.
 *
 * @example
 * ```ts
 * frameAt('load', 'C:\\app (x86)\\main.js:26:9');
 * // { function: 'load', file: 'C:\\app (x86)\\main.js', line: 26, column: 9 }
 * ```
 */
export function frameAt(fn: string | undefined, location: string): StackFrame {
  const last = positionStart(location, location.length);
  if (last < 0) return buildFrame(fn, location);
  const lastValue = digitsValue(location, last + 1, location.length);
  const first = positionStart(location, last);
  if (first === NO_POSITION) return buildFrame(fn, location.slice(0, last), lastValue);
  if (first < 0) return buildFrame(fn, location);
  const firstValue = digitsValue(location, first + 1, last);
  return buildFrame(fn, location.slice(0, first), firstValue, lastValue);
}

/**
 * Whether a location starts like a URL or an absolute path (not a bare name or relative file).
 *
 * @example
 * ```ts
 * startsAbsolute('blob:http://localhost/abc:1:2'); // true
 * startsAbsolute('MyClass::bar'); // false
 * ```
 */
export function startsAbsolute(location: string): boolean {
  return ABSOLUTE_START.test(location);
}

/**
 * Reads a positive line or column number printed by an engine, or `undefined` when the text is
 * not one (empty, zero, too long to be a real position).
 *
 * @example
 * ```ts
 * toPosition('77'); // 77
 * toPosition('0'); // undefined
 * ```
 */
export function toPosition(digits: string): number | undefined {
  if (digits.length === 0 || digits.length > MAX_DIGITS) return undefined;
  const value = Number(digits);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

/**
 * Drops the `async ` / `async*` prefix from a printed function name; an empty name becomes
 * `undefined`.
 *
 * @example
 * ```ts
 * stripAsync('async loadPage'); // 'loadPage'
 * stripAsync('async*boot'); // 'boot'
 * ```
 */
export function stripAsync(name: string | undefined): string | undefined {
  if (!name) return undefined;
  for (const prefix of ASYNC_PREFIXES) {
    if (name.startsWith(prefix)) return name.slice(prefix.length) || undefined;
  }
  return name;
}

/**
 * Index of the `:` that starts a trailing `:digits` ending at `end`; `NO_POSITION` when there is
 * none (or nothing would be left before it); `BAD_POSITION` when the digits cannot be a line or
 * column, in which case the whole location is read as a file.
 */
function positionStart(text: string, end: number): number {
  let i = end;
  while (i > 0 && isDigit(text.charCodeAt(i - 1))) i--;
  if (i === end || i < 2 || text.charCodeAt(i - 1) !== COLON) return NO_POSITION;
  if (end - i > MAX_DIGITS || digitsValue(text, i, end) === 0) return BAD_POSITION;
  return i - 1;
}

function digitsValue(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) value = value * 10 + text.charCodeAt(i) - 48;
  return value;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
