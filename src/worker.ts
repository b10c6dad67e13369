/**
 * faultline for Cloudflare Workers, importable as `faultline/worker`: the core API, plus
 * `withFaultline` around a module Worker's `fetch` handler and the `faultline()` middleware for
 * Hono apps (SPEC §4). Both capture what a request's handling throws, flush with
 * `ctx.waitUntil` (optionally through a Service Binding to the collector) and re-throw or answer
 * with a FaultError response. `hono` is needed only by apps that use the middleware.
 *
 * @module
 */
export * from './index.js';
export * from './adapters/worker/index.js';
