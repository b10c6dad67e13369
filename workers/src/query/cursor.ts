/**
 * Opaque cursors of keyset pagination: where the previous page ended (its last row's sort key
 * and id) and the ordering it belongs to. Rows tied on the sort key are told apart by id, so
 * paging never repeats or skips a row. Not signed: a forged cursor can only start a page
 * somewhere else in the caller's own project.
 */

/** The end of a page: sort key and id of its last row, and the ordering (scope) it came from. */
export interface PageCursor {
  /** The endpoint and ordering, e.g. `issues:lastSeen:desc`; a cursor only fits its own scope. */
  readonly scope: string;
  /** The last row's sort key. */
  readonly key: number;
  /** The last row's id. */
  readonly id: string;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/**
 * Encodes a cursor as URL-safe text.
 *
 * @example
 * encodeCursor({ scope: 'issues:count:asc', key: 3, id: 'iss_1' }); // 'WyJpc3N1ZXM6…'
 */
export function encodeCursor(cursor: PageCursor): string {
  const json = JSON.stringify([cursor.scope, cursor.key, cursor.id]);
  return toBase64Url(new TextEncoder().encode(json));
}

/**
 * Decodes a cursor made by {@link encodeCursor}; `undefined` for anything else. Never throws.
 *
 * @example
 * decodeCursor(encodeCursor(cursor)); // cursor
 * decodeCursor('nonsense'); // undefined
 */
export function decodeCursor(text: string): PageCursor | undefined {
  if (!/^[A-Za-z0-9_-]{1,2048}$/.test(text)) return undefined;
  try {
    const json: unknown = JSON.parse(
      new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(fromBase64Url(text)),
    );
    if (!Array.isArray(json) || json.length !== 3) return undefined;
    const [scope, key, id] = json as unknown[];
    if (typeof scope !== 'string' || typeof id !== 'string') return undefined;
    if (typeof key !== 'number' || !Number.isFinite(key)) return undefined;
    return { scope, key, id };
  } catch {
    return undefined;
  }
}

/**
 * The `nextCursor` of a page: the cursor after its last row, or `null` on the last page.
 *
 * @example
 * nextCursorOf(page, 'issue-events', (event) => event.timestamp); // 'WyJpc3N1ZS1…' or null
 */
export function nextCursorOf<T extends { readonly id: string }>(
  page: { readonly items: readonly T[]; readonly hasMore: boolean },
  scope: string,
  keyOf: (row: T) => number,
): string | null {
  const last = page.items.at(-1);
  if (!page.hasMore || last === undefined) return null;
  return encodeCursor({ scope, key: keyOf(last), id: last.id });
}
