import { describe, expect, it } from 'vitest';
import { issueIdOf } from '../../workers/src/ingest/issue-id.js';

/** The id as specified: the first 24 hex digits of SHA-256(project NUL fingerprint). */
async function expectedId(projectId: string, fingerprint: string): Promise<string> {
  const bytes = new TextEncoder().encode(`${projectId}\0${fingerprint}`);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest.slice(0, 12)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

describe('issueIdOf()', () => {
  it('is the SHA-256 prefix of project and fingerprint, the same on every call', async () => {
    const fingerprint = crypto.randomUUID();
    const first = await issueIdOf('acme', fingerprint);
    expect(first).toBe(await expectedId('acme', fingerprint));
    expect(await issueIdOf('acme', fingerprint)).toBe(first);
    expect(await issueIdOf('other', fingerprint)).toBe(await expectedId('other', fingerprint));
    expect(await issueIdOf('other', fingerprint)).not.toBe(first);
  });
});
