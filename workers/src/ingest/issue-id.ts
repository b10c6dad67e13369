/**
 * Issue ids: deterministic from project and fingerprint, so every isolate names a new issue
 * alike and concurrent batches meet on one row.
 *
 * @module
 */
import { sha256Hex } from '../crypto/sha256.js';

/** Hex digits of an issue id: 96 bits, so ids never collide in practice. */
export const ISSUE_ID_LENGTH = 24;

/**
 * The id of a project's issue for a fingerprint: the first 24 hex digits of
 * SHA-256(`projectId` NUL `fingerprint`). Opaque, so ids say nothing across projects.
 *
 * @example
 * issueIdOf('acme', '3f2a9c1b0d4e5f60'); // 24 hex digits, the same on every call
 */
export function issueIdOf(projectId: string, fingerprint: string): string {
  return sha256Hex(`${projectId}\0${fingerprint}`).slice(0, ISSUE_ID_LENGTH);
}
