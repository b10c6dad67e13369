import { describe, expect, it } from 'vitest';
import { replaceAuthCredentials } from '../../../src/scrub/detectors/bearer.js';

const M = '[Filtered]';

describe('replaceAuthCredentials()', () => {
  it('replaces Bearer and Basic credentials and keeps the scheme word', () => {
    expect(replaceAuthCredentials('Authorization: Bearer abc.DEF-123_x~', M)).toBe(
      'Authorization: Bearer [Filtered]',
    );
    expect(replaceAuthCredentials('sent basic dXNlcjpwYXNzd29yZA== twice', M)).toBe(
      'sent basic [Filtered] twice',
    );
    expect(replaceAuthCredentials('BEARER 0123456789abcdef', M)).toBe('BEARER [Filtered]');
  });

  it('keeps prose that merely mentions the schemes', () => {
    const prose = 'Basic authentication failed; Bearer undefined; basic usage; bearer token';
    expect(replaceAuthCredentials(prose, M)).toBe(prose);
  });
});
