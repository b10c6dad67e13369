/**
 * Character codes and limits shared by the stack-format readers, which scan lines with
 * `charCodeAt` rather than regular expressions.
 *
 * @module
 */

/** A space. */
export const SPACE = 32;
/** `\t` */
export const TAB = 9;
/** `\r`, left by CRLF line ends. */
export const CR = 13;
/** `(` */
export const OPEN = 40;
/** `)` */
export const CLOSE = 41;
/** `*`, as in `async*`. */
export const ASTERISK = 42;
/** `0` */
export const ZERO = 48;
/** `:` */
export const COLON = 58;
/** `>`, of `<anonymous>`. */
export const GREATER = 62;
/** `a` */
export const LOWER_A = 97;
/** `e` */
export const LOWER_E = 101;

/** Longest digit run read as a line or column; longer runs are part of the file name. */
export const MAX_DIGITS = 9;

/**
 * Deno: eval code named by `//# sourceURL=` prints `webpack://app/a.js, <anonymous>:2:9`, where
 * the position belongs to the named source.
 */
export const NAMED_EVAL_SEPARATOR = ', <anonymous>';
