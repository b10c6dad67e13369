import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fingerprint,
  frameKey,
  isMinifiedName,
  normaliseFile,
  normaliseFunction,
} from '../../../src/stack/fingerprint.js';
import { fnv1a64, fnv1a64Parts } from '../../../src/stack/hash.js';
import { isInAppFrame } from '../../../src/stack/in-app.js';
import type { StackFrame } from '../../../src/stack/stack-frame.js';

const TYPE = 'programming_error';

// The same bug (`cart` undefined in CartView.render, called from App.mount) as each engine
// reports it. Frames are built by hand: what parseStack would return for these stacks.
const chrome = {
  type: TYPE,
  message: "Cannot read properties of undefined (reading 'total')",
  frames: [
    {
      function: 'CartView.render',
      file: 'https://app.example/static/main.3f2a.js',
      line: 10,
      column: 5,
    },
    { function: 'Array.forEach', file: '<anonymous>' },
    { function: 'App.mount', file: 'https://app.example/static/main.3f2a.js', line: 42, column: 9 },
    { file: 'https://app.example/static/main.3f2a.js', line: 90, column: 1 },
  ],
};
const firefox = {
  type: TYPE,
  message: 'can\'t access property "total", cart is undefined',
  frames: [
    { function: 'render', file: 'https://app.example/static/main.3f2a.js', line: 10, column: 7 },
    { function: 'forEach', file: 'self-hosted', line: 1 },
    { function: 'mount', file: 'https://app.example/static/main.3f2a.js', line: 42, column: 3 },
    { function: 'boot/<', file: 'https://app.example/static/main.3f2a.js', line: 90, column: 4 },
  ],
};
const safari = {
  type: TYPE,
  message: "undefined is not an object (evaluating 'cart.total')",
  frames: [
    { function: 'render', file: 'https://app.example/static/main.3f2a.js', line: 10, column: 12 },
    { function: 'forEach', file: '[native code]' },
    { function: 'mount', file: 'https://app.example/static/main.3f2a.js', line: 42, column: 15 },
    { file: 'https://app.example/static/main.3f2a.js', line: 90, column: 8 },
  ],
};

describe('fingerprint()', () => {
  it('gives one fingerprint for the same bug in Chrome, Firefox and Safari', () => {
    expect(fingerprint(firefox)).toBe(fingerprint(chrome));
    expect(fingerprint(safari)).toBe(fingerprint(chrome));
  });

  it('gives different fingerprints for different bugs', () => {
    const base = fingerprint(chrome);
    expect(fingerprint({ ...chrome, type: 'internal_error' })).not.toBe(base);
    expect(fingerprint({ ...chrome, message: 'checkout.submit is not a function' })).not.toBe(base);
    const otherFunction = [
      { ...chrome.frames[0]!, function: 'CartView.update' },
      ...chrome.frames.slice(1),
    ];
    expect(fingerprint({ ...chrome, frames: otherFunction })).not.toBe(base);
    const otherFile = [{ ...chrome.frames[0]!, file: 'https://app.example/static/cart.js' }];
    expect(fingerprint({ ...chrome, frames: otherFile })).not.toBe(base);
  });

  it('ignores numbers, uuids, urls and quoted values in the message', () => {
    const first = {
      type: 'timeout',
      message: `Request 17 to https://a.example/x?id=1 for 'ann' timed out (job 123e4567-e89b-12d3-a456-426614174000)`,
    };
    const second = {
      type: 'timeout',
      message: `Request 902 to https://b.example/y for 'bob' timed out (job 9b2d4c1e-0000-4aaa-8bbb-cccccccccccc)`,
    };
    expect(fingerprint(first)).toBe(fingerprint(second));
  });

  it('gives the same fingerprint across builds with other hashes and minified names', () => {
    const build = (hash: string, receiver: string, fn: string): StackFrame[] => [
      {
        function: `${receiver}.${fn}`,
        file: `https://cdn.example/assets/index-${hash}.js`,
        line: 1,
        column: 9,
      },
      { function: fn, file: `https://cdn.example/assets/vendor-${hash}.js`, line: 1, column: 20 },
    ];
    const a = fingerprint({
      type: TYPE,
      message: 'x.y is not a function',
      frames: build('Dx8aF2kL', 'e', 't'),
    });
    const b = fingerprint({
      type: TYPE,
      message: 'x.y is not a function',
      frames: build('BxKpLqWe', 'Qe', 'nr'),
    });
    expect(a).toBe(b);
  });

  it('skips eval and new Function frames, which JavaScriptCore prints without a location', () => {
    const file = 'https://app.example/static/main.js';
    const v8 = [
      { function: 'eval', file },
      { function: 'runCompiled', file },
      { function: 'boot', file },
    ];
    const jsc = [
      { function: 'anonymous' },
      { function: 'runCompiled', file },
      { function: 'boot', file },
    ];
    expect(fingerprint({ type: TYPE, message: 'x', frames: v8 })).toBe(
      fingerprint({ type: TYPE, message: 'x', frames: jsc }),
    );
  });

  it('ignores line and column numbers', () => {
    const moved = chrome.frames.map((frame) => ({ ...frame, line: 999, column: 1 }));
    expect(fingerprint({ ...chrome, frames: moved })).toBe(fingerprint(chrome));
  });

  it('uses at most three in-app frames', () => {
    const frames = Array.from({ length: 10 }, (_, i) => ({
      function: `step${i}`,
      file: '/app/job.js',
    }));
    const changedDeep = frames.map((f, i) => (i >= 3 ? { ...f, function: 'other' } : f));
    expect(fingerprint({ type: TYPE, message: 'x', frames: changedDeep })).toBe(
      fingerprint({ type: TYPE, message: 'x', frames }),
    );
  });

  it('falls back to library frames when no frame is in-app', () => {
    const inLibrary = (file: string) => ({
      type: TYPE,
      message: 'x',
      frames: [{ function: 'parse', file }],
    });
    expect(fingerprint(inLibrary('/app/node_modules/a/index.js'))).not.toBe(
      fingerprint(inLibrary('/app/node_modules/b/index.js')),
    );
  });

  it('is deterministic and always 16 lowercase hex digits', () => {
    expect(fingerprint(chrome)).toBe(fingerprint(structuredClone(chrome)));
    for (const event of [
      chrome,
      { type: '', message: '' },
      { type: 'x', message: 'é'.repeat(3000) },
    ]) {
      expect(fingerprint(event)).toMatch(/^[0-9a-f]{16}$/);
    }
  });
});

describe('fnv1a64()', () => {
  it('matches the published FNV-1a 64-bit test vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  it('agrees with a BigInt FNV-1a over UTF-16 code units on any string', () => {
    const reference = (text: string): string => {
      let hash = 0xcbf29ce484222325n;
      for (let i = 0; i < text.length; i++) {
        hash = ((hash ^ BigInt(text.charCodeAt(i))) * 0x100000001b3n) & 0xffffffffffffffffn;
      }
      return hash.toString(16).padStart(16, '0');
    };
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(fnv1a64(text)).toBe(reference(text));
      }),
      { numRuns: 300 },
    );
  });

  it('hashes parts as their concatenation', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', maxLength: 20 }), { maxLength: 8 }),
        (parts) => {
          expect(fnv1a64Parts(parts)).toBe(fnv1a64(parts.join('')));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('isInAppFrame()', () => {
  it.each([
    ['native', false],
    ['[native code]', false],
    ['<anonymous>', false],
    ['self-hosted', false],
    ['node:internal/process/task_queues', false],
    ['internal/timers.js', false],
    ['ext:core/01_core.js', false],
    ['/srv/app/node_modules/react-dom/cjs/react-dom.production.js', false],
    ['chrome-extension://abcdefgh/content.js', false],
    ['moz-extension://1234-5678/inject.js', false],
    ['safari-extension://com.example.ext/script.js', false],
    ['safari-web-extension://ABCD/script.js', false],
    ['https://cdn.example/faultline.browser.mjs', false],
    ['https://app.example/static/main.js', true],
    ['/srv/app/dist/server.js', true],
    ['file:///Users/ann/app/src/index.ts', true],
  ])('says %s → %s', (file, inApp) => {
    expect(isInAppFrame({ function: 'f', file })).toBe(inApp);
  });

  it('rejects frames without a file', () => {
    expect(isInAppFrame({ function: 'Promise.all (index 0)' })).toBe(false);
  });
});

describe('normaliseFile()', () => {
  it.each([
    ['https://app.example/static/main.3f2a9c1b.js', '/static/main.js'],
    ['https://app.example/static/main.3f2a.js', '/static/main.js'],
    ['https://app.example/static/js/main.3f2a9c1b.chunk.js', '/static/js/main.chunk.js'],
    ['https://app.example/assets/chunk-AB12CD34.js', '/assets/chunk.js'],
    ['https://app.example/assets/chunk-ABCDEFGH.js', '/assets/chunk.js'],
    ['https://app.example/assets/index-Dx8aF2kL.js', '/assets/index.js'],
    ['https://app.example/assets/index-D-x8aF2k.js', '/assets/index.js'],
    ['https://app.example/assets/index-BxKpLqWe.js?v=3#top', '/assets/index.js'],
    ['https://app.example/_next/static/chunks/123.js', '/_next/static/chunks/<hash>.js'],
    ['https://app.example/_next/static/Xb9_kQ2vLm3/page.js', '/_next/static/<hash>/page.js'],
    ['https://app.example/assets/vendor-react-dom.js', '/assets/vendor-react-dom.js'],
    ['https://app.example/assets/settings.js', '/assets/settings.js'],
    ['file:///srv/app/dist/server.js', '/srv/app/dist/server.js'],
    ['https://cdn.example/app/v1.4.2/main.js', '/app/<version>/main.js'],
    ['https://cdn.example/@acme/widget@1.0.0-rc.1/main.js', '/@acme/widget@<version>/main.js'],
    ['blob:https://app.example/4f1c2a9e-0000-4000-8000-000000000000', '/<hash>'],
  ])('turns %s into %s', (file, expected) => {
    expect(normaliseFile(file)).toBe(expected);
  });

  it('gives the same file on every origin', () => {
    expect(normaliseFile('https://a.example:8443/app.js')).toBe(
      normaliseFile('http://b.example/app.js'),
    );
  });
});

describe('normaliseFunction()', () => {
  it.each([
    ['Foo.bar', 'bar'],
    ['async Foo.bar', 'bar'],
    ['new Widget', 'Widget'],
    ['Foo.bar [as baz]', 'bar'],
    ['get total', 'total'],
    ['mount', 'mount'],
    ['outer/inner', 'inner'],
    ['outer/<', ''],
    ['outer/</<', ''],
    ['<anonymous>', ''],
    ['Object.<anonymous>', ''],
    ['global code', ''],
    ['Promise.all (index 0)', ''],
    ['t', ''],
    ['a.b', ''],
    ['Qe', ''],
    ['e$c', ''],
    ['_0x3fa1', ''],
    ['run', 'run'],
  ])('turns %j into %j', (name, expected) => {
    expect(normaliseFunction(name)).toBe(expected);
  });

  it('treats 1–2 character names as minified and keeps real short names', () => {
    expect(isMinifiedName('t')).toBe(true);
    expect(isMinifiedName('map')).toBe(false);
  });

  it('keys a minified frame by its file alone', () => {
    expect(frameKey({ function: 'e.t', file: 'https://x.example/main.1a2b3c4d.js' })).toBe(
      '/main.js ',
    );
  });
});
