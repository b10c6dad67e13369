import type { MessageRow } from './message-table.js';

/**
 * The texts of programming bugs, for when the error's name did not survive (a thrown string, a
 * `window.onerror` message, an error re-wrapped as a plain `Error`). A `TypeError`,
 * `ReferenceError` or `RangeError` is a bug by its name already, unless its message says I/O.
 */
// prettier-ignore
export const PROGRAMMING_MESSAGES: readonly MessageRow[] = [
  // V8: `Cannot read properties of undefined (reading 'x')` (old: `Cannot read property 'x' of
  // undefined`), `Cannot set properties of null`, `o.foo is not a function`, `x is not defined`,
  // `x is not iterable`, `… is not a constructor`, `Cannot access 'x' before initialization`,
  // `Assignment to constant variable.`, `Cannot destructure property 'a' of 'undefined'`,
  // `Cannot convert undefined or null to object`, `Illegal invocation`, `Invalid array length`,
  // `Maximum call stack size exceeded` (unbounded recursion is a bug, not exhaustion).
  [/Cannot (?:read|set) propert(?:y|ies)\b/, 'programming_error'],
  [/\bis not a (?:function|constructor)\b/, 'programming_error'],
  [/\bis not (?:defined|iterable)\b/, 'programming_error'],
  ['before initialization', 'programming_error'],
  ['Assignment to constant variable', 'programming_error'],
  ['Cannot destructure', 'programming_error'],
  ['Cannot convert undefined or null to object', 'programming_error'],
  ['Illegal invocation', 'programming_error'],
  ['Invalid array length', 'programming_error'],
  ['Invalid string length', 'programming_error'],
  ['Maximum call stack size exceeded', 'programming_error'],
  ['Reduce of empty array with no initial value', 'programming_error'],
  ['Cannot find module', 'programming_error'],
  // JavaScriptCore (Safari): `undefined is not an object (evaluating 'a.b')`, `null is not an
  // object`, `Can't find variable: x`, `Right side of assignment cannot be destructured`,
  // `Cannot access uninitialized variable.`, `Attempted to assign to readonly property.`
  [/\b(?:undefined|null) is not an object\b/, 'programming_error'],
  ["Can't find variable", 'programming_error'],
  ['cannot be destructured', 'programming_error'],
  ['Cannot access uninitialized variable', 'programming_error'],
  ['Attempted to assign to readonly property', 'programming_error'],
  // SpiderMonkey (Firefox): `can't access property "x", y is undefined`, `y is undefined`,
  // `y is null`, `y has no properties`, `too much recursion`, `can't access lexical declaration
  // 'x' before initialization`, `invalid assignment to const 'x'`, `can't convert null to object`.
  ["can't access property", 'programming_error'],
  [/^[\w$.[\]"'()]+ is (?:undefined|null)$/, 'programming_error'],
  ['has no properties', 'programming_error'],
  ['too much recursion', 'programming_error'],
  ["can't access lexical declaration", 'programming_error'],
  ['invalid assignment to const', 'programming_error'],
  [/can't convert (?:undefined|null) to object/, 'programming_error'],
  // Chromium DOM: `Failed to execute 'querySelector' on 'Document': '#1' is not a valid
  // selector.`; `The node to be removed is not a child of this node.`
  ['is not a valid selector', 'programming_error'],
  ['is not a child of this node', 'programming_error'],
  // React: production builds throw `Minified React error #418; visit https://react.dev/errors/…`;
  // development builds spell out hook-order and render-loop bugs and hydration mismatches.
  ['Minified React error #', 'programming_error'],
  ['Hydration failed because', 'programming_error'],
  [/Rendered (?:more|fewer) hooks than/, 'programming_error'],
  ['Too many re-renders', 'programming_error'],
  ['Maximum update depth exceeded', 'programming_error'],
  ['Objects are not valid as a React child', 'programming_error'],
  ['Invalid hook call', 'programming_error'],
  // axios `Unsupported protocol ftp:`, got `Unsupported protocol "ftp:"`.
  ['Unsupported protocol', 'programming_error'],
  // Cloudflare workerd: `The script will never generate a response.` (a promise that never
  // settles, e.g. awaiting I/O created in another request).
  ['The script will never generate a response', 'programming_error'],
];
