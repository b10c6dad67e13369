import { describe, expect, it } from 'vitest';
import { createUrlParamScrubber } from '../../../src/scrub/detectors/url-params.js';
import { isSensitiveKey } from '../../../src/scrub/sensitive-keys.js';

const scrubUrls = createUrlParamScrubber(isSensitiveKey, '[Filtered]', '[Filtered]');

describe('createUrlParamScrubber()', () => {
  it('filters sensitive query parameters and keeps the others', () => {
    expect(scrubUrls('/cb?token=abc&page=2')).toBe('/cb?token=[Filtered]&page=2');
  });

  it('filters parameters of URLs inside longer text', () => {
    expect(
      scrubUrls('GET https://api.example/v1/x?page=2&api_key=k1&access_token=t2 failed (503)'),
    ).toBe(
      'GET https://api.example/v1/x?page=2&api_key=[Filtered]&access_token=[Filtered] failed (503)',
    );
  });

  it('filters fragment parameters of the OAuth implicit flow', () => {
    expect(scrubUrls('https://app.example/#access_token=abc&state=xyz')).toBe(
      'https://app.example/#access_token=[Filtered]&state=xyz',
    );
  });

  it('filters key=value pairs of form bodies and log lines', () => {
    expect(scrubUrls('password=hunter2&user=ann')).toBe('password=[Filtered]&user=ann');
    expect(scrubUrls('login failed secret=s3cr3t, retry=1')).toBe(
      'login failed secret=[Filtered], retry=1',
    );
  });

  it('filters URL userinfo', () => {
    expect(scrubUrls('fetch https://bob:pa55@db.example:5432/x')).toBe(
      'fetch https://[Filtered]@db.example:5432/x',
    );
  });

  it('scans hostile text in linear time: a long a.a.a.… before a credential URL', () => {
    // Quadratic matching took about 4 s per megabyte; a linear scan takes milliseconds. The bound
    // is loose on purpose: it tells the two apart on any machine.
    const hostile = `${'a.'.repeat(128 * 1024)} b://x@`;
    const started = performance.now();
    expect(scrubUrls(hostile).endsWith(' b://[Filtered]@')).toBe(true);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('leaves empty values and URLs with ports alone', () => {
    const text = 'https://api.example:8443/x?token=&page=2';
    expect(scrubUrls(text)).toBe(text);
  });
});
