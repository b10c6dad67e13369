/**
 * The value detectors of the scrubber, composed once per options.
 *
 * @module
 */
import { replaceAuthCredentials } from './detectors/bearer.js';
import { replaceCardNumbers } from './detectors/card-luhn.js';
import { replaceEmails } from './detectors/email.js';
import { replaceJwts } from './detectors/jwt.js';
import { createUrlParamScrubber } from './detectors/url-params.js';
import type { ResolvedScrubOptions } from './scrub-options.js';
import type { KeyMatcher } from './sensitive-keys.js';
import {
  scanText,
  SIGNAL_AT,
  SIGNAL_DIGITS,
  SIGNAL_EQUALS,
  SIGNAL_JWT,
  SIGNAL_AUTH,
} from './text-signals.js';

/** Shorter strings cannot hold anything a detector looks for (`?sid=x` is the shortest). */
const MIN_LENGTH = 6;

type Step = (text: string) => string;

/**
 * Composes the enabled detectors, in this order: URL parameters and userinfo (so that
 * `?email=…` under a sensitive name goes whole), JWTs, `Bearer`/`Basic` credentials, emails,
 * card numbers. One pass of {@link scanText} decides which of them can match; clean text is
 * returned as is, without any allocation.
 *
 * @example
 * const scrubText = createStringScrubber(resolveScrubOptions(), createKeyMatcher());
 * scrubText('mail bob@example.com'); // 'mail [email]'
 */
export function createStringScrubber(
  options: ResolvedScrubOptions,
  isSensitive: KeyMatcher,
): (text: string) => string {
  const { markers } = options;
  const urls: Step | undefined = options.urlParams
    ? createUrlParamScrubber(isSensitive, markers.param, markers.credential)
    : undefined;
  const jwts: Step | undefined = options.jwts
    ? (text) => replaceJwts(text, markers.jwt)
    : undefined;
  const auth: Step | undefined = options.bearer
    ? (text) => replaceAuthCredentials(text, markers.credential)
    : undefined;
  const emails: Step | undefined = options.emails
    ? (text) => replaceEmails(text, markers.email)
    : undefined;
  const cards: Step | undefined = options.cards
    ? (text) => replaceCardNumbers(text, markers.card)
    : undefined;
  return (text) => {
    if (text.length < MIN_LENGTH) return text;
    const signals = scanText(text);
    if (signals === 0) return text;
    let out = text;
    if (urls && signals & (SIGNAL_EQUALS | SIGNAL_AT)) out = urls(out);
    if (jwts && signals & SIGNAL_JWT) out = jwts(out);
    if (auth && signals & SIGNAL_AUTH) out = auth(out);
    if (emails && signals & SIGNAL_AT) out = emails(out);
    if (cards && signals & SIGNAL_DIGITS) out = cards(out);
    return out;
  };
}
