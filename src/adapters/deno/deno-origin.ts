/**
 * Where a Deno event happened: the main module's URL and the runtime's user agent.
 *
 * @module
 */
import type { EventOrigin } from '../../client/build-event.js';
import { getDeno } from './deno-global.js';

/**
 * The origin of events captured in Deno: `url` is `Deno.mainModule` and `userAgent` is
 * `navigator.userAgent` (e.g. `Deno/2.9.6`). Read at each capture; a missing piece is left out.
 *
 * @example
 * createClient({ endpoint, key, origin: denoOrigin });
 */
export function denoOrigin(): EventOrigin {
  const userAgent = (globalThis as { navigator?: { userAgent?: unknown } }).navigator?.userAgent;
  return { url: mainModuleUrl(), userAgent: typeof userAgent === 'string' ? userAgent : undefined };
}

/** `Deno.mainModule`, or `undefined` where reading it throws (older Deno asked `--allow-read`). */
function mainModuleUrl(): string | undefined {
  try {
    const url = getDeno()?.mainModule;
    return typeof url === 'string' ? url : undefined;
  } catch {
    return undefined;
  }
}
