const encoder = new TextEncoder();

/** Hex digits of an issue id: 96 bits, so ids never collide in practice. */
export const ISSUE_ID_LENGTH = 24;

/**
 * Issue ids this isolate worked out, by project and fingerprint: most events belong to issues
 * seen before, and a digest is a round trip off the isolate's thread. First in, first out past
 * {@link ISSUE_ID_CACHE_SIZE} entries (about 100 bytes each); ids hold nothing secret.
 */
const known = new Map<string, string>();
/** Most issue ids remembered per isolate. */
export const ISSUE_ID_CACHE_SIZE = 4096;

/**
 * The id of a project's issue for a fingerprint: the first 24 hex digits of
 * SHA-256(`projectId` NUL `fingerprint`). Deterministic, so every isolate names a new issue
 * alike and concurrent batches meet on one row; opaque, so ids say nothing across projects.
 * Remembered per isolate (see {@link ISSUE_ID_CACHE_SIZE}).
 *
 * @example
 * await issueIdOf('acme', '3f2a9c1b0d4e5f60'); // 24 hex digits, the same on every call
 */
export async function issueIdOf(projectId: string, fingerprint: string): Promise<string> {
  const key = `${projectId}\0${fingerprint}`;
  const cached = known.get(key);
  if (cached !== undefined) return cached;
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(key));
  let hex = '';
  for (const byte of new Uint8Array(digest, 0, ISSUE_ID_LENGTH / 2)) {
    hex += byte.toString(16).padStart(2, '0');
  }
  if (known.size >= ISSUE_ID_CACHE_SIZE) known.delete(known.keys().next().value!);
  known.set(key, hex);
  return hex;
}
