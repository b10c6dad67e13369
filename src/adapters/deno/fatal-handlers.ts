/**
 * Deno's global `error` and `unhandledrejection` handlers (SPEC §4): an uncaught error or an
 * unhandled rejection is captured and held with `preventDefault()`, so that Deno does not exit
 * at once; the client flushes within a bound, then the process exits 1, as it would have
 * without faultline. A top-level `throw` in the main module arrives as `unhandledrejection`
 * (module evaluation is a promise), a throw in a timer or listener as `error`.
 *
 * @module
 */
import type { Client } from '../../client/client-api.js';
import { listen } from '../listen.js';

/** How {@link fatalHandlers} ends the process. */
export interface FatalHandlerOptions {
  /** Longest wait for the flush before exiting, in ms. */
  readonly exitFlushMs: number;
  /** Ends the process; called once, with 1. */
  readonly exit: (code: number) => void;
}

/**
 * Installs the handlers on `globalThis` and returns the function that removes them. The error
 * is printed as Deno would have (`error: Uncaught …` on stderr) before the flush. Errors that
 * arrive while the process is already on its way out are captured too (they ride along in the
 * same flush) but do not delay the exit. An error that an app's own listener, registered
 * before `init`, already handled with `preventDefault()` is captured and the process goes on.
 * Outside a runtime with global events, installs nothing.
 *
 * @example
 * const uninstall = fatalHandlers(client, { exitFlushMs: 2000, exit: Deno.exit });
 */
export function fatalHandlers(client: Client, options: FatalHandlerOptions): () => void {
  const { exitFlushMs, exit } = options;
  let exiting = false;

  function fatal(event: Event, thrown: unknown, mechanism: string): void {
    // An earlier listener of the app handled it (and chose to go on): captured, not fatal.
    if (event.defaultPrevented) {
      client.captureException(thrown, { tags: { mechanism, handled: 'app' } });
      return;
    }
    event.preventDefault();
    // Deno's own report, which holding the error suppressed: the crash must not go silent,
    // least of all when the collector is out of reach.
    console.error(
      `error: Uncaught${mechanism === 'unhandled_rejection' ? ' (in promise)' : ''}`,
      thrown,
    );
    client.captureException(thrown, { severity: 'critical', tags: { mechanism } });
    if (exiting) return;
    exiting = true;
    // The flush resolves within its bound and holds the process open until then.
    void client.flush(exitFlushMs).finally(() => exit(1));
  }

  const onError = (event: Event) => {
    const { error, message } = event as ErrorEvent;
    fatal(event, error ?? message, 'uncaught_error');
  };
  const onRejection = (event: Event) => {
    fatal(event, (event as PromiseRejectionEvent).reason, 'unhandled_rejection');
  };
  return listen(globalThis as Partial<EventTarget>, {
    error: onError,
    unhandledrejection: onRejection,
  });
}
