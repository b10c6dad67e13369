import { describe, expect, it } from 'vitest';
import { isCardNumber, replaceCardNumbers } from '../../../src/scrub/detectors/card-luhn.js';

const M = '[card]';

describe('isCardNumber()', () => {
  it.each([
    '4111111111111111',
    '5555555555554444',
    '378282246310005',
    '6011111111111117',
    '4222222222222',
  ])('accepts the test card %s', (digits) => {
    expect(isCardNumber(digits)).toBe(true);
  });

  it('rejects numbers failing the Luhn check, short or long numbers and timestamps', () => {
    expect(isCardNumber('4111111111111112')).toBe(false);
    expect(isCardNumber('411111111111')).toBe(false);
    expect(isCardNumber('41111111111111111111')).toBe(false);
    expect(isCardNumber('1712345678907')).toBe(false); // a Luhn-valid ms timestamp
  });
});

describe('replaceCardNumbers()', () => {
  it('removes Luhn-valid card numbers but keeps order ids', () => {
    expect(replaceCardNumbers('card 4111111111111111 for order 4111111111111112', M)).toBe(
      'card [card] for order 4111111111111112',
    );
  });

  it('removes card numbers written with spaces or dashes', () => {
    expect(replaceCardNumbers('pay 4111 1111 1111 1111 now', M)).toBe('pay [card] now');
    expect(replaceCardNumbers('pay 5555-5555-5555-4444.', M)).toBe('pay [card].');
    expect(replaceCardNumbers('amex 3782 822463 10005', M)).toBe('amex [card]');
  });

  it('finds a card number next to other digit groups', () => {
    expect(replaceCardNumbers('ref 12 4111 1111 1111 1111 99', M)).toBe('ref 12 [card] 99');
    expect(replaceCardNumbers('x 7 4111111111111111', M)).toBe('x 7 [card]');
  });

  it('keeps digit runs longer than 19 digits, which are ids', () => {
    const id = 'trace 41111111111111110000';
    expect(replaceCardNumbers(id, M)).toBe(id);
  });

  it('keeps stack line and column numbers', () => {
    const stack = 'at f (https://a.example/main.js:1234:5678)\nat g (https://a.example/x.js:99:1)';
    expect(replaceCardNumbers(stack, M)).toBe(stack);
  });
});
