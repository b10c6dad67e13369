import type { StackFrame } from '../stack-frame.js';
import { buildFrame, frameAt, startsAbsolute, stripAsync } from './location.js';
import { CLOSE, CR, NAMED_EVAL_SEPARATOR, OPEN, SPACE, TAB } from './stack-syntax.js';

/**
 * Locations V8 prints for frames that have no script position; such frames get no file.
 * Each row names the engine that prints it.
 */
const V8_NO_LOCATION: readonly RegExp[] = [
  // V8 9.x+ (Chrome, Deno, Node 16+): `at async Promise.all (index 1)`, also allSettled / any.
  /^index \d+$/,
  // V8: a frame whose script is unknown (CallSite with neither file nor eval origin).
  /^unknown location$/,
];

/**
 * Bare files V8 prints for built-in functions; kept as the file, with no line or column.
 * Each row names the engine that prints it.
 */
const V8_NATIVE_FILES: ReadonlySet<string> = new Set([
  // V8 since 2019 (Chrome 76+, Node 12+, Deno): `at Array.map (<anonymous>)`.
  '<anonymous>',
  // V8 before 2019 (Chrome ≤ 75, Node ≤ 10): `at Array.forEach (native)`.
  'native',
]);

/**
 * Words printed before a location that are not part of the file. Each row names the engine that
 * prints it.
 */
const LOCATION_PREFIXES: readonly string[] = [
  // V8: an anonymous async caller, `at async file:line:column`; Chrome 109 also printed
  // `at fn (async file:line:column)`.
  'async ',
  // Hermes (React Native) prints V8-style lines with `(address at file:line:column)`.
  'address at ',
];

/** V8: code run by eval() or `new Function` — `eval at f (app.js:77:3), <anonymous>:2:7`. */
const EVAL_ORIGIN = 'eval at ';

/**
 * Parses one line of a V8 stack (`    at fn (file:line:column)`, `    at file:line:column`) as
 * printed by Chrome, Edge, workerd, Deno and Node. Returns `undefined` for lines that are not V8
 * frames, so the caller can treat them as part of the message.
 *
 * @example
 * ```ts
 * parseV8Frame('    at async loadPage (https://app.example/main.js:66:3)');
 * // { function: 'loadPage', file: 'https://app.example/main.js', line: 66, column: 3 }
 * parseV8Frame('    at async Promise.all (index 1)'); // { function: 'Promise.all' }
 * ```
 */
export function parseV8Frame(line: string): StackFrame | undefined {
  let start = 0;
  while (isSpace(line.charCodeAt(start))) start++;
  if (!line.startsWith('at', start) || !isSpace(line.charCodeAt(start + 2))) return undefined;
  const indented = start > 0;
  start += 3;
  while (isSpace(line.charCodeAt(start))) start++;
  let end = line.length;
  while (end > start && isSpace(line.charCodeAt(end - 1))) end--;
  if (end === start) return undefined;
  const body = line.slice(start, end);

  let name: string | undefined;
  let location = body;
  const open = body.charCodeAt(body.length - 1) === CLOSE ? locationParen(body) : -1;
  if (open >= 0) {
    name = body.slice(0, open).trimEnd();
    location = body.slice(open + 1, -1);
  }
  location = stripLocationPrefix(location);
  const fn = stripAsync(name);

  if (location.startsWith(EVAL_ORIGIN)) {
    const origin = evalOrigin(location);
    return origin ? frameAt(fn, origin) : buildFrame(fn);
  }
  const frame = frameAt(fn, location);
  if (frame.line !== undefined) {
    if (!frame.file?.endsWith(NAMED_EVAL_SEPARATOR)) return frame;
    const file = frame.file.slice(0, -NAMED_EVAL_SEPARATOR.length);
    return buildFrame(fn, file, frame.line, frame.column);
  }
  // An unindented `at …` line is only a frame when it has a real location: V8 always indents,
  // so this is a message line such as "at least one request failed (code 5)".
  if (!indented && !V8_NATIVE_FILES.has(location)) return undefined;
  if (location === '' || hasNoLocation(location)) return buildFrame(fn);
  return frame;
}

/**
 * Follows `eval at f (…)` origins, however nested, to the location in the outermost script
 * (SPEC §2: eval frames take the outer script location). Returns '' when there is none.
 */
function evalOrigin(location: string): string {
  const innermost = location.lastIndexOf(EVAL_ORIGIN);
  const open = location.indexOf(' (', innermost + EVAL_ORIGIN.length);
  if (open < 0) return '';
  return location.slice(open + 2, matchingParen(location, open + 1));
}

/**
 * Index of the `(` that opens the location in `fn (location)`, or -1. Parentheses are balanced
 * from the end so that those inside paths (`C:\Program Files (x86)\a.js`) and inside names
 * (`MyClass::bar(int) const`) stay where they belong. V8 prints a space before that `(`; when
 * balancing fails (a path with an unbalanced parenthesis) the first ` (` is used, and when
 * there is no space at all the balanced `(` (bundlers rewrite some lines as `fn(location)`).
 */
function locationParen(body: string): number {
  const first = body.indexOf(' (') + 1;
  const last = body.lastIndexOf(' (') + 1;
  let candidate = last;
  if (last === 0 || hasParen(body, last + 1, body.length - 1)) {
    const balanced = balancedOpen(body);
    if (balanced === 0) return 0;
    if (balanced < 0 || body.charCodeAt(balanced - 1) !== SPACE) {
      return first > 0 ? first : balanced;
    }
    candidate = balanced;
  }
  // A name holding ` (` before a location that starts like a path means the path held the
  // unbalanced `(`: `at run (/home/me/my app (copy/x.js:5:2)`.
  if (first > 0 && first < candidate && startsAbsolute(body.slice(first + 1, candidate))) {
    return first;
  }
  return candidate;
}

function hasParen(text: string, start: number, end: number): boolean {
  const open = text.indexOf('(', start);
  const close = text.indexOf(')', start);
  return (open >= 0 && open < end) || (close >= 0 && close < end);
}

/** Index of the `(` matching the final `)`, or -1 when unbalanced. */
function balancedOpen(body: string): number {
  let depth = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    const code = body.charCodeAt(i);
    if (code === CLOSE) depth++;
    else if (code === OPEN && --depth === 0) return i;
  }
  return -1;
}

/** Index of the `)` closing the `(` at `open`, or of the last `)` when unbalanced. */
function matchingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === OPEN) depth++;
    else if (code === CLOSE && --depth === 0) return i;
  }
  const last = text.lastIndexOf(')');
  return last > open ? last : text.length;
}

function stripLocationPrefix(location: string): string {
  for (const prefix of LOCATION_PREFIXES) {
    if (location.startsWith(prefix)) return location.slice(prefix.length);
  }
  return location;
}

function hasNoLocation(location: string): boolean {
  for (const pattern of V8_NO_LOCATION) if (pattern.test(location)) return true;
  return false;
}

function isSpace(code: number): boolean {
  return code === SPACE || code === TAB || code === CR;
}
