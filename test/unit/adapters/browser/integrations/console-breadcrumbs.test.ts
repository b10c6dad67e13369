import { describe, expect, it } from 'vitest';
import { consoleBreadcrumbs } from '../../../../../src/adapters/browser/integrations/index.js';
import { recordingTarget, throwingTarget } from './recording-target.js';

type Method = 'debug' | 'info' | 'log' | 'warn' | 'error';

/** A console whose methods remember their calls (with `this`) and return a marker. */
function fakeConsole() {
  const calls: { method: Method; self: unknown; args: unknown[] }[] = [];
  const make = (method: Method) =>
    function (this: unknown, ...args: unknown[]) {
      calls.push({ method, self: this, args });
      return `${method} returned`;
    };
  const console = {
    debug: make('debug'),
    info: make('info'),
    log: make('log'),
    warn: make('warn'),
    error: make('error'),
  };
  return { console: console as unknown as Console, originals: { ...console }, calls };
}

describe('consoleBreadcrumbs()', () => {
  it('records each console method at its breadcrumb level', () => {
    const client = recordingTarget();
    const { console } = fakeConsole();
    consoleBreadcrumbs(client, console);
    console.debug('d');
    console.info('i');
    console.log('l');
    console.warn('w');
    console.error('e');
    expect(client.crumbs).toEqual([
      { category: 'console', level: 'debug', message: 'd' },
      { category: 'console', level: 'info', message: 'i' },
      { category: 'console', level: 'info', message: 'l' },
      { category: 'console', level: 'warning', message: 'w' },
      { category: 'console', level: 'error', message: 'e' },
    ]);
  });

  it('formats strings as they are, errors by name and message, other values as JSON', () => {
    const client = recordingTarget();
    const { console } = fakeConsole();
    consoleBreadcrumbs(client, console);
    console.log('retrying', { attempt: 2 }, [1, 'a'], 3, null, undefined, true);
    console.log('failed:', new TypeError('x is not a function'));
    const cycle: Record<string, unknown> = { name: 'loop' };
    cycle.self = cycle;
    console.log(cycle, 10n, Symbol('s'));
    expect(client.crumbs.map((crumb) => crumb.message)).toEqual([
      'retrying {"attempt":2} [1,"a"] 3 null undefined true',
      'failed: TypeError: x is not a function',
      '[object Object] 10 Symbol(s)',
    ]);
  });

  it('bounds the message to 300 characters however large the arguments', () => {
    const client = recordingTarget();
    const { console } = fakeConsole();
    consoleBreadcrumbs(client, console);
    console.log('a'.repeat(1000));
    console.log('short', { text: 'x'.repeat(1000) }, 'tail');
    expect(client.crumbs.map((crumb) => crumb.message)).toEqual([
      'a'.repeat(300),
      `short {"text":"${'x'.repeat(1000)}"}`.slice(0, 300),
    ]);
  });

  it('reads only the first elements of a huge array it formats', () => {
    const client = recordingTarget();
    const { console } = fakeConsole();
    consoleBreadcrumbs(client, console);
    let reads = 0;
    const huge = new Proxy(
      Array.from({ length: 1_000_000 }, (_, i) => i),
      {
        get(target, key, receiver) {
          if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
          return Reflect.get(target, key, receiver) as unknown;
        },
      },
    );
    console.log('ids', huge);
    expect(client.crumbs[0]?.message).toBe('ids [0,1,2,3,4,5,6,7,8,9]');
    expect(reads).toBeLessThanOrEqual(10);
  });

  it('still runs the original method with the same this and arguments, and returns its result', () => {
    const { console, calls } = fakeConsole();
    consoleBreadcrumbs(recordingTarget(), console);
    const args = ['value', { a: 1 }];
    expect(console.warn(...args)).toBe('warn returned');
    expect(calls).toEqual([{ method: 'warn', self: console, args }]);
    expect(calls[0]?.args[1]).toBe(args[1]);
  });

  it('records console.error as a breadcrumb without capturing an exception', () => {
    const client = recordingTarget();
    const { console } = fakeConsole();
    consoleBreadcrumbs(client, console);
    console.error(new Error('shown to the developer'));
    expect(client.captured).toEqual([]);
    expect(client.crumbs).toHaveLength(1);
  });

  it('restores the original methods exactly on uninstall', () => {
    const client = recordingTarget();
    const { console, originals } = fakeConsole();
    const uninstall = consoleBreadcrumbs(client, console);
    expect(console.log).not.toBe(originals.log);
    uninstall();
    expect({ ...console }).toEqual(originals);
    console.log('after');
    expect(client.crumbs).toEqual([]);
  });

  it('leaves a later wrapper in place on uninstall and records nothing through it', () => {
    const client = recordingTarget();
    const { console, calls } = fakeConsole();
    const uninstall = consoleBreadcrumbs(client, console);
    const ours = console.log;
    const theirs = (...args: unknown[]) => ours.apply(console, args);
    console.log = theirs;
    uninstall();
    expect(console.log).toBe(theirs);
    console.log('through both');
    expect(client.crumbs).toEqual([]);
    expect(calls.map((call) => call.args)).toEqual([['through both']]);
  });

  it('keeps logging when the client throws', () => {
    const { console, calls } = fakeConsole();
    consoleBreadcrumbs(throwingTarget, console);
    expect(() => console.log('still shown')).not.toThrow();
    expect(calls).toHaveLength(1);
  });

  it('is a no-op without a console, and leaves missing methods missing', () => {
    expect(() => consoleBreadcrumbs(recordingTarget(), undefined)()).not.toThrow();
    const partial = { log: () => undefined } as unknown as Console;
    consoleBreadcrumbs(recordingTarget(), partial);
    expect(Object.keys(partial)).toEqual(['log']);
  });
});
