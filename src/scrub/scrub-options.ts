/**
 * Options of the scrubber (SPEC §2, scrubbing), and their resolution to a complete set.
 *
 * @module
 */

/** The text that replaces each kind of removed value. */
export interface ScrubMarkers {
  /** Replaces the whole value of a sensitive key (see `isSensitiveKey`). Default `'[Filtered]'`. */
  readonly key: string;
  /** Replaces an email address inside a string. Default `'[email]'`. */
  readonly email: string;
  /** Replaces a Luhn-valid payment card number inside a string. Default `'[card]'`. */
  readonly card: string;
  /** Replaces a JSON Web Token inside a string. Default `'[jwt]'`. */
  readonly jwt: string;
  /**
   * Replaces the credentials after `Bearer ` / `Basic ` (the scheme word is kept) and the
   * userinfo of a URL (`https://[Filtered]@host/`). Default `'[Filtered]'`.
   */
  readonly credential: string;
  /** Replaces the value of a sensitive URL query or fragment parameter. Default `'[Filtered]'`. */
  readonly param: string;
  /** Replaces an object or array nested deeper than `maxDepth`. Default `'[MaxDepth]'`. */
  readonly depth: string;
  /** Replaces a reference back to an object that contains it. Default `'[Circular]'`. */
  readonly circular: string;
  /**
   * Replaces a value whose reading threw (a throwing getter, a revoked proxy).
   * Default `'[Unreadable]'`.
   */
  readonly unreadable: string;
}

/** Options of `scrub()` and `createScrubber()`. Every field is optional. */
export interface ScrubOptions {
  /**
   * More sensitive keys, on top of the built-in list. A string matches when the key, lowercased
   * with `-`, `_`, `.` and spaces removed, contains it lowercased the same way (`'ssn'` matches
   * `userSSN` and `ssn_hash`); a RegExp is tested against the key as it is. Default `[]`.
   */
  readonly keys?: readonly (string | RegExp)[];
  /**
   * Keys never treated as sensitive, overriding the built-in list and `keys`. A string matches
   * the whole key, lowercased with `-`, `_`, `.` and spaces removed (`'sessionId'` allows
   * `session_id`); a RegExp is tested against the key as it is. Default `[]`.
   */
  readonly allowKeys?: readonly (string | RegExp)[];
  /** Replace email addresses inside strings. Default `true`. */
  readonly emails?: boolean;
  /** Replace Luhn-valid payment card numbers inside strings. Default `true`. */
  readonly cards?: boolean;
  /** Replace JSON Web Tokens inside strings. Default `true`. */
  readonly jwts?: boolean;
  /** Replace `Bearer …` / `Basic …` credentials inside strings. Default `true`. */
  readonly bearer?: boolean;
  /**
   * Replace the values of sensitive URL query/fragment parameters and `key=value` pairs, and the
   * userinfo (`user:password@`) of URLs, inside strings. Default `true`.
   */
  readonly urlParams?: boolean;
  /** Replacement texts, per kind; missing ones keep their defaults ({@link DEFAULT_MARKERS}). */
  readonly markers?: Partial<ScrubMarkers>;
  /**
   * How many levels of objects and arrays are copied; a container deeper than this becomes
   * `markers.depth` (the value passed in is level 0). Must be a non-negative integer; anything
   * else falls back to the default. Default `12`.
   */
  readonly maxDepth?: number;
}

/** {@link ScrubOptions} with every default filled in. */
export interface ResolvedScrubOptions {
  readonly keys: readonly (string | RegExp)[];
  readonly allowKeys: readonly (string | RegExp)[];
  readonly emails: boolean;
  readonly cards: boolean;
  readonly jwts: boolean;
  readonly bearer: boolean;
  readonly urlParams: boolean;
  readonly markers: ScrubMarkers;
  readonly maxDepth: number;
}

/** The default replacement texts. */
export const DEFAULT_MARKERS: ScrubMarkers = Object.freeze({
  key: '[Filtered]',
  email: '[email]',
  card: '[card]',
  jwt: '[jwt]',
  credential: '[Filtered]',
  param: '[Filtered]',
  depth: '[MaxDepth]',
  circular: '[Circular]',
  unreadable: '[Unreadable]',
});

/** Default of {@link ScrubOptions.maxDepth}. */
export const DEFAULT_MAX_DEPTH = 12;

/**
 * Fills in the defaults of {@link ScrubOptions}.
 *
 * @example
 * resolveScrubOptions({ emails: false }).maxDepth; // 12
 */
export function resolveScrubOptions(options: ScrubOptions = {}): ResolvedScrubOptions {
  const depth = options.maxDepth;
  return {
    keys: options.keys ?? [],
    allowKeys: options.allowKeys ?? [],
    emails: options.emails ?? true,
    cards: options.cards ?? true,
    jwts: options.jwts ?? true,
    bearer: options.bearer ?? true,
    urlParams: options.urlParams ?? true,
    markers: { ...DEFAULT_MARKERS, ...definedMarkers(options.markers) },
    maxDepth:
      depth !== undefined && Number.isInteger(depth) && depth >= 0 ? depth : DEFAULT_MAX_DEPTH,
  };
}

function definedMarkers(markers: Partial<ScrubMarkers> | undefined): Partial<ScrubMarkers> {
  if (!markers) return {};
  const defined: Record<string, string> = {};
  for (const [kind, text] of Object.entries(markers)) {
    if (typeof text === 'string') defined[kind] = text;
  }
  return defined;
}
