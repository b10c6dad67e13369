import { describe, expect, it } from 'vitest';

import { parseStack } from '../../../../src/stack/parse-stack.js';

// V8 lines as Chrome, Edge, workerd, Deno and Node print them (older shapes after public TraceKit /
// Sentry fixtures), read through parseStack; the real-engine corpus is in parse-stack-corpus.test.ts.

describe('parseStack() on V8 stacks (Chrome, Edge, workerd, Deno, Node)', () => {
  it('reads function, file, line and column and skips the message header', () => {
    const stack = [
      "TypeError: Cannot read properties of undefined (reading 'id')",
      '    at loadUser (https://app.example/assets/main.js:12:5)',
      '    at https://app.example/assets/main.js:40:1',
    ].join('\n');
    expect(parseStack(stack)).toEqual([
      { function: 'loadUser', file: 'https://app.example/assets/main.js', line: 12, column: 5 },
      { file: 'https://app.example/assets/main.js', line: 40, column: 1 },
    ]);
  });

  it('keeps function names verbatim except for the async prefix', () => {
    const stack = [
      'Error: boom',
      '    at new Widget (/srv/app.js:1:1)',
      '    at Object.<anonymous> (/srv/app.js:2:1)',
      '    at Account.get balance [as balance] (/srv/app.js:3:1)',
      '    at I.e.fn.(anonymous function) [as index] (/srv/app.js:4:1)',
      '    at async loadPage (/srv/app.js:5:1)',
      '    at async /srv/app.js:6:1',
      '    at Object.callback (async /srv/app.js:7:1)',
    ].join('\n');
    expect(parseStack(stack).map((frame) => frame.function)).toEqual([
      'new Widget',
      'Object.<anonymous>',
      'Account.get balance [as balance]',
      'I.e.fn.(anonymous function) [as index]',
      'loadPage',
      undefined,
      'Object.callback',
    ]);
    expect(parseStack(stack)[5]).toEqual({ file: '/srv/app.js', line: 6, column: 1 });
    expect(parseStack(stack)[6]?.file).toBe('/srv/app.js');
  });

  it('gives Promise.all element frames a function and no file', () => {
    const stack =
      'Error: x\n    at async Promise.all (index 1)\n    at async Promise.any (index 0)';
    expect(parseStack(stack)).toEqual([{ function: 'Promise.all' }, { function: 'Promise.any' }]);
  });

  it('keeps the literal file of native frames with no line or column', () => {
    const stack = [
      'Error: x',
      '    at Array.map (<anonymous>)',
      '    at Array.forEach (native)',
      '    at <anonymous>',
      '    at JSON.parse(<anonymous>)',
    ].join('\n');
    expect(parseStack(stack)).toEqual([
      { function: 'Array.map', file: '<anonymous>' },
      { function: 'Array.forEach', file: 'native' },
      { file: '<anonymous>' },
      { function: 'JSON.parse', file: '<anonymous>' },
    ]);
  });

  it('gives eval frames the location of the outermost script, however nested', () => {
    const stack = [
      'Error: message string',
      '    at baz (eval at foo (eval at speak (http://localhost:8080/file.js:21:17)), <anonymous>:1:30)',
      '    at eval (eval at speak (http://localhost:8080/file.js:21:17), <anonymous>:4:18)',
      '    at eval (eval at <anonymous> (C:\\app (x86)\\main.js:80:16), <anonymous>:4:22)',
    ].join('\n');
    expect(parseStack(stack)).toEqual([
      { function: 'baz', file: 'http://localhost:8080/file.js', line: 21, column: 17 },
      { function: 'eval', file: 'http://localhost:8080/file.js', line: 21, column: 17 },
      { function: 'eval', file: 'C:\\app (x86)\\main.js', line: 80, column: 16 },
    ]);
  });

  it('reads Deno eval code named by sourceURL at the named source', () => {
    const stack = 'Error: x\n    at webpackModule (webpack://shop/./src/cart.js, <anonymous>:2:9)';
    expect(parseStack(stack)).toEqual([
      { function: 'webpackModule', file: 'webpack://shop/./src/cart.js', line: 2, column: 9 },
    ]);
  });

  it('keeps parentheses, spaces, @, queries and fragments inside files', () => {
    const stack = [
      'Error: bad',
      '    at something (http://localhost:5000/(some)/(thing)/index.html?q=(1)#top:20:16)',
      '    at http://localhost:5000/(group)/[route]/script.js:1:126',
      '    at load (C:\\Program Files (x86)\\App\\main.js:3:9)',
      '    at C:\\Program Files (x86)\\App\\main.js:4:1',
      '    at run (/home/me/my app (copy/x.js:5:2)',
      '    at go (/home/me/odd)name/x.js:6:3)',
      '    at cdn (https://cdn.example/@acme/widget@1.0.0/dist/a.js:7:4)',
      "    at dynamicFn (data:application/javascript,export function f() { throw new Error('x'); };:1:38)",
    ].join('\n');
    expect(parseStack(stack)).toEqual([
      {
        function: 'something',
        file: 'http://localhost:5000/(some)/(thing)/index.html?q=(1)#top',
        line: 20,
        column: 16,
      },
      { file: 'http://localhost:5000/(group)/[route]/script.js', line: 1, column: 126 },
      { function: 'load', file: 'C:\\Program Files (x86)\\App\\main.js', line: 3, column: 9 },
      { file: 'C:\\Program Files (x86)\\App\\main.js', line: 4, column: 1 },
      { function: 'run', file: '/home/me/my app (copy/x.js', line: 5, column: 2 },
      { function: 'go', file: '/home/me/odd)name/x.js', line: 6, column: 3 },
      {
        function: 'cdn',
        file: 'https://cdn.example/@acme/widget@1.0.0/dist/a.js',
        line: 7,
        column: 4,
      },
      {
        function: 'dynamicFn',
        file: "data:application/javascript,export function f() { throw new Error('x'); };",
        line: 1,
        column: 38,
      },
    ]);
  });

  it('reads blob:, file:, node: and webpack: locations without decoding them', () => {
    const stack = [
      'Error: x',
      '    at s (blob:http%3A//localhost%3A8080/abfc40e9-4742-44ed-9dcd-af8f99a29379:31:29146)',
      '    at file:///Users/me/My%20App/index.mjs:16:5',
      '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
      '    at TESTTESTTEST.eval(webpack:///./src/components/test/test.jsx?:295:108)',
    ].join('\n');
    expect(parseStack(stack)).toEqual([
      {
        function: 's',
        file: 'blob:http%3A//localhost%3A8080/abfc40e9-4742-44ed-9dcd-af8f99a29379',
        line: 31,
        column: 29146,
      },
      { file: 'file:///Users/me/My%20App/index.mjs', line: 16, column: 5 },
      {
        function: 'process.processTicksAndRejections',
        file: 'node:internal/process/task_queues',
        line: 95,
        column: 5,
      },
      {
        function: 'TESTTESTTEST.eval',
        file: 'webpack:///./src/components/test/test.jsx?',
        line: 295,
        column: 108,
      },
    ]);
  });

  it('reads frames without a column, and WebAssembly frames as printed', () => {
    const stack = [
      'RuntimeError: memory access out of bounds',
      '    at legacy (http://localhost/old.js:12)',
      '    at MyClass::bar(int) const (http://localhost:8001/main.wasm:wasm-function[190]:0x5aeb)',
    ].join('\n');
    expect(parseStack(stack)).toEqual([
      { function: 'legacy', file: 'http://localhost/old.js', line: 12 },
      {
        function: 'MyClass::bar(int) const',
        file: 'http://localhost:8001/main.wasm:wasm-function[190]:0x5aeb',
      },
    ]);
  });
});
