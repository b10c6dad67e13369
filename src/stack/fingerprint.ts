/**
 * Grouping key of an error event (SPEC §2): the same bug gives the same fingerprint across
 * browsers, builds and deployments.
 *
 * @module
 */
import { fnv1a64Parts } from './hash.js';
import { hasLocation, isInAppFrame } from './in-app.js';
import { normaliseMessage } from './normalise-message.js';
import type { StackFrame } from './stack-frame.js';

/** What a fingerprint is computed from: a subset of the wire event (SPEC §6). */
export interface FingerprintInput {
  /** The taxonomy type, e.g. `programming_error`. */
  readonly type: string;
  /** The error message as captured. */
  readonly message: string;
  /** Parsed frames, most recent call first. */
  readonly frames?: readonly StackFrame[];
}

/** How many frames, from the top of the stack, contribute to a fingerprint. */
export const FINGERPRINT_FRAMES = 3;

/** Separates the hashed parts, so `('ab', 'c')` and `('a', 'bc')` differ. */
const SEPARATOR = '\u0000';

/**
 * Fingerprints an error event for grouping: FNV-1a 64-bit (see `fnv1a64`) over
 *
 * - `type`;
 * - {@link normaliseMessage}`(message)`;
 * - the top {@link FINGERPRINT_FRAMES} (3) in-app frames (see {@link isInAppFrame}) — or, when
 *   none is in-app, the top 3 frames that have a location — each as its normalised file and
 *   function name (see {@link frameKey}); frames of `eval` and `new Function` code are skipped
 *   (JavaScriptCore prints them without a location).
 *
 * Line and column numbers never go in: they differ between engines for the same call site
 * (V8 points at the call, SpiderMonkey and JavaScriptCore at other columns) and move with every
 * release. The result is 16 lowercase hex digits, deterministic across runtimes.
 *
 * @example
 * const id = fingerprint({
 *   type: 'programming_error',
 *   message: "Cannot read properties of undefined (reading 'id')",
 *   frames: [{ function: 'Cart.total', file: 'https://shop.example/static/main.3f2a9c1b.js' }],
 * });
 * id.length; // 16
 */
export function fingerprint(event: FingerprintInput): string {
  const frames = event.frames ?? [];
  const parts = [event.type, SEPARATOR, normaliseMessage(event.message)];
  if (!addFrameKeys(parts, frames, isInAppFrame)) addFrameKeys(parts, frames, hasLocation);
  return fnv1a64Parts(parts);
}

/**
 * Appends the keys of the top frames that `include` accepts to `parts`, each after a separator;
 * false when there is none. `include` must depend on the frame's file alone, as `isInAppFrame`
 * and `hasLocation` do.
 */
function addFrameKeys(
  parts: string[],
  frames: readonly StackFrame[],
  include: (frame: StackFrame) => boolean,
): boolean {
  let taken = 0;
  // Neighbouring frames mostly share a file: its verdict and normal form are worked out once.
  let file: string | undefined;
  let included = false;
  let fileKey = '';
  for (let i = 0; i < frames.length && taken < FINGERPRINT_FRAMES; i++) {
    const frame = frames[i]!;
    if (i === 0 || frame.file !== file) {
      file = frame.file;
      included = include(frame);
      fileKey = included ? normaliseFile(file ?? '') : '';
    }
    if (!included || isRuntimeCompiled(frame)) continue;
    parts.push(SEPARATOR, fileKey, ' ', normaliseFunction(frame.function ?? ''));
    taken++;
  }
  return taken > 0;
}

/**
 * Code compiled at run time: V8 names direct `eval` and `new Function` frames `eval`,
 * SpiderMonkey and JavaScriptCore name `new Function` frames `anonymous`. JavaScriptCore prints
 * such frames without a location, so V8's and SpiderMonkey's are skipped too, to agree with it.
 */
function isRuntimeCompiled(frame: StackFrame): boolean {
  return frame.function === 'eval' || frame.function === 'anonymous';
}

/**
 * The part of a frame that goes into a fingerprint: `file` with the origin, query, fragment and
 * content hashes removed, then a space and the function name reduced to what survives across
 * engines and builds (empty when anonymous or minified).
 *
 * @example
 * frameKey({ function: 'Foo.bar', file: 'https://app.example/static/main.3f2a9c1b.js?v=2' });
 * // '/static/main.js bar'
 * frameKey({ function: 't', file: 'https://app.example/static/main.9d8e7f6a.js' });
 * // '/static/main.js '
 */
export function frameKey(frame: StackFrame): string {
  return `${normaliseFile(frame.file ?? '')} ${normaliseFunction(frame.function ?? '')}`;
}

/** Bounded memo of file normalisation: the same few bundle URLs recur in every event. */
const fileCache = new Map<string, string>();
/** Entries per memo; a full memo is cleared (cheaper than LRU bookkeeping on every hit). */
const CACHE_LIMIT = 512;

/**
 * Normalises a frame's file: drops `scheme://host[:port]` (so `https://a.example/x.js`,
 * `https://b.example/x.js` and `file:///x.js` all give `/x.js`), a `blob:` prefix, the query and
 * the fragment, replaces versions in directory names with `<version>` (`/v1.4.2/`,
 * `/widget@1.0.0/`) and hash-like directory names with `<hash>`, and removes content hashes
 * from the file name (`main.3f2a9c1b.js`, `chunk-AB12CD34.js`, `index-Dx8aF2kL.js` → `main.js`,
 * `chunk.js`, `index.js`).
 *
 * @example
 * normaliseFile('https://cdn.example/assets/index-Dx8aF2kL.js?v=3#x'); // '/assets/index.js'
 */
export function normaliseFile(file: string): string {
  // The query and fragment go first, so the memo never holds what they may carry (tokens).
  const query = file.indexOf('?');
  const fragment = file.indexOf('#');
  const end = query === -1 ? fragment : fragment === -1 ? query : Math.min(query, fragment);
  const path = end === -1 ? file : file.slice(0, end);
  const cached = fileCache.get(path);
  if (cached !== undefined) return cached;
  const normalised = computeFile(path);
  if (fileCache.size >= CACHE_LIMIT) fileCache.clear();
  fileCache.set(path, normalised);
  return normalised;
}

const BLOB_PREFIX = /^blob:/i;
const ORIGIN = /^[a-z][a-z\d+.-]*:\/\/[^/]*/i;
const EXTENSION = /\.[a-z\d]{1,6}$/i;
/** A release in a directory name: `/v1.4.2/`, `/1.4.2-beta.1/`, `/widget@1.0.0/`. */
const VERSION = /(^|[/@-])v?\d+(?:\.\d+)+(?:[-+][\w.]+)?(?=\/)/g;
/** Rollup/Vite `name-[hash:8]`, whose base64url hash may itself contain `-` or `_`. */
const DASHED_HASH8 = /-([\w-]{8})$/;
const PART_SEPARATOR = /([.-])/;
const HEX4 = /^[\da-f]{4,}$/i;
const NUMERIC = /^\d+$/;
const DIGIT = /\d/;
const LETTER = /[a-z]/i;
const LOWER = /[a-z]/;
const WORDISH6 = /^[\w-]{6,}$/;
const WORDISH8 = /^[\w-]{8}$/;
const DIGIT_OR_DASH = /[\d_-]/;
const UPPER_AFTER_FIRST = /^.+[A-Z]/;
const ALL_CAPS = /^[A-Z]+$/;
const DIGIT_OR_DOLLAR = /[\d$]/;

function computeFile(file: string): string {
  const path = file.replace(BLOB_PREFIX, '').replace(ORIGIN, '');
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const directory = path.slice(0, slash + 1);
  const base = path.slice(slash + 1);
  return normaliseDirectory(directory) + normaliseBaseName(base);
}

function normaliseDirectory(directory: string): string {
  if (directory.length <= 1) return directory;
  return directory
    .replace(VERSION, '$1<version>')
    .split('/')
    .map((segment) => (segment !== '' && isHashLike(segment) ? '<hash>' : segment))
    .join('/');
}

function normaliseBaseName(base: string): string {
  const extension = EXTENSION.exec(base)?.[0] ?? '';
  let stem = base.slice(0, base.length - extension.length);
  const dashed = DASHED_HASH8.exec(stem);
  if (dashed && isHash8(dashed[1]!)) stem = stem.slice(0, dashed.index);
  const parts = stem.split(PART_SEPARATOR);
  const first = parts[0] ?? '';
  let kept = isHexOrNumber(first) ? '<hash>' : first;
  for (let i = 2; i < parts.length; i += 2) {
    const part = parts[i]!;
    if (!isHashLike(part)) kept += parts[i - 1]! + part;
  }
  return kept + extension;
}

/** `3f2a`, `3f2a9c1b…` (hex with a digit) or `123` (a numeric chunk id). */
function isHexOrNumber(part: string): boolean {
  return HEX4.test(part) ? DIGIT.test(part) : NUMERIC.test(part);
}

/** A content hash or build id as bundlers print them. */
function isHashLike(part: string): boolean {
  if (isHexOrNumber(part)) return true;
  // Base32/base64 hashes with a digit: esbuild `AB12CD34`, Vite `Dx8aF2kL`, Next.js build ids.
  if (WORDISH6.test(part) && DIGIT.test(part) && LETTER.test(part)) return true;
  return part.length === 8 && isHash8(part);
}

/**
 * An 8-character Rollup/Vite/esbuild hash. A quarter of them have no digit, so mixed case past
 * the first letter or all capitals counts too; a name like `MyWidget` is a false positive, which
 * only merges files in one directory, never splits a group.
 */
function isHash8(part: string): boolean {
  if (!WORDISH8.test(part)) return false;
  if (DIGIT_OR_DASH.test(part) || ALL_CAPS.test(part)) return true;
  return UPPER_AFTER_FIRST.test(part) && LOWER.test(part);
}

const AS_ALIAS = / \[as [^\]]*\]$/;
const ADORNMENT_PREFIX = /^(?:(?:async\*?|new|get|set|static) )+/;
const IDENTIFIER = /^[\p{L}_$][\p{L}\p{N}_$]*$/u;
/** Names that engines print for code outside any named function. */
const ANONYMOUS: ReadonlySet<string> = new Set(['anonymous', 'eval', 'global', 'module']);

/**
 * Reduces a function name to its final identifier: `[as x]` aliases and `new `/`async `/`get `/
 * `set ` prefixes dropped, then the last `/`-segment (SpiderMonkey nesting) and the last
 * `.`-segment (`Foo.bar` → `bar`). SpiderMonkey's `outer/<` (an anonymous function inside
 * `outer`) is anonymous, as V8 and JavaScriptCore print it, so it gives `''`, as do `<anonymous>`,
 * `Object.<anonymous>`, `global code` and every other non-identifier. Minified names give `''`
 * too (see {@link isMinifiedName}), so the frame counts by its file alone.
 *
 * @example
 * normaliseFunction('async Foo.bar [as baz]'); // 'bar'
 * normaliseFunction('outer/<'); // ''
 * normaliseFunction('e.t'); // ''
 */
export function normaliseFunction(name: string): string {
  let cached = functionCache.get(name);
  if (cached === undefined) {
    cached = computeFunction(name);
    if (functionCache.size >= CACHE_LIMIT) functionCache.clear();
    functionCache.set(name, cached);
  }
  return cached;
}

/** Bounded memo of function-name normalisation: the same names recur in every event. */
const functionCache = new Map<string, string>();

function computeFunction(name: string): string {
  const bare = name.includes(' ') ? name.replace(AS_ALIAS, '').replace(ADORNMENT_PREFIX, '') : name;
  const segment = bare.slice(bare.lastIndexOf('/') + 1);
  const last = segment.slice(segment.lastIndexOf('.') + 1);
  if (!IDENTIFIER.test(last) || ANONYMOUS.has(last) || isMinifiedName(last)) return '';
  return last;
}

/**
 * Whether an identifier looks minified: one or two characters (`t`, `Qe`), three with a digit
 * or `$` (`a1b`, `e$c`), or an obfuscator's `_0x…` name. Real three-letter names (`run`, `map`)
 * are kept.
 *
 * @example
 * isMinifiedName('Qe'); // true
 * isMinifiedName('render'); // false
 */
export function isMinifiedName(name: string): boolean {
  if (name.length <= 2) return true;
  if (name.length === 3 && DIGIT_OR_DOLLAR.test(name)) return true;
  return name.startsWith('_0x');
}
