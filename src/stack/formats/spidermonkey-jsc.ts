import type { StackFrame } from '../stack-frame.js';
import { buildFrame, frameAt, startsAbsolute, stripAsync, toPosition } from './location.js';

/**
 * Bare files printed for frames that run no script; kept as the file, with no line or column.
 * Each row names the engine that prints it.
 */
const NATIVE_FILES: ReadonlySet<string> = new Set([
  // JavaScriptCore (Safari): `map@[native code]`, and a bare `[native code]` line in Safari ≤ 6.
  '[native code]',
  // JavaScriptCore (Safari): WebAssembly functions, `fn@[wasm code]`.
  '[wasm code]',
]);

/**
 * Frames printed as a bare name, with no `@` and no location. Each row names the engine.
 */
const BARE_NAMES: ReadonlySet<string> = new Set([
  // JavaScriptCore (Safari 8–12): `eval code` for the code run by eval().
  'eval code',
  // JavaScriptCore (Safari ≤ 12): top-level code of a script or module.
  'global code',
  'module code',
]);

/**
 * SpiderMonkey (Firefox): code run by eval() or `new Function` names the outer script and the line
 * of the call, `app.js line 77 > eval:2:7` or `app.js line 80 > Function:4:1` (nested:
 * `app.js line 5 > eval line 1 > eval:1:1`). SPEC §2 takes that outer line, with no column.
 */
const SPIDERMONKEY_EVAL = / line (\d+) > /;

/**
 * Where a location may start right after an `@`, used to pick the separating `@` when names or
 * URLs contain more: a URL scheme or drive letter (`https:`, `blob:`, `C:`), an absolute path,
 * a JavaScriptCore bracketed native file, or the end of the line (JavaScriptCore `eval code@`).
 */
const LOCATION_START = /[A-Za-z][\w+.-]*:|[/\\[]|$/y;

/**
 * Parses one line of a SpiderMonkey (Firefox) or JavaScriptCore (Safari) stack: `fn@file:line:col`,
 * `@file:line:col` for anonymous code, `fn@[native code]`, `eval code@` (no location). Returns
 * `undefined` for lines that are not frames in this format.
 *
 * @example
 * ```ts
 * parseSpiderMonkeyJscFrame('async*loadPage@https://cdn.example/@acme/app.js:66:9');
 * // { function: 'loadPage', file: 'https://cdn.example/@acme/app.js', line: 66, column: 9 }
 * parseSpiderMonkeyJscFrame('@https://app.example/main.js line 77 > eval:2:7');
 * // { file: 'https://app.example/main.js', line: 77 }
 * ```
 */
export function parseSpiderMonkeyJscFrame(line: string): StackFrame | undefined {
  const text = line.trim();
  if (NATIVE_FILES.has(text)) return buildFrame(undefined, text);
  if (BARE_NAMES.has(text)) return buildFrame(text);
  let at = separatorAt(text);
  if (at < 0) {
    const bare = bareLocation(text);
    if (bare) return bare;
    at = text.indexOf('@');
    if (at < 0) return undefined;
  }
  const fn = stripAsync(text.slice(0, at));
  const location = text.slice(at + 1);
  if (location === '') return buildFrame(fn);

  const evaluated = SPIDERMONKEY_EVAL.exec(location);
  if (evaluated) {
    const outerLine = toPosition(evaluated[1] ?? '');
    return buildFrame(fn, location.slice(0, evaluated.index), outerLine);
  }
  const frame = frameAt(fn, location);
  if (frame.line === undefined && !NATIVE_FILES.has(location)) return undefined;
  return frame;
}

/**
 * Index of the `@` separating name from location: the first one followed by something that can
 * start a location, or -1. Function names rarely hold `@`; URLs often do
 * (`https://cdn.example/@scope/pkg@1.0.0/a.js`), and they always follow the separator.
 */
function separatorAt(text: string): number {
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    LOCATION_START.lastIndex = at + 1;
    if (LOCATION_START.test(text)) return at;
  }
  return -1;
}

/**
 * JavaScriptCore (Safari 7–12): anonymous frames printed as a bare location with no `@`
 * (`http://app.example/main.js:48:22`). Only a line that starts like a URL or an absolute path
 * is read this way, so message lines such as "Error: timeout at 12:30" are not.
 */
function bareLocation(text: string): StackFrame | undefined {
  if (!startsAbsolute(text)) return undefined;
  const frame = frameAt(undefined, text);
  return frame.line === undefined ? undefined : frame;
}
