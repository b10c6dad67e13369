import { describe, expect, it } from 'vitest';
import {
  scanText,
  SIGNAL_AT,
  SIGNAL_AUTH,
  SIGNAL_DIGITS,
  SIGNAL_EQUALS,
  SIGNAL_JWT,
} from '../../../src/scrub/text-signals.js';

const padding = ' lorem ipsum dolor sit amet'.repeat(4);

describe('scanText()', () => {
  it.each([
    ['bob@example.com', SIGNAL_AT],
    ['bob%40example.com', SIGNAL_AT],
    ['?token=abc', SIGNAL_EQUALS],
    ['eyJhbGciOiJub25lIn0.e30.', SIGNAL_JWT],
    ['Bearer abcdef123', SIGNAL_AUTH],
    ['BASIC dXNlcjpw', SIGNAL_AUTH],
    ['4111111111111111', SIGNAL_DIGITS],
    ['4111 1111 1111 1111', SIGNAL_DIGITS],
    ['4111-1111-1111-1111', SIGNAL_DIGITS],
  ])('flags %j in short and long text alike', (trigger, signal) => {
    expect(scanText(`x ${trigger}`) & signal).toBe(signal);
    expect(scanText(`${padding} ${trigger} ${padding}`) & signal).toBe(signal);
  });

  it('gives no signal for a V8 stack, so the detectors never run on it', () => {
    const stack = [
      "TypeError: Cannot read properties of undefined (reading 'total')",
      '    at CartView.render (https://shop.example/static/js/main.3f2a9c1b.js:2:10457)',
      '    at Array.forEach (<anonymous>)',
      '    at Object.lv [as useState] (https://shop.example/static/js/vendor.8d7e6f5a.js:2:110012)',
    ].join('\n');
    expect(scanText(stack)).toBe(0);
    expect(scanText('production')).toBe(0);
  });
});
