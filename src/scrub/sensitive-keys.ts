/**
 * Which object keys, header names and URL parameter names hold secrets (SPEC §2, scrubbing).
 *
 * @module
 */

/**
 * Terms that mark a key sensitive wherever they occur in it, once the key is lowercased and its
 * `-`, `_`, `.` and spaces are removed: `userPassword`, `DB_PASSWD`, `client_secret`,
 * `Set-Cookie`, `x-api-key`, `privateKey`, `aws_access_key_id`, `JSESSIONID`, `XSRF-TOKEN`.
 * None of these occurs inside an everyday word except `secret` (`secretary`).
 */
const CONTAINED_TERMS = new RegExp(
  [
    'password',
    'passwd',
    'passphrase',
    'pwd',
    'secret',
    'cookie',
    'authorization',
    'credential',
    'csrf',
    'xsrf',
    'apikey',
    'privatekey',
    'accesskey',
    'signingkey',
    'encryptionkey',
    'sessionid',
    'sessid',
    'jwt',
  ].join('|'),
);

/**
 * Terms that mark a key sensitive only as a whole word (`session_id`, `basicAuth`), because
 * they occur inside unrelated words (`sessions`, `author`, `inside`).
 */
const WHOLE_WORDS: ReadonlySet<string> = new Set([
  'session',
  'auth',
  'sid',
  'ssn',
  'cvv',
  'cvc',
  'otp',
  'signature',
  'sig',
]);

/**
 * A word ending in `token` is sensitive (`token`, `accessToken`, `refreshtoken`, `id_token`);
 * `tokens`, `max_tokens`, `tokenizer` are not: plurals are counts in LLM and lexer APIs.
 */
const TOKEN_SUFFIX = 'token';

/**
 * A last word that makes the key describe a secret rather than hold it: `passwordLength`,
 * `tokenType`, `token_expires_at`, `sessionCount`, `cookieName`.
 */
const METADATA_WORDS: ReadonlySet<string> = new Set([
  'count',
  'length',
  'len',
  'size',
  'type',
  'kind',
  'name',
  'ttl',
  'expiry',
  'expires',
  'expiration',
  'at',
  'min',
  'max',
  'limit',
  'policy',
  'strength',
  'required',
  'enabled',
  'disabled',
]);

/** Words of a key: camelCase humps, acronyms, digit runs; separators dropped. */
const WORDS = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g;
const SEPARATORS = /[\s._-]+/g;
const STATEFUL_FLAGS = /[gy]/g;

/** Decides whether a key is sensitive. */
export type KeyMatcher = (key: string) => boolean;

/** The custom parts of a {@link KeyMatcher}. */
export interface KeyMatcherOptions {
  /** More sensitive keys (see `ScrubOptions.keys`). Default `[]`. */
  readonly keys?: readonly (string | RegExp)[];
  /** Keys never sensitive (see `ScrubOptions.allowKeys`). Default `[]`. */
  readonly allowKeys?: readonly (string | RegExp)[];
}

/**
 * Compiles a {@link KeyMatcher}. The rule, case-insensitive:
 *
 * 1. a key in `allowKeys` is never sensitive;
 * 2. a key matching `keys` is sensitive;
 * 3. a key is sensitive when, lowercased with `-`, `_`, `.` and spaces removed, it contains one
 *    of `password`, `passwd`, `passphrase`, `pwd`, `secret`, `cookie`, `authorization`,
 *    `credential`, `csrf`, `xsrf`, `apikey`, `privatekey`, `accesskey`, `signingkey`,
 *    `encryptionkey`, `sessionid`, `sessid`, `jwt`; or when one of its words (split at
 *    separators and camelCase humps) ends in `token` or is `session`, `auth`, `sid`, `ssn`,
 *    `cvv`, `cvc`, `otp`, `signature` or `sig` (presigned URLs: `X-Amz-Signature`, `sig=`);
 * 4. except when the key has several words and the last is a metadata word (`count`, `length`,
 *    `type`, `name`, `expires`, `at`, …): `tokenType` and `passwordLength` describe a secret.
 *
 * So `tokenizer`, `max_tokens`, `author` and `sessions` are kept; `accessToken`, `XSRF-TOKEN`,
 * `set-cookie` and `user_password` are filtered. Nothing is memoised here (a memo would keep
 * keys, which may be personal data, alive); the scrubber memoises clean keys itself.
 *
 * @example
 * const isSensitive = createKeyMatcher({ keys: ['iban'], allowKeys: ['sessionId'] });
 * isSensitive('X-Api-Key'); // true
 * isSensitive('tokenizer'); // false
 * isSensitive('customer_IBAN'); // true
 * isSensitive('session_id'); // false
 */
export function createKeyMatcher(options: KeyMatcherOptions = {}): KeyMatcher {
  const extra = compile(options.keys ?? [], (term) => (squashed) => squashed.includes(term));
  const allowed = compile(options.allowKeys ?? [], (term) => (squashed) => squashed === term);
  return (key) => {
    const squashed = key.toLowerCase().replace(SEPARATORS, '');
    if (allowed(key, squashed)) return false;
    return extra(key, squashed) || matchesBuiltIn(key, squashed);
  };
}

const defaultMatcher = createKeyMatcher();

/**
 * Whether a key (object key, header name, URL parameter name) is sensitive under the built-in
 * rule of {@link createKeyMatcher}.
 *
 * @example
 * isSensitiveKey('refresh_token'); // true
 * isSensitiveKey('max_tokens'); // false
 */
export function isSensitiveKey(key: string): boolean {
  return defaultMatcher(key);
}

function matchesBuiltIn(key: string, squashed: string): boolean {
  const words = key.match(WORDS);
  if (!words) return false;
  let hit = CONTAINED_TERMS.test(squashed);
  for (let i = 0; !hit && i < words.length; i++) {
    const word = words[i]!.toLowerCase();
    hit = word.endsWith(TOKEN_SUFFIX) || WHOLE_WORDS.has(word);
  }
  if (!hit) return false;
  const last = words[words.length - 1]!.toLowerCase();
  return words.length === 1 || !METADATA_WORDS.has(last);
}

type SquashedTest = (squashed: string) => boolean;

function compile(
  entries: readonly (string | RegExp)[],
  forString: (term: string) => SquashedTest,
): (key: string, squashed: string) => boolean {
  const tests: ((key: string, squashed: string) => boolean)[] = entries.map((entry) => {
    if (typeof entry === 'string') {
      const term = entry.toLowerCase().replace(SEPARATORS, '');
      if (term === '') return () => false;
      const test = forString(term);
      return (_key, squashed) => test(squashed);
    }
    const pattern = new RegExp(entry.source, entry.flags.replace(STATEFUL_FLAGS, ''));
    return (key) => pattern.test(key);
  });
  return (key, squashed) => tests.some((test) => test(key, squashed));
}
