/**
 * `init` of `faultline/deno` (SPEC §4): a capture client with a memory buffer, the main
 * module's URL and Deno's user agent on every event, global handlers that capture an uncaught
 * error or unhandled rejection, flush within a bound, then exit 1, and a bounded flush of what
 * is still buffered when the program ends on its own.
 *
 * @module
 */
import type { Client } from '../../client/client-api.js';
import { createClient } from '../../client/client.js';
import { closingWith } from '../../client/closing-with.js';
import { parseConfig } from '../../config/parse-config.js';
import { DEFAULT_SDK } from '../../transport/fetch-transport-options.js';
import { getDeno } from './deno-global.js';
import { exitFlush } from './exit-flush.js';
import { denoOptionsSchema, type DenoOptions } from './deno-options.js';
import { denoOrigin } from './deno-origin.js';
import { fatalHandlers } from './fatal-handlers.js';

/** The client of the last `init`, until it is closed. */
let current: Client | undefined;

/**
 * Starts capturing in this Deno process and returns the client. Its `close()` also removes
 * the global handlers and the flush at exit. Calling `init` again replaces the previous client: its handlers are
 * removed at once and it is closed in the background (its buffered events get the usual
 * 2000 ms to reach the collector), so only one client ever holds the process on its way out.
 *
 * faultline's own requests go through the `fetch` found when the client was made, and no
 * integration wraps `fetch` or `console` in Deno, so the SDK never captures its own activity.
 *
 * @throws FaultError of the config family (1101–1203) listing every invalid option.
 * @example
 * import { init } from 'faultline/deno';
 * const faultline = init({ endpoint: 'https://errors.example.com', key: 'pk_live_…', release: '1.4.2' });
 * faultline.setTags({ job: 'nightly-import' });
 * await runImport(); // an uncaught error here is sent, then the process exits 1
 */
export function init(options: DenoOptions): Client {
  const own = parseConfig(
    denoOptionsSchema,
    {
      globalHandlers: options.globalHandlers,
      flushAtExit: options.flushAtExit,
      exitFlushMs: options.exitFlushMs,
    },
    'deno config',
  );
  const client = createClient({
    origin: denoOrigin,
    sdk: { ...DEFAULT_SDK, name: 'faultline.deno' },
    ...options,
  });
  void current?.close(); // removes its handlers at once
  const ends = {
    exitFlushMs: own.exitFlushMs,
    exit: options.exit ?? ((code?: number) => getDeno()?.exit(code)),
  };
  const uninstalls = [
    own.globalHandlers && fatalHandlers(client, ends),
    own.flushAtExit && exitFlush(client, ends),
  ].filter((uninstall) => uninstall !== false);
  const uninstall = () => uninstalls.forEach((fn) => fn());
  const handle = closingWith(client, () => {
    uninstall();
    if (current === handle) current = undefined;
  });
  current = handle;
  return handle;
}
