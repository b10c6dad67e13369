/**
 * The fast path of `parseStack` for the shape of nearly every line V8 prints, read in place with
 * a few native searches: `    at [async ]name (file:line:column)`, where neither name nor
 * location holds a parenthesis, or `    at [async ]file:line:column`. Anything else (eval
 * origins, native or position-less frames, parentheses in names or paths, a missing column,
 * Deno's named eval) is left to `parseV8Frame`, which gives the same frame for every line read
 * here.
 *
 * @module
 */
import type { StackFrame } from '../stack-frame.js';
import {
  ASTERISK,
  CLOSE,
  COLON,
  CR,
  GREATER,
  LOWER_A,
  LOWER_E,
  MAX_DIGITS,
  NAMED_EVAL_SEPARATOR,
  SPACE,
  TAB,
  ZERO,
} from './stack-syntax.js';

/** How V8 indents every frame line. */
const INDENT = '    at ';

/**
 * A stack being read line by line, with the next `(` and `)` found by forward searches that
 * never scan the same text twice: reading a whole stack stays linear in its length.
 */
export interface StackCursor {
  readonly text: string;
  /** Index of the next `(` at or after the last position asked for; `text.length` if none. */
  open: number;
  /** The same for `)`. */
  close: number;
  /** The line or column number read last. */
  position: number;
}

/**
 * Starts reading `text`. The cursor must then be given lines in order, first to last.
 *
 * @example
 * const cursor = createStackCursor(stack);
 */
export function createStackCursor(text: string): StackCursor {
  return { text, open: -1, close: -1, position: 0 };
}

/**
 * Reads the V8 frame on `cursor.text[start, end)` (a line, without its `\n`) when it has the
 * common shape (see the module comment); `undefined` means "not read here", not "not a frame".
 * Works on the stack in place, with native searches where a character loop would cost several
 * times more.
 *
 * @example
 * ```ts
 * const line = '    at load (https://app.example/main.js:12:5)';
 * readCommonV8Frame(createStackCursor(line), 0, line.length);
 * // { function: 'load', file: 'https://app.example/main.js', line: 12, column: 5 }
 * ```
 */
export function readCommonV8Frame(
  cursor: StackCursor,
  start: number,
  end: number,
): StackFrame | undefined {
  const text = cursor.text;
  const i = bodyStart(text, start, end);
  if (i < 0) return undefined;
  let last = end;
  while (last > i && isSpace(text.charCodeAt(last - 1))) last--;
  if (last === i) return undefined;

  let fn: string | undefined;
  let location = i;
  let locationEnd = last;
  if (text.charCodeAt(last - 1) === CLOSE) {
    // The one `(` and the one `)` of the line must be the location's: `name (location)`.
    const open = nextOpen(cursor, i);
    if (
      open >= last ||
      open < i + 2 ||
      text.charCodeAt(open - 1) !== SPACE ||
      nextOpen(cursor, open + 1) < end ||
      nextClose(cursor, i) !== last - 1
    ) {
      return undefined;
    }
    const nameEnd = open - 1;
    // `parseV8Frame` trims the name with `trimEnd`: anything it could trim goes to it.
    if (mayBeTrimmed(text.charCodeAt(nameEnd - 1))) return undefined;
    fn = readName(text, i, nameEnd);
    location = open + 1;
    locationEnd = last - 1;
  }
  if (text.charCodeAt(location) === LOWER_A) {
    if (text.startsWith('async ', location)) location += 6;
    else if (text.startsWith('address at ', location)) location += 11;
  }
  if (text.charCodeAt(location) === LOWER_E && text.startsWith('eval at ', location)) {
    return undefined;
  }

  const columnColon = positionColon(cursor, location, locationEnd);
  if (columnColon < 0) return undefined;
  const column = cursor.position;
  const lineColon = positionColon(cursor, location, columnColon);
  if (lineColon < 0) return undefined;
  if (
    text.charCodeAt(lineColon - 1) === GREATER &&
    text.startsWith(NAMED_EVAL_SEPARATOR, lineColon - NAMED_EVAL_SEPARATOR.length)
  ) {
    return undefined;
  }
  const file = text.slice(location, lineColon);
  const line = cursor.position;
  return fn === undefined ? { file, line, column } : { function: fn, file, line, column };
}

/** Index just past `at ` and the spaces around it, or -1 when the line does not start so. */
function bodyStart(text: string, start: number, end: number): number {
  if (text.startsWith(INDENT, start) && !isSpace(text.charCodeAt(start + INDENT.length))) {
    return start + INDENT.length;
  }
  let i = start;
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  if (i === start || !text.startsWith('at', i) || !isSpace(text.charCodeAt(i + 2))) return -1;
  i += 3;
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  return i;
}

function nextOpen(cursor: StackCursor, from: number): number {
  if (cursor.open < from) cursor.open = found(cursor.text, cursor.text.indexOf('(', from));
  return cursor.open;
}

function nextClose(cursor: StackCursor, from: number): number {
  if (cursor.close < from) cursor.close = found(cursor.text, cursor.text.indexOf(')', from));
  return cursor.close;
}

function found(text: string, index: number): number {
  return index < 0 ? text.length : index;
}

/** The name on `text[start, end)` minus an `async ` / `async*` prefix; `undefined` if empty. */
function readName(text: string, start: number, end: number): string | undefined {
  let from = start;
  const sixth = end - from > 5 ? text.charCodeAt(from + 5) : 0;
  if ((sixth === SPACE || sixth === ASTERISK) && text.startsWith('async', from)) from += 6;
  return from >= end ? undefined : text.slice(from, end);
}

/**
 * Index of the `:` before a valid position (1–9 digits, not zero) ending at `end`, with at
 * least one character of location before it, leaving the number in `cursor.position`; -1
 * otherwise.
 */
function positionColon(cursor: StackCursor, start: number, end: number): number {
  const text = cursor.text;
  let value = 0;
  let scale = 1;
  let i = end;
  for (; i > start; i--) {
    const digit = text.charCodeAt(i - 1) - ZERO;
    if (!(digit >= 0 && digit <= 9)) break;
    value += digit * scale;
    scale *= 10;
  }
  if (
    i === end ||
    end - i > MAX_DIGITS ||
    value === 0 ||
    i - start < 2 ||
    text.charCodeAt(i - 1) !== COLON
  ) {
    return -1;
  }
  cursor.position = value;
  return i - 1;
}

/** Whitespace `trimEnd` may remove: ASCII controls and space, and every non-ASCII character. */
function mayBeTrimmed(code: number): boolean {
  return code <= SPACE || code >= 0x80;
}

function isSpace(code: number): boolean {
  return code === SPACE || code === TAB || code === CR;
}
