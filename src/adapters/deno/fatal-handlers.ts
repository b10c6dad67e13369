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
import type { Timers } from '../../runtime/timers.js';

/** How {@link fatalHandlers} ends the process. */
export interface FatalHandlerOptions {
  /** Longest wait for the flush before exiting, in ms. */
  readonly exitFlushMs: number;
  /** Ends the process; called once, with 1. */
  readonly exit: (code: number) => void;
  /** Schedules the deadline. */
  readonly timers: Timers;
}

/**
 * Installs the handlers on `globalThis` and returns the function that removes them. Errors
 * that arrive while the process is already on its way out are captured too (they ride along in
 * the same flush) but do not delay the exit. Outside a runtime with global events, installs
 * nothing.
 *
 * @example
 * const uninstall = fatalHandlers(client, { exitFlushMs: 2000, exit: Deno.exit, timers: systemTimers });
 */
export function fatalHandlers(client: Client, options: FatalHandlerOptions): () => void {
  const target = globalThis as unknown as Partial<EventTarget>;
  if (typeof target.addEventListener !== 'function') return () => undefined;
  const { exitFlushMs, exit, timers } = options;
  let exiting = false;

  function exitAfterFlush(): void {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      timers.clear(deadline);
      exit(1);
    };
    // This timer keeps the process alive, where the flush's own timers do not
    // (src/runtime/timers.ts): an idle event loop would otherwise end Deno with code 0.
    const deadline = timers.set(finish, exitFlushMs);
    void client.flush(exitFlushMs).then(finish, finish);
  }

  function fatal(thrown: unknown, mechanism: string): void {
    client.captureException(thrown, { severity: 'critical', tags: { mechanism } });
    if (exiting) return;
    exiting = true;
    exitAfterFlush();
  }

  const onError = (event: Event) => {
    event.preventDefault();
    const { error, message } = event as ErrorEvent;
    fatal(error ?? message, 'uncaught_error');
  };
  const onRejection = (event: Event) => {
    event.preventDefault();
    fatal((event as PromiseRejectionEvent).reason, 'unhandled_rejection');
  };
  target.addEventListener('error', onError);
  target.addEventListener('unhandledrejection', onRejection);
  return () => {
    target.removeEventListener?.('error', onError);
    target.removeEventListener?.('unhandledrejection', onRejection);
  };
}
