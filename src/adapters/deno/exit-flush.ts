/**
 * The flush at a natural end (SPEC §4: never silently lost). When Deno's event loop runs out of
 * work it dispatches a cancelable `beforeunload`; events still in the memory buffer would die
 * with the process, so the first time it is cancelled and they are flushed, within a bound.
 * Once they are acknowledged, the loop runs dry again and Deno ends as it was about to. A collector that refuses
 * or does not answer within the bound cannot hold the process: it ends then, with
 * `Deno.exitCode`.
 *
 * @module
 */
import type { Client } from '../../client/client-api.js';
import { listen } from '../listen.js';

/** How {@link exitFlush} bounds its flush. */
export interface ExitFlushOptions {
  /** Longest wait for the flush, in ms. */
  readonly exitFlushMs: number;
  /** Ends the process when the flush did not finish in time; called with no code. */
  readonly exit: (code?: number) => void;
}

/**
 * Installs the `beforeunload` listener on `globalThis` and returns the function that removes
 * it. Outside a runtime with global events, installs nothing.
 *
 * @example
 * const uninstall = exitFlush(client, { exitFlushMs: 2000, exit: Deno.exit });
 */
export function exitFlush(client: Client, options: ExitFlushOptions): () => void {
  const { exitFlushMs, exit } = options;
  let flushed = false;
  const onBeforeUnload = (event: Event) => {
    if (flushed) return; // the second time the loop runs dry, the process may end
    flushed = true;
    event.preventDefault(); // Deno keeps running the event loop
    // The flush resolves within its bound and holds the process open until then.
    void client.flush(exitFlushMs).then((done) => {
      if (!done) exit(); // a request still pending must not hold the process
    });
  };
  return listen(globalThis as Partial<EventTarget>, { beforeunload: onBeforeUnload });
}
