import { parseSpiderMonkeyJscFrame } from './formats/spidermonkey-jsc.js';
import { parseV8Frame } from './formats/v8.js';
import { createStackCursor, readCommonV8Frame } from './formats/v8-common-frame.js';
import type { StackFrame } from './stack-frame.js';

/** Most frames returned; deeper frames are dropped (the most recent calls come first). */
const MAX_FRAMES = 100;

/** Longer lines are skipped unread: no engine prints a frame that long, messages can be. */
const MAX_LINE_LENGTH = 2000;

type LineFormat = 'v8' | 'spidermonkey-jsc';

/**
 * Reads a stack trace printed by V8 (Chrome, Edge, workerd, Deno, Node), SpiderMonkey (Firefox)
 * or JavaScriptCore (Safari) into frames, most recent call first, following SPEC §2: names kept
 * verbatim minus an `async ` / `async*` prefix, files exactly as printed, native frames with their
 * literal file and no position, eval frames at the outer script's location.
 *
 * The frames are the last unbroken run of frame lines in one format: V8 prints the message (which
 * may span lines, even lines that look like frames) before the frames, so frame-shaped lines
 * followed by a line that is not a frame were message. Lines after the last run (text appended
 * by a library) are ignored, as are blank lines and lines over 2000 characters. At most 100
 * frames are returned. Never throws, and runs in time linear in the input.
 *
 * @param stack - An `Error#stack` string from any engine (or any other string).
 * @returns The frames, possibly empty.
 *
 * @example
 * ```ts
 * parseStack('TypeError: x is not a function\n    at load (https://app.example/main.js:12:5)');
 * // [{ function: 'load', file: 'https://app.example/main.js', line: 12, column: 5 }]
 * parseStack('load@https://app.example/main.js:12:5\n@https://app.example/main.js:20:1\n');
 * // [{ function: 'load', file: …, line: 12, column: 5 }, { file: …, line: 20, column: 1 }]
 * ```
 */
export function parseStack(stack: string): StackFrame[] {
  if (typeof stack !== 'string') return [];
  try {
    return readFrames(stack);
  } catch {
    return [];
  }
}

function readFrames(stack: string): StackFrame[] {
  const frames: StackFrame[] = [];
  const cursor = createStackCursor(stack);
  let format: LineFormat | undefined;
  let runEnded = false;
  let start = 0;
  while (start <= stack.length && frames.length < MAX_FRAMES) {
    let end = stack.indexOf('\n', start);
    if (end < 0) end = stack.length;
    if (end - start <= MAX_LINE_LENGTH) {
      let frame = readCommonV8Frame(cursor, start, end);
      let lineFormat: LineFormat = 'v8';
      if (!frame && !isBlank(stack, start, end)) {
        const line = stack.slice(start, end);
        frame = parseV8Frame(line);
        if (!frame) {
          lineFormat = 'spidermonkey-jsc';
          frame = parseSpiderMonkeyJscFrame(line);
        }
        if (!frame) runEnded = true;
      }
      if (frame) {
        if (runEnded || lineFormat !== format) {
          frames.length = 0;
          format = lineFormat;
          runEnded = false;
        }
        frames.push(frame);
      }
    }
    start = end + 1;
  }
  return frames;
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) > 32) return false;
  return true;
}
