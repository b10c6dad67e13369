/**
 * Sensitive URL parameters and URL credentials inside free text.
 *
 * @module
 */
import type { KeyMatcher } from '../sensitive-keys.js';

/**
 * `scheme://userinfo@`, RFC 3986 §3.2.1: `user:password` (deprecated but still sent) or a lone
 * token used as user name (`https://ghp_…@github.com`). The scheme is at most 64 characters:
 * unbounded, every word boundary of a long `a.a.a.…` would scan to its end (quadratic time, a
 * denial of service against the collector, which scrubs every string it receives).
 */
const USERINFO = /\b([a-z][a-z\d+.-]{0,63}:\/\/)[^\s/?#@'"<>]+@/gi;
/** Longest parameter name considered. */
const MAX_NAME = 128;
/**
 * Names whose answer is memoised: up to 32 word characters, dots, dashes and brackets, starting
 * with a letter or `_` (no `@`, too short for a JWT), so the memo holds names, not personal
 * data. Entries per memo: 512, cleared when full.
 */
const MEMO_NAME = /^[A-Za-z_][\w.\-[\]]{0,31}$/;
const MEMO_LIMIT = 512;

/**
 * Builds the URL scrubber. It replaces with `paramMarker` the value of every `name=value` pair
 * whose name `isSensitive` flags, and with `credentialMarker` the userinfo of a URL
 * (`https://bob:pw@host/` → `https://[Filtered]@host/`).
 *
 * A pair starts the text or follows `?`, `&`, `#`, `;`, `,` or whitespace, which covers query
 * strings, fragments (`#access_token=…` of the OAuth implicit flow), form bodies and `key=value`
 * log lines, also inside longer text. The name is 1–128 characters other than those and
 * `=`, quotes, `<`, `>`, parentheses; the value runs to the next `&`, `#`, `;`, `,`, whitespace,
 * quote, `<`, `>` or parenthesis. Empty values are kept. The scan jumps from `=` to `=`, so text
 * without `=` and `@` costs a few `includes` calls. Percent-encoded nested URLs
 * (`?next=%2F%3Ftoken%3D…`) are not decoded.
 *
 * @example
 * const scrubUrls = createUrlParamScrubber(isSensitiveKey, '[Filtered]', '[Filtered]');
 * scrubUrls('GET https://api.example/v1?token=abc&page=2');
 * // 'GET https://api.example/v1?token=[Filtered]&page=2'
 */
export function createUrlParamScrubber(
  isSensitive: KeyMatcher,
  paramMarker: string,
  credentialMarker: string,
): (text: string) => string {
  const replaceUserinfo = (_match: string, scheme: string): string =>
    `${scheme}${credentialMarker}@`;
  const memo = new Map<string, boolean>();
  const isSensitiveName: KeyMatcher = (name) => {
    let answer = memo.get(name);
    if (answer === undefined) {
      answer = isSensitive(name);
      if (MEMO_NAME.test(name)) {
        if (memo.size >= MEMO_LIMIT) memo.clear();
        memo.set(name, answer);
      }
    }
    return answer;
  };
  return (text) => {
    let out = text;
    if (out.includes('@') && hasUserinfo(out)) out = out.replace(USERINFO, replaceUserinfo);
    return out.includes('=') ? replaceParams(out, isSensitiveName, paramMarker) : out;
  };
}

/** Whether some `://` is followed by an authority holding `@` (cheaper than running USERINFO). */
function hasUserinfo(text: string): boolean {
  for (let scheme = text.indexOf('://'); scheme !== -1; scheme = text.indexOf('://', scheme + 3)) {
    for (let i = scheme + 3; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x40) return i > scheme + 3;
      if (code === 0x2f || code === 0x3f || code === 0x23 || endsValue(code)) break;
    }
  }
  return false;
}

function replaceParams(text: string, isSensitive: KeyMatcher, marker: string): string {
  let out = '';
  let copied = 0;
  let equals = text.indexOf('=');
  while (equals !== -1) {
    const nameStart = findNameStart(text, equals);
    if (nameStart === -1) {
      equals = text.indexOf('=', equals + 1);
      continue;
    }
    let valueEnd = equals + 1;
    while (valueEnd < text.length && !endsValue(text.charCodeAt(valueEnd))) valueEnd++;
    const value = text.slice(equals + 1, valueEnd);
    if (value !== '' && value !== marker && isSensitive(text.slice(nameStart, equals))) {
      out += text.slice(copied, equals + 1) + marker;
      copied = valueEnd;
    }
    equals = text.indexOf('=', valueEnd);
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** Start of the parameter name ending before `equals`, or -1 when there is no valid one. */
function findNameStart(text: string, equals: number): number {
  const limit = Math.max(0, equals - MAX_NAME);
  let start = equals;
  while (
    start > limit &&
    !endsValue(text.charCodeAt(start - 1)) &&
    !isNameStop(text.charCodeAt(start - 1))
  ) {
    start--;
  }
  if (start === equals) return -1;
  return start === 0 || isLead(text.charCodeAt(start - 1)) ? start : -1;
}

/** `?` `&` `#` `;` `,` or whitespace: what may come right before a parameter name. */
function isLead(code: number): boolean {
  return (
    code === 0x3f ||
    code === 0x26 ||
    code === 0x23 ||
    code === 0x3b ||
    code === 0x2c ||
    isSpace(code)
  );
}

/** `=` `?`: not part of a name (nor a lead for `=`). */
function isNameStop(code: number): boolean {
  return code === 0x3d || code === 0x3f;
}

/** `&` `#` `;` `,` whitespace, quotes, `<` `>` `(` `)`: the end of a value and of a name. */
function endsValue(code: number): boolean {
  switch (code) {
    case 0x26: // &
    case 0x23: // #
    case 0x3b: // ;
    case 0x2c: // ,
    case 0x27: // '
    case 0x22: // "
    case 0x3c: // <
    case 0x3e: // >
    case 0x28: // (
    case 0x29: // )
      return true;
    default:
      return isSpace(code);
  }
}

function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0xfeff ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}
