/**
 * Text the collector copies out of an event into its own columns (issue title, event message,
 * correlation id) made safe for SQLite and search: a lone UTF-16 surrogate (which JSON carries
 * as `\ud800` but UTF-8 cannot) and NUL (which ends a C string, hiding the rest from `LIKE`)
 * become U+FFFD.
 *
 * @module
 */

const UNSAFE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|\0/g;

/**
 * `text` with lone surrogates and NUL replaced by U+FFFD (valid pairs are kept).
 *
 * @example
 * wellFormed('bad \ud800 and \0 end'); // 'bad \ufffd and \ufffd end'
 */
export function wellFormed(text: string): string {
  return text.replace(UNSAFE, '\ufffd');
}
