import { describe, expect, it } from 'vitest';

import { parseStack } from '../../../../src/stack/parse-stack.js';

// SpiderMonkey (Firefox) and JavaScriptCore (Safari) lines, including older shapes after public
// TraceKit / Sentry fixtures, read through parseStack; real-engine stacks are in the corpus test.

describe('parseStack() on SpiderMonkey stacks (Firefox)', () => {
  it('reads named, anonymous, nested-anonymous and async frames', () => {
    const stack = [
      'loadUser@https://app.example/main.js:63:9',
      'async*loadPage@https://app.example/main.js:66:9',
      'runAnonymous/</<@https://app.example/main.js:56:13',
      '[2]</Bar.prototype._baz/</<@http://path/to/file.js:703:28',
      '@https://app.example/main.js:131:8',
      '',
    ].join('\n');
    expect(parseStack(stack)).toEqual([
      { function: 'loadUser', file: 'https://app.example/main.js', line: 63, column: 9 },
      { function: 'loadPage', file: 'https://app.example/main.js', line: 66, column: 9 },
      { function: 'runAnonymous/</<', file: 'https://app.example/main.js', line: 56, column: 13 },
      {
        function: '[2]</Bar.prototype._baz/</<',
        file: 'http://path/to/file.js',
        line: 703,
        column: 28,
      },
      { file: 'https://app.example/main.js', line: 131, column: 8 },
    ]);
  });

  it('gives eval and Function frames the outer line and no column', () => {
    const stack = [
      'baz@http://localhost:8080/file.js line 26 > eval line 2 > eval:1:30',
      '@http://localhost:8080/file.js line 26 > eval:4:18',
      'anonymous@/srv/my app (v2)/a.js line 80 > Function:4:1',
    ].join('\n');
    expect(parseStack(stack)).toEqual([
      { function: 'baz', file: 'http://localhost:8080/file.js', line: 26 },
      { file: 'http://localhost:8080/file.js', line: 26 },
      { function: 'anonymous', file: '/srv/my app (v2)/a.js', line: 80 },
    ]);
  });

  it('splits at the @ that starts the location when names or URLs contain more', () => {
    const stack = [
      'render@https://cdn.example/@acme/widget@1.0.0/dist/a.js:1:2',
      'obj["a@b"]@https://app.example/main.js:3:4',
      'f@t.js:5:6',
      'wrapped@resource://path/data/content/bundle.js:7270:25',
    ].join('\n');
    expect(parseStack(stack)).toEqual([
      {
        function: 'render',
        file: 'https://cdn.example/@acme/widget@1.0.0/dist/a.js',
        line: 1,
        column: 2,
      },
      { function: 'obj["a@b"]', file: 'https://app.example/main.js', line: 3, column: 4 },
      { function: 'f', file: 't.js', line: 5, column: 6 },
      {
        function: 'wrapped',
        file: 'resource://path/data/content/bundle.js',
        line: 7270,
        column: 25,
      },
    ]);
  });

  it('reads old Firefox frames without columns and indented frames', () => {
    expect(
      parseStack('dumpException3@http://path/to/file.js:52\n   @http://path/to/file.js:48\n'),
    ).toEqual([
      { function: 'dumpException3', file: 'http://path/to/file.js', line: 52 },
      { file: 'http://path/to/file.js', line: 48 },
    ]);
  });
});

describe('parseStack() on JavaScriptCore stacks (Safari)', () => {
  it('reads global code, native and location-less frames', () => {
    const stack = [
      'mapCallback@http://localhost:5000/test:20:26',
      'map@[native code]',
      'eval code@',
      'eval@[native code]',
      'global code@http://localhost:5000/test:24:10',
      'module code@/srv/@acme/app (v2)/main.js:3:8',
    ].join('\n');
    expect(parseStack(stack)).toEqual([
      { function: 'mapCallback', file: 'http://localhost:5000/test', line: 20, column: 26 },
      { function: 'map', file: '[native code]' },
      { function: 'eval code' },
      { function: 'eval', file: '[native code]' },
      { function: 'global code', file: 'http://localhost:5000/test', line: 24, column: 10 },
      { function: 'module code', file: '/srv/@acme/app (v2)/main.js', line: 3, column: 8 },
    ]);
  });

  it('reads the bare lines of older Safari', () => {
    const stack = [
      'http://path/to/file.js:48:22',
      'foo@http://path/to/file.js:52:15',
      'eval code',
      'safari-web-extension://46434E60/scripts/content-script.js:29:56027',
      '[native code]',
    ].join('\n');
    expect(parseStack(stack)).toEqual([
      { file: 'http://path/to/file.js', line: 48, column: 22 },
      { function: 'foo', file: 'http://path/to/file.js', line: 52, column: 15 },
      { function: 'eval code' },
      {
        file: 'safari-web-extension://46434E60/scripts/content-script.js',
        line: 29,
        column: 56027,
      },
      { file: '[native code]' },
    ]);
  });
});
