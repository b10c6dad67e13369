import type { MessageRow } from './message-table.js';

/**
 * JSON that could not be parsed: usually an HTML error page where JSON was expected, or an
 * empty body. Every engine words it differently.
 */
// prettier-ignore
export const JSON_PARSE_MESSAGES: readonly MessageRow[] = [
  // V8 (Chrome, Node.js, Deno, workerd) before 10.5: `Unexpected token < in JSON at position 0`;
  // since: `Unexpected token '<', "<!DOCTYPE "... is not valid JSON`, `"undefined" is not valid
  // JSON`, `Unexpected non-whitespace character after JSON at position 7`, `Unterminated string
  // in JSON at position 4`, `Unexpected end of JSON input`.
  ['JSON at position', 'deserialization_failed'],
  ['is not valid JSON', 'deserialization_failed'],
  ['Unexpected end of JSON input', 'deserialization_failed'],
  // SpiderMonkey (Firefox): `JSON.parse: unexpected character at line 1 column 1 of the JSON
  // data`, `JSON.parse: unexpected end of data at line 1 column 1 of the JSON data`.
  ['JSON.parse: ', 'deserialization_failed'],
  ['of the JSON data', 'deserialization_failed'],
  // JavaScriptCore (Safari, Bun): `JSON Parse error: Unrecognized token '<'`, `JSON Parse error:
  // Unexpected EOF`. Safari's `Response.json()` says `The string did not match the expected
  // pattern.` (a SyntaxError; the same DOMException text also comes from a few DOM APIs, but
  // reports overwhelmingly come from `.json()` on an HTML body).
  ['JSON Parse error', 'deserialization_failed'],
  ['The string did not match the expected pattern', 'deserialization_failed'],
  // node-fetch `FetchError` (type invalid-json): `invalid json response body at https://… reason:
  // Unexpected token < in JSON at position 0`.
  ['invalid json response body', 'deserialization_failed'],
];

/** Values that could not be serialised: cycles, BigInts, and what `structuredClone` refuses. */
// prettier-ignore
export const SERIALIZATION_MESSAGES: readonly MessageRow[] = [
  // V8: `TypeError: Converting circular structure to JSON\n    --> starting at object with
  // constructor 'Object'…`; `Do not know how to serialize a BigInt`.
  ['Converting circular structure to JSON', 'serialization_failed'],
  ['Do not know how to serialize a BigInt', 'serialization_failed'],
  // SpiderMonkey: `TypeError: cyclic object value`; `BigInt value can't be serialized in JSON`.
  ['cyclic object value', 'serialization_failed'],
  ["BigInt value can't be serialized in JSON", 'serialization_failed'],
  // JavaScriptCore: `JSON.stringify cannot serialize cyclic structures.`, `… cannot serialize BigInt.`
  ['JSON.stringify cannot serialize', 'serialization_failed'],
  // DataCloneError texts: V8 `() => {} could not be cloned.`, `#<Promise> could not be cloned.`;
  // SpiderMonkey `The object could not be cloned.`; JavaScriptCore `The object can not be cloned.`
  ['could not be cloned', 'serialization_failed'],
  ['can not be cloned', 'serialization_failed'],
];
