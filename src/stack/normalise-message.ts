/**
 * Message normalisation for fingerprints (SPEC §2): volatile parts stripped, and the message
 * families that engines word differently mapped to one form so the same bug groups across
 * browsers.
 *
 * @module
 */

/** Messages longer than this are cut before normalising, so the cost per event stays bounded. */
const MAX_LENGTH = 1000;

/** `Uncaught TypeError: ` as `window.onerror` prints it: the error name is not the message. */
const ERROR_PREFIX = /^(?:uncaught\s+)?(?:[\w$]*(?:error|exception):\s*)?/i;
const UNCAUGHT = /^uncaught\s/i;

/** A property access on `undefined` or `null`, by engine. Group 1 is `undefined` or `null`. */
const ACCESS_ON_NOTHING: readonly RegExp[] = [
  // V8 ≥ 9.3: Cannot read properties of undefined (reading 'foo'); writes say "set … (setting".
  /^cannot (?:read|set) properties of (undefined|null)\b/i,
  // V8 < 9.3: Cannot read property 'foo' of undefined.
  /^cannot (?:read|set) property .* of (undefined|null)$/i,
  // JavaScriptCore: undefined is not an object (evaluating 'x.foo'); Safari 6 quoted 'null'.
  /^'?(undefined|null)'? is not an object\b/i,
  // SpiderMonkey ≥ 74: can't access property "foo", x is undefined.
  /^can't access property .*, .* is (undefined|null)$/i,
  // SpiderMonkey ≥ 74 on a literal: can't access property "foo" of undefined.
  /^can't access property .* of (undefined|null)$/i,
  // SpiderMonkey < 74 on a literal: undefined has no properties.
  /^(undefined|null) has no properties$/i,
  // SpiderMonkey < 74: x is undefined, this.u is null, document.getElementById(...) is null.
  /^[\p{L}_$][\p{L}\p{N}_$]*(?:\.[\p{L}\p{N}_$]+|\[[^\]]*\]|\(\.\.\.\))* is (undefined|null)$/iu,
];

/**
 * A call of something that is not a function. Group 1 is the callee expression as printed: V8 and
 * SpiderMonkey print `x.y is not a function`, JavaScriptCore adds `. (In 'x.y()', 'x.y' is
 * undefined)`.
 */
const NOT_A_FUNCTION = /^(.+?) is not a function\b/i;
/** Older JavaScriptCore: undefined is not a function (evaluating 'x.y()'). */
const JSC_EVALUATING = /\(evaluating '(.+?)(?:\(.*\))?'\)/i;
/** Webpack/Babel interop calls `(0 , _mod.fn)(…)`, printed alike by every engine. */
const INTEROP_CALL = /^\(0\s*,\s*(.+)\)$/;
/** The final property name of a member expression (`a.b.c` → `c`, `x?.y` → `y`). */
const FINAL_PROPERTY = /\.([\p{L}_$][\p{L}\p{N}_$]*)$/u;

/** An undeclared variable: V8 and SpiderMonkey `x is not defined`, JSC `Can't find variable: x`. */
const NOT_DEFINED: readonly RegExp[] = [
  /^([\p{L}_$][\p{L}\p{N}_$]*) is not defined$/iu,
  /^can't find variable: ([\p{L}_$][\p{L}\p{N}_$]*)$/iu,
];

/** Use before `let`/`const` initialisation (the temporal dead zone), by engine. */
const BEFORE_INIT: readonly RegExp[] = [
  /^cannot access '.*' before initialization$/i, // V8
  /^can't access lexical declaration .* before initialization$/i, // SpiderMonkey
  /^cannot access uninitialized variable\.?$/i, // JavaScriptCore
];

// Volatile parts of a lowercased message, each replaced in its own pass when it can occur.
const URL = /\b[a-z][a-z\d+.-]*:\/\/[^\s'"`<>()]*/g;
/** Quoted values; an apostrophe inside a word (`can't`, `users'`) opens or closes no quote. */
const QUOTED = /(?<!\w)'[^'\n]*'(?!\w)|"[^"\n]*"|`[^`\n]*`/g;
const UUID = /[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}/;
/** `0x1f`, and words of hex digits with at least one decimal digit: `3fa9c2`, `404`. */
const HEX_OR_NUMBER = /0x[\da-f]+|[\da-f]*\d[\da-f]*/;
/**
 * Random tokens: words of 16 or more letters and digits with at least three separate digit
 * runs, e.g. the `reference = 6go2leopb55drhvg49qvmonu` of a workerd internal error or a
 * base-36 request id. Names with a digit or two stay words (`checkout2ConfirmButton`,
 * `sha256WithRSAEncryption`, `chacha20poly1305`): they tell messages apart.
 */
const TOKEN = /(?=[a-z]*\d+[a-z]+\d+[a-z]+\d)[a-z\d]{16,}/;
/** Uuids, hex ids, numbers and random tokens as whole words, then digit runs inside words (`utf8`). */
const NUMERIC = new RegExp(
  String.raw`\b(?:${UUID.source}|${HEX_OR_NUMBER.source}|${TOKEN.source})\b|\d+`,
  'g',
);
/** Whitespace other than a lone space: runs, tabs, newlines. */
const EXTRA_WHITESPACE = /\s{2,}|[^\S ]/g;

/**
 * Normalises an error message for grouping (SPEC §2):
 *
 * 1. cuts it to 1 000 characters and drops an `Uncaught TypeError: `-style prefix;
 * 2. maps the engine-specific families to one form:
 *    - property access on undefined/null (V8 new and old, JavaScriptCore, SpiderMonkey new and
 *      old, reads and writes) → `cannot read properties of undefined` (or `… of null`). The
 *      names are dropped: SpiderMonkey before 74 prints only the variable, so no name is common
 *      to every engine; the top frames tell different bugs apart;
 *    - `… is not a function` → `<prop> is not a function` keeping only the final property name
 *      of a member call (`a.b.c` → `c`, every engine prints it and minifiers keep property
 *      names), or `is not a function` for a bare call, whose local name a minifier may rename;
 *    - `x is not defined` / `Can't find variable: x` → `x is not defined`, name kept (every
 *      engine prints it; undeclared globals are never renamed by minifiers);
 *    - use before initialisation → `cannot access variable before initialization`;
 * 3. otherwise replaces urls with `<url>`, quoted values ('…', "…", `…`; an apostrophe in a
 *    word such as `can't` does not open a quote) with `<str>`, uuids, hex ids and numbers with
 *    `<n>`, collapses whitespace and lowercases.
 *
 * @example
 * normaliseMessage("Cannot read properties of undefined (reading 'id')");
 * // 'cannot read properties of undefined'
 * normaliseMessage('undefined is not an object (evaluating \'user.id\')');
 * // 'cannot read properties of undefined'
 * normaliseMessage('Order 4411 failed after 3 tries: "card declined"');
 * // 'order <n> failed after <n> tries: <str>'
 */
export function normaliseMessage(message: string): string {
  const cut = message.slice(0, MAX_LENGTH).trim();
  const text = cut.includes(':') || UNCAUGHT.test(cut) ? cut.replace(ERROR_PREFIX, '') : cut;
  const lower = text.toLowerCase();
  return matchFamily(text, lower) ?? stripVolatile(lower);
}

function matchFamily(text: string, lower: string): string | undefined {
  if (lower.includes('undefined') || lower.includes('null')) {
    for (const pattern of ACCESS_ON_NOTHING) {
      const match = pattern.exec(text);
      if (match) return `cannot read properties of ${match[1]!.toLowerCase()}`;
    }
  }
  if (lower.includes('not a function')) return notAFunction(text);
  if (lower.includes('not defined') || lower.includes('find variable')) {
    for (const pattern of NOT_DEFINED) {
      const match = pattern.exec(text);
      if (match) return `${match[1]!.toLowerCase()} is not defined`;
    }
  }
  if (lower.includes('initializ')) {
    for (const pattern of BEFORE_INIT) {
      if (pattern.test(text)) return 'cannot access variable before initialization';
    }
  }
  return undefined;
}

function notAFunction(text: string): string | undefined {
  const match = NOT_A_FUNCTION.exec(text);
  if (!match) return undefined;
  let callee = match[1]!.trim();
  if (callee === 'undefined') callee = JSC_EVALUATING.exec(text)?.[1] ?? callee;
  callee = INTEROP_CALL.exec(callee)?.[1] ?? callee;
  const property = FINAL_PROPERTY.exec(callee)?.[1];
  return property === undefined
    ? 'is not a function'
    : `${property.toLowerCase()} is not a function`;
}

function stripVolatile(lower: string): string {
  let out = lower.includes('://') ? lower.replace(URL, '<url>') : lower;
  if (out.includes("'") || out.includes('"') || out.includes('`')) {
    out = out.replace(QUOTED, '<str>');
  }
  return out.replace(NUMERIC, '<n>').replace(EXTRA_WHITESPACE, ' ').trim();
}
