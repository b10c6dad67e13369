import { sha256Hex } from '../crypto/sha256.js';

/** Hex characters kept of the SHA-256: 128 bits, far from any collision among a project's users. */
const KEY_HEX_LENGTH = 32;
/** Keys remembered per isolate: the same users send batch after batch. */
const REMEMBERED = 4096;
/** Longest id remembered, so the memory held stays about a megabyte. */
const REMEMBERED_ID_LENGTH = 128;

/**
 * A wire event's `user.id` as text, as the client sent it (before any scrubbing): a non-empty
 * string as it is, a finite number in its `String()` form; `null` for anything else.
 *
 * @example
 * userIdText(42); // '42'
 */
export function userIdText(id: unknown): string | null {
  if (typeof id === 'string' && id !== '') return id;
  if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  return null;
}

/**
 * The key `events.user_id` holds for a user: the first 32 hex characters of the SHA-256 of
 * `projectId + '\0' + id`, `id` being the raw `user.id` ({@link userIdText}). Ingest stores it and
 * `DELETE /v1/users/:id/events` looks it up, so erasure finds a user by the very id the client
 * sent, however long it is and whatever the scrubber makes of it (an email id is `[email]` in
 * the stored payload), and no user id is stored in the clear outside the scrubbed payload.
 * Hashed in JavaScript (see `sha256Hex`), without a trip off the thread per user, and
 * remembered for up to {@link REMEMBERED} users at a time (the oldest forgotten first) whose
 * ids are at most {@link REMEMBERED_ID_LENGTH} characters; a promise still, as callers hash a
 * batch's users together.
 *
 * @example
 * const key = await userKey('acme', 'alice@example.com');
 */
export const userKey = rememberingUserKeys(sha256Hex);

/**
 * A {@link userKey} over `hash` (SHA-256 in hex) with a memory of its own: for tests that count
 * the hashes.
 *
 * @example
 * const keyOf = rememberingUserKeys(sha256Hex);
 */
export function rememberingUserKeys(
  hash: (text: string) => string,
): (projectId: string, id: string) => Promise<string> {
  /** `projectId + '\0' + id` → key, oldest first (a Map iterates in insertion order). */
  const remembered = new Map<string, string>();
  return async function userKey(projectId, id) {
    const input = `${projectId}\0${id}`;
    if (id.length > REMEMBERED_ID_LENGTH) return hash(input).slice(0, KEY_HEX_LENGTH);
    let key = remembered.get(input);
    if (key === undefined) {
      key = hash(input).slice(0, KEY_HEX_LENGTH);
      if (remembered.size === REMEMBERED) remembered.delete(remembered.keys().next().value!);
      remembered.set(input, key);
    }
    return key;
  };
}
