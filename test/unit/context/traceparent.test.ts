import { describe, expect, it } from 'vitest';
import { formatTraceparent, parseTraceparent } from '../../../src/context/traceparent.js';

const VALID = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('parseTraceparent()', () => {
  it('reads the W3C example header', () => {
    expect(parseTraceparent(VALID)).toEqual({
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      sampled: true,
    });
  });

  it('reads the sampled flag from bit 0 only', () => {
    expect(parseTraceparent(VALID.replace(/01$/, '00'))?.sampled).toBe(false);
    expect(parseTraceparent(VALID.replace(/01$/, '03'))?.sampled).toBe(true);
  });

  it('accepts future versions with extra fields', () => {
    expect(parseTraceparent(`cc${VALID.slice(2)}-what-the-future-holds`)?.traceId).toBe(
      '4bf92f3577b34da6a3ce929d0e0e4736',
    );
  });

  it.each([
    ['version ff', `ff${VALID.slice(2)}`],
    ['extra field in version 00', `${VALID}-extra`],
    ['all-zero trace id', `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`],
    ['all-zero span id', `00-4bf92f3577b34da6a3ce929d0e0e4736-${'0'.repeat(16)}-01`],
    ['uppercase hex', VALID.toUpperCase()],
    ['short trace id', '00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01'],
    ['garbage', 'hello'],
    ['empty', ''],
  ])('refuses %s', (_, header) => {
    expect(parseTraceparent(header)).toBeUndefined();
  });

  it('refuses non-strings and absurdly long input', () => {
    expect(parseTraceparent(null)).toBeUndefined();
    expect(parseTraceparent(undefined)).toBeUndefined();
    expect(parseTraceparent(`cc${VALID.slice(2)}-${'x'.repeat(10_000)}`)).toBeUndefined();
  });
});

describe('formatTraceparent()', () => {
  it('round-trips with parseTraceparent', () => {
    const parsed = parseTraceparent(VALID);
    expect(parsed && formatTraceparent(parsed)).toBe(VALID);
  });
});
