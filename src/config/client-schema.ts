/**
 * The capture client's configuration (SPEC §4, §7), validated with `zod/mini` (the full `zod`
 * is far too large for the browser, SPEC §1).
 *
 * @module
 */
import * as z from 'zod/mini';

const isPattern = (v: unknown) =>
  typeof v === 'string' || Object.prototype.toString.call(v) === '[object RegExp]';
const pattern = z.custom<string | RegExp>(isPattern, 'a string or a RegExp');
const patterns = z._default(z.array(pattern).check(z.maxLength(500)), []);
const fn = <F>(what: string) => z.custom<F>((v) => typeof v === 'function', what);

/** Bounds of the event buffer. */
export const bufferSchema = z.object({
  /** Most events kept. Default 1000 (SPEC §4: at least 1000 by default). */
  maxEvents: z._default(z.int().check(z.gte(1), z.lte(1_000_000)), 1000),
  /** Most bytes kept (JSON size). Default 5 MiB. */
  maxBytes: z._default(z.int().check(z.gte(1024), z.lte(1024 ** 3)), 5 * 1024 * 1024),
  /** Which event goes when full. Default `drop_oldest`. */
  overflow: z._default(z.enum(['drop_oldest', 'drop_newest']), 'drop_oldest'),
});

/** Batching of the transport. */
export const transportSchema = z.object({
  /** Most events per request. Default 100. */
  batchSize: z._default(z.int().check(z.gte(1), z.lte(1000)), 100),
  /** Most bytes per request before compression. Default 512 KiB (collector limit: 1 MiB). */
  maxBatchBytes: z._default(z.int().check(z.gte(1024), z.lte(1024 * 1024)), 512 * 1024),
  /** How long to wait for more events before sending, in ms. Default 1000. */
  flushIntervalMs: z._default(z.int().check(z.gte(0), z.lte(3_600_000)), 1000),
});

/** The client configuration. */
export const clientConfigSchema = z.object({
  /** The collector's base URL; events go to `${endpoint}/v1/events`. Required. */
  endpoint: z.url({ protocol: /^https?$/, error: 'an http(s) URL' }),
  /** The project's public key. Required. */
  key: z.string().check(z.minLength(1), z.maxLength(256)),
  /** Release identifier, e.g. a version or commit. */
  release: z.optional(z.string().check(z.maxLength(128))),
  /** Deployment environment. Default `'production'`. */
  environment: z._default(z.string().check(z.minLength(1), z.maxLength(128)), 'production'),
  /** Share of events kept, from 0 to 1. Default 1 (keep all). */
  sampleRate: z._default(z.number().check(z.gte(0), z.lte(1)), 1),
  /** Messages to ignore: substrings or RegExps. Default none. */
  ignoreErrors: patterns,
  /** Only keep errors whose top frame's file matches one of these. Default: all. */
  allowUrls: patterns,
  /** Drop errors whose top frame's file matches one of these. Default: none. */
  denyUrls: patterns,
  /** Last look at an event before buffering; return `null` to drop it. */
  beforeSend: z.optional(fn<(event: unknown) => unknown>('a function (event) => event | null')),
  /** Most breadcrumbs kept. Default 100. */
  maxBreadcrumbs: z._default(z.int().check(z.gte(0), z.lte(100)), 100),
  /** Window in ms in which repeats of one fingerprint fold into one event. Default 60 000. */
  dedupeWindowMs: z._default(z.int().check(z.gte(0), z.lte(86_400_000)), 60_000),
  /**
   * Most events one fingerprint sends per dedupe window, the first included (the per-fingerprint
   * rate cap); later repeats fold into one event sent when the window ends. Default 10.
   */
  maxEventsPerFingerprint: z._default(z.int().check(z.gte(1), z.lte(10_000)), 10),
  buffer: z._default(bufferSchema, {
    maxEvents: 1000,
    maxBytes: 5 * 1024 * 1024,
    overflow: 'drop_oldest',
  }),
  transport: z._default(transportSchema, {
    batchSize: 100,
    maxBatchBytes: 512 * 1024,
    flushIntervalMs: 1000,
  }),
});

/** What users pass to `createClient` / `init`. */
export type ClientConfigInput = z.input<typeof clientConfigSchema>;
/** The configuration with every default filled in. */
export type ClientConfig = z.output<typeof clientConfigSchema>;
