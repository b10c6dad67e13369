/**
 * A memo of the last string scrubbed, for stack frames: consecutive frames mostly share their
 * file (and, in recursion, their function), and comparing a string costs less than scanning it.
 *
 * @module
 */

/** Remembers what the last string scrubbed to; {@link TextMemo.clear} forgets it. */
export interface TextMemo {
  /** `scrubText(text)`, from the memo when `text` is the last text scrubbed. */
  scrub(text: string): string;
  /** Forgets the entry, so the memo keeps no text between calls of the scrubber. */
  clear(): void;
}

/**
 * Makes a {@link TextMemo} in front of `scrubText`, which must be a pure function of its input.
 *
 * @example
 * const memo = createTextMemo(scrubText);
 * memo.scrub('https://app.example/main.js'); // scanned
 * memo.scrub('https://app.example/main.js'); // remembered
 * memo.clear();
 */
export function createTextMemo(scrubText: (text: string) => string): TextMemo {
  let input: string | undefined;
  let output = '';
  return {
    scrub(text) {
      if (text !== input) {
        output = scrubText(text);
        input = text;
      }
      return output;
    },
    clear() {
      input = undefined;
      output = '';
    },
  };
}
