/**
 * Payment card numbers inside free text, Luhn-checked so that order ids and timestamps stay.
 *
 * @module
 */

/** Maximal runs of 13 or more digits, single spaces or dashes allowed between digits. */
const DIGIT_RUN = /\d(?:[ -]?\d){12,}/g;
const SEPARATOR = /[ -]/;
const MIN_DIGITS = 13;
const MAX_DIGITS = 19;
/** Digit groups of a formatted number (`4111 1111 1111 1111`, Amex `3782 822463 10005`). */
const MIN_GROUP = 3;

/**
 * Whether `digits` (digits only) can be a payment card number: 13–19 digits, a first digit of
 * 2–6 (the issuer ranges of Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay, Maestro;
 * this keeps millisecond timestamps, which start with 1) and a valid Luhn check digit.
 *
 * @see https://en.wikipedia.org/wiki/Luhn_algorithm
 * @example
 * isCardNumber('4111111111111111'); // true
 * isCardNumber('4111111111111112'); // false: Luhn check fails
 */
export function isCardNumber(digits: string): boolean {
  if (digits.length < MIN_DIGITS || digits.length > MAX_DIGITS) return false;
  const first = digits.charCodeAt(0) - 0x30;
  if (first < 2 || first > 6) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let digit = digits.charCodeAt(i) - 0x30;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

/**
 * Replaces payment card numbers (see {@link isCardNumber}) with `marker`: a plain run of 13–19
 * digits, or digit groups of at least 3 separated by single spaces or dashes. Inside a longer
 * grouped run (`ref 2024 4111 1111 1111 1111`) the longest valid span of whole groups is
 * replaced. Runs longer than 19 digits without separators are ids and kept.
 *
 * @example
 * replaceCardNumbers('paid with 4111 1111 1111 1111, order 1234567890123', '[card]');
 * // 'paid with [card], order 1234567890123'
 */
export function replaceCardNumbers(text: string, marker: string): string {
  if (text.length < MIN_DIGITS) return text;
  return text.replace(DIGIT_RUN, (run) => replaceInRun(run, marker));
}

function replaceInRun(run: string, marker: string): string {
  if (!SEPARATOR.test(run)) return isCardNumber(run) ? marker : run;
  const groups = splitGroups(run);
  let out = '';
  let copied = 0;
  for (let i = 0; i < groups.length;) {
    const end = longestCardFrom(groups, i);
    if (end === -1) {
      i++;
      continue;
    }
    out += run.slice(copied, groups[i]!.start) + marker;
    copied = groups[end]!.start + groups[end]!.digits.length;
    i = end + 1;
  }
  return copied === 0 ? run : out + run.slice(copied);
}

interface Group {
  readonly start: number;
  readonly digits: string;
}

function splitGroups(run: string): Group[] {
  const groups: Group[] = [];
  let start = 0;
  for (let i = 0; i <= run.length; i++) {
    if (i === run.length || run[i] === ' ' || run[i] === '-') {
      groups.push({ start, digits: run.slice(start, i) });
      start = i + 1;
    }
  }
  return groups;
}

/** Index of the last group of the longest card number starting at group `first`, or -1. */
function longestCardFrom(groups: readonly Group[], first: number): number {
  let digits = '';
  let found = -1;
  for (let j = first; j < groups.length; j++) {
    const group = groups[j]!.digits;
    if (j > first && (group.length < MIN_GROUP || groups[first]!.digits.length < MIN_GROUP)) break;
    digits += group;
    if (digits.length > MAX_DIGITS) break;
    if (isCardNumber(digits)) found = j;
  }
  return found;
}
