/**
 * Guarded, lazy access to the `Deno` namespace (STYLE §2 item 4): `src/` compiles without Deno's
 * types and runs in browsers and Workers too, so nothing here reads `Deno` at import time, and a
 * missing or throwing member reads as `undefined` rather than an exception.
 *
 * @module
 */

/** The few members of the `Deno` namespace faultline uses. */
export interface DenoLike {
  /** Ends the process at once with `code`; `unload` listeners run, nothing else does. */
  exit(code?: number): never;
  /** The URL of the main module, e.g. `file:///srv/app/main.ts`. */
  readonly mainModule?: string;
}

/**
 * The `Deno` namespace, or `undefined` outside Deno.
 *
 * @example
 * const deno = getDeno();
 * if (deno !== undefined) console.log(deno.mainModule);
 */
export function getDeno(): DenoLike | undefined {
  const deno = (globalThis as { Deno?: Partial<DenoLike> }).Deno;
  return typeof deno?.exit === 'function' ? (deno as DenoLike) : undefined;
}
