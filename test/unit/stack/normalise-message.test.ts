import { describe, expect, it } from 'vitest';
import { normaliseMessage } from '../../../src/stack/normalise-message.js';

describe('normaliseMessage()', () => {
  describe('property access on undefined', () => {
    const forms = [
      // V8 ≥ 9.3 (Chrome, Edge, Node ≥ 16.9, workerd, Deno)
      "Cannot read properties of undefined (reading 'total')",
      "Cannot set properties of undefined (setting 'total')",
      // V8 < 9.3
      "Cannot read property 'total' of undefined",
      // JavaScriptCore (Safari)
      "undefined is not an object (evaluating 'cart.total')",
      "undefined is not an object (evaluating 'this.state.cart.total')",
      // SpiderMonkey ≥ 74 (Firefox)
      'can\'t access property "total", cart is undefined',
      'can\'t access property "total", this.state.cart is undefined',
      'can\'t access property "total" of undefined',
      // SpiderMonkey < 74
      'cart is undefined',
      'this.state.cart is undefined',
      'undefined has no properties',
      // window.onerror prefixes
      "Uncaught TypeError: Cannot read properties of undefined (reading 'total')",
      'TypeError: cart is undefined',
    ];

    it.each(forms)('maps %j to one form', (message) => {
      expect(normaliseMessage(message)).toBe('cannot read properties of undefined');
    });

    it('keeps null apart from undefined, in every engine', () => {
      const nullForms = [
        "Cannot read properties of null (reading 'addEventListener')",
        "Cannot read property 'addEventListener' of null",
        "null is not an object (evaluating 'el.addEventListener')",
        "'null' is not an object (evaluating 'el.addEventListener')",
        'can\'t access property "addEventListener", el is null',
        'document.getElementById(...) is null',
        'null has no properties',
      ];
      for (const message of nullForms) {
        expect(normaliseMessage(message)).toBe('cannot read properties of null');
      }
    });
  });

  describe('calls of non-functions', () => {
    it('keeps the final property name of a member call, as every engine prints it', () => {
      const forms = [
        'api.client.fetchUser is not a function', // V8, SpiderMonkey
        "api.client.fetchUser is not a function. (In 'api.client.fetchUser(1)', 'api.client.fetchUser' is undefined)", // JSC
        "undefined is not a function (evaluating 'api.client.fetchUser(1)')", // old JSC
        'e.fetchUser is not a function', // minified receiver
        'TypeError: t.fetchUser is not a function',
      ];
      for (const message of forms) {
        expect(normaliseMessage(message)).toBe('fetchuser is not a function');
      }
    });

    it('drops the name of a bare call, which minifiers rename', () => {
      expect(normaliseMessage('callback is not a function')).toBe('is not a function');
      expect(normaliseMessage('e is not a function')).toBe('is not a function');
      expect(
        normaliseMessage("e is not a function. (In 'e(t)', 'e' is an instance of Object)"),
      ).toBe('is not a function');
    });

    it('reads through the (0, module.fn) interop call of bundlers', () => {
      expect(
        normaliseMessage('(0 , react__WEBPACK_IMPORTED_MODULE_0__.useId) is not a function'),
      ).toBe('useid is not a function');
    });
  });

  describe('undeclared variables', () => {
    it('maps V8, SpiderMonkey and JavaScriptCore to one form with the name', () => {
      expect(normaliseMessage('gtag is not defined')).toBe('gtag is not defined');
      expect(normaliseMessage("Can't find variable: gtag")).toBe('gtag is not defined');
      expect(normaliseMessage('ReferenceError: gtag is not defined')).toBe('gtag is not defined');
    });

    it('tells different variables apart', () => {
      expect(normaliseMessage('gtag is not defined')).not.toBe(
        normaliseMessage('dataLayer is not defined'),
      );
    });

    it('maps use-before-initialisation of every engine to one form', () => {
      const forms = [
        "Cannot access 'config' before initialization",
        "can't access lexical declaration 'config' before initialization",
        'Cannot access uninitialized variable.',
      ];
      for (const message of forms) {
        expect(normaliseMessage(message)).toBe('cannot access variable before initialization');
      }
    });
  });

  describe('volatile parts', () => {
    it('replaces numbers, hex ids and uuids with <n>', () => {
      expect(normaliseMessage('Order 4411 failed after 3 tries')).toBe(
        'order <n> failed after <n> tries',
      );
      expect(normaliseMessage('object 0x1f3a and 3fa9c2d1 gone')).toBe('object <n> and <n> gone');
      expect(normaliseMessage('job 123e4567-e89b-12d3-a456-426614174000 stuck')).toBe(
        'job <n> stuck',
      );
    });

    it('gives the same form for hex ids with and without letters', () => {
      expect(normaliseMessage('request 3fa9c2 failed')).toBe(
        normaliseMessage('request 329104 failed'),
      );
    });

    it('replaces random tokens of 16 or more letters and digits, as workerd prints them', () => {
      const reference = (id: string) => `internal error; reference = ${id} (after 3 attempts)`;
      expect(normaliseMessage(reference('6go2leopb55drhvg49qvmonu'))).toBe(
        normaliseMessage(reference('rrmfff0t6b66sr8om4udbib4')),
      );
      expect(normaliseMessage(reference('6go2leopb55drhvg49qvmonu'))).toBe(
        'internal error; reference = <n> (after <n> attempts)',
      );
      // Names with a digit or two are words, however long: they still tell messages apart.
      const names = [
        'checkout2ConfirmButton',
        'checkout2CancelButton',
        'sha256WithRSAEncryption',
        'md5WithRSAEncryption',
        'orders2024archive',
        'customers2023backup',
        'chacha20poly1305',
        'pbkdf2hmacsha256',
      ];
      const forms = names.map((name) => normaliseMessage(`missing key ${name}`));
      expect(new Set(forms).size).toBe(names.length);
      // Long words without a digit are words too.
      expect(normaliseMessage('unsupportedcontenttypeheader here')).toBe(
        'unsupportedcontenttypeheader here',
      );
    });

    it('replaces urls with <url>', () => {
      expect(normaliseMessage('Failed to fetch https://api.example/v1/users/42?x=1 now')).toBe(
        'failed to fetch <url> now',
      );
    });

    it('replaces single, double and backtick quoted values with <str>', () => {
      expect(normaliseMessage(`Unknown plan 'gold' for "ann" in \`eu-1\``)).toBe(
        'unknown plan <str> for <str> in <str>',
      );
    });

    it('does not take the apostrophe of a word for a quote', () => {
      expect(normaliseMessage("Can't load 'profile' and don't retry")).toBe(
        "can't load <str> and don't retry",
      );
    });

    it('collapses whitespace and lowercases', () => {
      expect(normaliseMessage('  Network   Failure\n\tRetry  ')).toBe('network failure retry');
    });

    it('leaves hex-looking words without digits alone', () => {
      expect(normaliseMessage('bad face added')).toBe('bad face added');
    });

    it('bounds the work on very long messages', () => {
      const long = `${'x'.repeat(5000)} tail`;
      expect(normaliseMessage(long).length).toBeLessThanOrEqual(1000);
    });
  });
});
