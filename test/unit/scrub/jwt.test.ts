import { describe, expect, it } from 'vitest';
import { replaceJwts } from '../../../src/scrub/detectors/jwt.js';

const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkFubiJ9.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

describe('replaceJwts()', () => {
  it('replaces a JWT inside text', () => {
    expect(replaceJwts(`token ${JWT} expired`, '[jwt]')).toBe('token [jwt] expired');
  });

  it('replaces an unsigned JWT (alg none, empty signature)', () => {
    expect(replaceJwts('t=eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.', '[jwt]')).toBe('t=[jwt]');
  });

  it('keeps base64 text that is not a three-part token', () => {
    const text = 'data eyJhbGciOiJub25lIn0 only';
    expect(replaceJwts(text, '[jwt]')).toBe(text);
  });
});
