/**
 * The options of `init` in `faultline/deno`: the client's (SPEC §4) plus Deno's own, which are
 * checked with `zod/mini` at the entry like the client's (STYLE §2 item 11).
 *
 * @module
 */
import * as z from 'zod/mini';
import type { ClientOptions } from '../../client/client-options.js';

/** Options of `init`: the client's, plus how the process ends (after an error, or on its own). */
export interface DenoOptions extends ClientOptions {
  /**
   * Capture uncaught errors and unhandled rejections, flush, then exit 1. Default true; with
   * false, only what you capture yourself is sent and Deno handles the rest as usual.
   */
  readonly globalHandlers?: boolean | undefined;
  /**
   * When the event loop runs dry (`beforeunload`), flush what is still buffered before the
   * process ends. Default true.
   */
  readonly flushAtExit?: boolean | undefined;
  /**
   * Longest wait, in ms, for a flush on the way out (after an uncaught error, or at the natural
   * end) before the process exits, also when the collector is unreachable or silent. From 0
   * to 60 000. Default 2000.
   */
  readonly exitFlushMs?: number | undefined;
  /**
   * Ends the process: with 1 after an uncaught error, and with no code (so `Deno.exitCode`)
   * when the flush at the natural end outlives `exitFlushMs`. Default `Deno.exit`.
   */
  readonly exit?: ((code?: number) => void) | undefined;
}

/** The checks of Deno's own options, defaults filled in. */
export const denoOptionsSchema = z.object({
  globalHandlers: z._default(z.boolean(), true),
  flushAtExit: z._default(z.boolean(), true),
  exitFlushMs: z._default(z.int().check(z.gte(0), z.lte(60_000)), 2000),
});
