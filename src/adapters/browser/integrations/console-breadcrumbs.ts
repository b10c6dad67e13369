/**
 * Breadcrumbs from the page's console output (SPEC §4 browser integrations).
 *
 * @module
 */
import type { BreadcrumbInput } from '../../../client/scope.js';
import { breadcrumbSink, type CaptureTarget } from './capture-target.js';
import { patch } from './patch.js';

type BreadcrumbLevel = NonNullable<BreadcrumbInput['level']>;

const METHODS = ['debug', 'info', 'log', 'warn', 'error'] as const;

/** Longest breadcrumb message, in characters. */
const MAX_MESSAGE = 300;

/**
 * Records each `console.debug/info/log/warn/error` call as a `console` breadcrumb (level `debug`,
 * `info`, `info`, `warning`, `error`) whose message is the arguments formatted (strings as they are, errors as `Name: message`, anything else as
 * JSON), bounded to 300 characters. The original method then runs with the same arguments.
 * A `console.error` is a breadcrumb, never a captured exception. Returns the uninstall; a
 * no-op where there is no console.
 *
 * @param target - The console to wrap. Default: `globalThis.console`.
 * @example
 * const uninstall = consoleBreadcrumbs(client);
 * console.warn('retrying', { attempt: 2 }); // breadcrumb "retrying {"attempt":2}", level warning
 */
export function consoleBreadcrumbs(
  client: CaptureTarget,
  target: Console | undefined = globalThis.console,
): () => void {
  if (typeof target !== 'object' || target === null) return () => undefined;
  const sink = breadcrumbSink(client);
  const restores = METHODS.filter((method) => typeof target[method] === 'function').map((method) =>
    patch(
      target,
      method,
      (original) =>
        function (this: unknown, ...args: unknown[]) {
          sink.add(() => ({ category: 'console', level: levelOf(method), message: format(args) }));
          return original.apply(this, args);
        },
    ),
  );
  return () => {
    sink.off();
    for (const restore of restores) restore();
  };
}

function levelOf(method: (typeof METHODS)[number]): BreadcrumbLevel {
  return method === 'warn' ? 'warning' : method === 'log' ? 'info' : method;
}

function format(args: readonly unknown[]): string {
  let out = '';
  for (const arg of args) {
    if (out.length >= MAX_MESSAGE) break;
    out += (out ? ' ' : '') + formatOne(arg);
  }
  return out.slice(0, MAX_MESSAGE);
}

function formatOne(value: unknown): string {
  if (typeof value === 'string') return value.slice(0, MAX_MESSAGE);
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  // Logging a huge value must cost little: at most 50 values are serialised, 10 per array.
  let budget = 50;
  const bound = (_key: string, v: unknown) =>
    budget-- > 0 ? (Array.isArray(v) ? v.slice(0, 10) : v) : undefined;
  try {
    return JSON.stringify(value, bound) ?? String(value);
  } catch {
    return String(value); // a cycle, a BigInt
  }
}
