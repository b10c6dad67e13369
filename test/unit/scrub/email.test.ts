import { describe, expect, it } from 'vitest';
import { replaceEmails } from '../../../src/scrub/detectors/email.js';

const M = '[email]';

describe('replaceEmails()', () => {
  it('replaces an email and keeps the rest of the string', () => {
    expect(replaceEmails('user bob@example.com failed', M)).toBe('user [email] failed');
  });

  it('replaces several emails, with plus tags, subdomains and dots', () => {
    expect(replaceEmails('a.b+tag@mail.example.co.uk, c_d@x-y.io.', M)).toBe('[email], [email].');
  });

  it('replaces percent-encoded emails in URLs', () => {
    expect(replaceEmails('/reset?email=ann%40example.org&x=1', M)).toBe('/reset?email=[email]&x=1');
  });

  it('keeps SpiderMonkey and JavaScriptCore stack frames', () => {
    const stack =
      'render@https://app.example/static/main.js:10:7\nboot@main.bundle.js:1:2\n@debugger eval code:1:1';
    expect(replaceEmails(stack, M)).toBe(stack);
  });

  it('ends the address at its top-level domain', () => {
    expect(replaceEmails('mail bob@example.com.5 and ann@example.org2', M)).toBe(
      'mail [email].5 and ann@example.org2',
    );
  });

  it('keeps text with a lone @ or a domain without a top-level domain', () => {
    expect(replaceEmails('@scope/pkg and user@localhost and a@b', M)).toBe(
      '@scope/pkg and user@localhost and a@b',
    );
  });

  it('returns the very same string when there is nothing to replace', () => {
    const text = 'nothing to see';
    expect(replaceEmails(text, M)).toBe(text);
  });
});
