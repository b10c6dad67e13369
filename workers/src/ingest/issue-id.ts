const encoder = new TextEncoder();

/** Hex digits of an issue id: 96 bits, so ids never collide in practice. */
export const ISSUE_ID_LENGTH = 24;

/**
 * The id of a project's issue for a fingerprint: the first 24 hex digits of
 * SHA-256(`projectId` NUL `fingerprint`). Deterministic, so every isolate names a new issue
 * alike and concurrent batches meet on one row; opaque, so ids say nothing across projects.
 *
 * @example
 * await issueIdOf('acme', '3f2a9c1b0d4e5f60'); // 24 hex digits, the same on every call
 */
export async function issueIdOf(projectId: string, fingerprint: string): Promise<string> {
  const digest = await crypto.subtle.digest(
    'SHA-256',
    encoder.encode(`${projectId}\0${fingerprint}`),
  );
  let hex = '';
  for (const byte of new Uint8Array(digest, 0, ISSUE_ID_LENGTH / 2)) {
    hex += byte.toString(16).padStart(2, '0');
  }
  return hex;
}
