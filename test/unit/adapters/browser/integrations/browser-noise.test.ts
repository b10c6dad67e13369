import { describe, expect, it } from 'vitest';
import { browserNoise } from '../../../../../src/adapters/browser/integrations/index.js';
import { FaultError } from '../../../../../src/errors/index.js';
import type { WireEvent } from '../../../../../src/wire/event-schema.js';

/** The wire event of an Error with this stack, as the client's filters see it. */
function eventOf(message: string, stack: string): WireEvent {
  const error = new Error(message);
  error.stack = stack;
  return FaultError.from(error).toJSON() as WireEvent;
}

const isNoise = (event: WireEvent) => browserNoise.some((filter) => filter(event));

describe('browserNoise', () => {
  it("drops ResizeObserver's loop notices in their old and new wording", () => {
    for (const message of [
      'ResizeObserver loop limit exceeded',
      'ResizeObserver loop completed with undelivered notifications.',
    ]) {
      expect(isNoise(eventOf(message, `Error: ${message}`))).toBe(true);
    }
  });

  it("drops errors thrown in a browser extension's script", () => {
    for (const file of [
      'chrome-extension://abcdefgh/content.js',
      'moz-extension://1234-5678/inject.js',
      'safari-extension://com.example.ext/script.js',
      'safari-web-extension://ABCD/script.js',
      'webkit-masked-url://hidden/',
    ]) {
      const event = eventOf(
        'x is undefined',
        `TypeError: x is undefined\n    at run (${file}:1:2)`,
      );
      expect([file, isNoise(event)]).toEqual([file, true]);
    }
  });

  it('drops a muted cross-origin "Script error." with no frames', () => {
    expect(isNoise(eventOf('Script error.', 'Error: Script error.'))).toBe(true);
    expect(isNoise(eventOf('Script error', 'Error: Script error'))).toBe(true);
  });

  it("keeps the page's own errors, even when an extension's frame is deeper in the stack", () => {
    const stack = [
      'TypeError: cart is undefined',
      '    at checkout (https://app.example/main.js:10:3)',
      '    at wrapped (chrome-extension://abcdefgh/hook.js:1:1)',
    ].join('\n');
    expect(isNoise(eventOf('cart is undefined', stack))).toBe(false);
    expect(
      isNoise(
        eventOf('Script error.', 'Error: Script error.\n    at https://app.example/a.js:1:1'),
      ),
    ).toBe(false);
    expect(isNoise(eventOf('ResizeObserver is not defined', 'ReferenceError: x'))).toBe(false);
  });
});
