/**
 * One frame of a parsed stack trace (SPEC §2). Fields are absent, never `undefined`-valued,
 * when the engine did not print them.
 */
export interface StackFrame {
  /** The function name exactly as printed, minus an `async ` / `async*` prefix. */
  readonly function?: string;
  /** The file or URL exactly as printed (`<anonymous>`, `native`, `[native code]` included). */
  readonly file?: string;
  /** 1-based line number. */
  readonly line?: number;
  /** 1-based column number. */
  readonly column?: number;
}
