/**
 * Where `traceparent` may be sent: origins (`'https://api.example.com'`), URL prefixes
 * (`'https://api.example.com/v2/'`), patterns tested against the whole URL, or a predicate.
 */
export type PropagateTraceTo = readonly (string | RegExp)[] | ((url: URL) => boolean);

interface MaybeLocation {
  readonly location?: { readonly origin?: unknown };
}

/** The page's origin in a browser; `undefined` in Workers, Deno and Node. */
function pageOrigin(): string | undefined {
  const origin = (globalThis as MaybeLocation).location?.origin;
  return typeof origin === 'string' && origin !== 'null' ? origin : undefined;
}

/**
 * Decides per URL whether to send `traceparent`. By default: same-origin only in browsers (a
 * new header on a cross-origin request forces a CORS preflight third-party APIs may refuse),
 * everywhere in other runtimes (SPEC §3).
 */
export function tracePropagation(option: PropagateTraceTo | undefined): (url: URL) => boolean {
  if (typeof option === 'function') return option;
  const rules = option ?? (pageOrigin() === undefined ? undefined : [pageOrigin() as string]);
  if (rules === undefined) return () => true;
  return (url) =>
    rules.some((rule) =>
      typeof rule === 'string'
        ? url.origin === rule || isUnder(url.href, rule)
        : rule.test(url.href),
    );
}

/** `href` starts with `prefix` at a path boundary (`/v2` covers `/v2/x`, not `/v2beta`). */
function isUnder(href: string, prefix: string): boolean {
  if (!href.startsWith(prefix)) return false;
  if (/[/?#]$/.test(prefix) || href.length === prefix.length) return true;
  return '/?#'.includes(href.charAt(prefix.length));
}
