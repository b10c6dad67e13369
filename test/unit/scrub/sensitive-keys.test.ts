import { describe, expect, it } from 'vitest';
import { createKeyMatcher, isSensitiveKey } from '../../../src/scrub/sensitive-keys.js';

describe('isSensitiveKey()', () => {
  it.each([
    'password',
    'Password',
    'userPassword',
    'user_password',
    'DB_PASSWD',
    'pwd',
    'mysql_pwd',
    'passphrase',
    'secret',
    'client_secret',
    'clientSecret',
    'token',
    'access_token',
    'accessToken',
    'refresh_token',
    'refreshtoken',
    'id_token',
    'nextPageToken',
    'authorization',
    'Authorization',
    'Proxy-Authorization',
    'HTTP_AUTHORIZATION',
    'cookie',
    'Set-Cookie',
    'cookies',
    'api_key',
    'apikey',
    'api-key',
    'apiKey',
    'APIKey',
    'X-Api-Key',
    'x-api-key',
    'session',
    'sessionid',
    'session_id',
    'sessionId',
    'JSESSIONID',
    'PHPSESSID',
    'connect.sid',
    'private_key',
    'privateKey',
    'aws_access_key_id',
    'aws_secret_access_key',
    'credentials',
    'credential',
    'csrf',
    '_csrf',
    'csrfToken',
    'XSRF-TOKEN',
    'x-xsrf-token',
    'jwt',
    'auth',
    'basicAuth',
    'ssn',
    'cvv',
    'otp',
    'X-Amz-Signature',
    'sig',
  ])('flags %j', (key) => {
    expect(isSensitiveKey(key)).toBe(true);
  });

  it.each([
    'tokenizer',
    'tokens',
    'max_tokens',
    'prompt_tokens',
    'tokenCount',
    'token_type',
    'tokenExpiresAt',
    'passwordLength',
    'password_min',
    'sessionCount',
    'sessions',
    'cookieName',
    'author',
    'authority',
    'inside',
    'side',
    'keyboard',
    'key',
    'monkey',
    'id',
    'user',
    'email',
    'page',
    'status',
    'message',
  ])('keeps %j', (key) => {
    expect(isSensitiveKey(key)).toBe(false);
  });
});

describe('createKeyMatcher()', () => {
  it('adds string keys matched inside the squashed key', () => {
    const matcher = createKeyMatcher({ keys: ['iban'] });
    expect(matcher('customer_IBAN')).toBe(true);
    expect(matcher('iban-number')).toBe(true);
    expect(matcher('name')).toBe(false);
  });

  it('adds RegExp keys tested against the raw key, ignoring g and y flags', () => {
    const matcher = createKeyMatcher({ keys: [/^x-internal-/gi] });
    expect(matcher('X-Internal-Trace')).toBe(true);
    expect(matcher('X-Internal-Trace')).toBe(true);
    expect(matcher('x-public')).toBe(false);
  });

  it('lets allowKeys override the built-in list and the extra keys', () => {
    const matcher = createKeyMatcher({ keys: ['iban'], allowKeys: ['sessionId', /^iban$/] });
    expect(matcher('session_id')).toBe(false);
    expect(matcher('SESSION-ID')).toBe(false);
    expect(matcher('iban')).toBe(false);
    expect(matcher('session')).toBe(true);
  });

  it('ignores empty string keys rather than flagging everything', () => {
    expect(createKeyMatcher({ keys: [''] })('name')).toBe(false);
  });
});
