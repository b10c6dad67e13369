/**
 * Uncaught errors and unhandled promise rejections (SPEC §4 browser integrations).
 *
 * @module
 */
import type { CaptureTarget } from './capture-target.js';
import { listen } from '../../listen.js';

/** `Uncaught TypeError: x` as browsers print a thrown non-Error or a muted error's message. */
const PRINTED = /^(?:uncaught (?:exception: )?)?(?:(\w*Error): )?([\s\S]*)$/i;

/**
 * Captures the `error` events of uncaught exceptions and the `unhandledrejection` events of
 * rejected promises nobody handled. Neither is `preventDefault`ed: the browser's console still
 * shows them. The same Error object is captured once, however many of these events carry it.
 * Returns the uninstall; a no-op where `target` has no `addEventListener`.
 *
 * @param target - Where the events are dispatched. Default: `globalThis` (the window).
 * @example
 * const uninstall = globalHandlers(client);
 * setTimeout(() => { throw new Error('boom'); }); // captured
 */
export function globalHandlers(
  client: CaptureTarget,
  target: EventTarget = globalThis,
): () => void {
  const seen = new WeakSet<object>();
  const capture = (read: () => unknown) => {
    try {
      const thrown = read();
      if (typeof thrown === 'object' && thrown !== null) {
        if (seen.has(thrown)) return;
        seen.add(thrown);
      }
      client.captureException(thrown);
    } catch {
      // a failing target must not throw inside the browser's event dispatch
    }
  };
  const onError = (event: Event) => {
    const { error, message } = event as Partial<ErrorEvent>;
    if (error != null || message) capture(() => uncaught(event as ErrorEvent));
  };
  const onRejection = (event: Event) => capture(() => (event as PromiseRejectionEvent).reason);
  return listen(target, { error: onError, unhandledrejection: onRejection });
}

/**
 * The thrown Error, or one built from what the event printed when no Error came with it (a
 * thrown string, a cross-origin "Script error."), with the event's location as its one frame.
 */
function uncaught({ error, message, filename, lineno, colno }: ErrorEvent): unknown {
  if (isError(error)) return error;
  const [, name = 'Error', text = ''] = PRINTED.exec(message || String(error)) ?? [];
  const built = new Error(text);
  built.name = name;
  built.stack = `${name}: ${text}`;
  const position = lineno ? (colno ? `:${lineno}:${colno}` : `:${lineno}`) : '';
  if (filename) built.stack += `\n    at ${filename}${position}`;
  return built;
}

/** An Error of any realm (an iframe's errors fail `instanceof Error` here). */
function isError(value: unknown): value is Error {
  return value instanceof Error || Object.prototype.toString.call(value) === '[object Error]';
}
