/**
 * The wire event of SPEC §6, defined once: the collector validates every incoming event with
 * it and the SDK's tests check what the SDK produces against it. Built with `zod/mini` so the
 * SDK can carry it without blowing its bundle budget (SPEC §1); nothing in the resilience
 * graph imports this module.
 *
 * @module
 */
import * as z from 'zod/mini';
import { isBoundedData } from './bounded-data.js';
import { WIRE_LIMITS as L } from './limits.js';

const text = (max: number) => z.string().check(z.maxLength(max));
const positiveInt = () => z.int().check(z.positive());

/** Free-form JSON data within the wire limits (`context`, breadcrumb `data`, `user`). */
export const boundedDataSchema = z.record(z.string(), z.unknown()).check(
  z.refine((value) => isBoundedData(value), {
    message: `expected JSON data at most ${L.dataDepth} levels deep, ${L.dataEntries} entries per level, strings up to ${L.dataStringLength} characters`,
  }),
);

/** One stack frame (see `parseStack`). */
export const stackFrameSchema = z.object({
  function: z.optional(text(L.frameFieldLength)),
  file: z.optional(text(L.frameFieldLength)),
  line: z.optional(positiveInt()),
  column: z.optional(positiveInt()),
});

/** One link of the `Error.cause` chain. */
export const causeSchema = z.object({
  type: text(L.nameLength),
  name: text(L.nameLength),
  message: text(L.messageLength),
  frames: z.optional(z.array(stackFrameSchema).check(z.maxLength(L.frames))),
});

/** What happened before an error: a click, a request, a console line, a navigation. */
export const breadcrumbSchema = z.object({
  timestamp: z.number().check(z.nonnegative()),
  category: text(L.nameLength),
  message: z.optional(text(L.messageLength)),
  level: z.optional(z.enum(['debug', 'info', 'warning', 'error'])),
  data: z.optional(boundedDataSchema),
});

/** The severities of the taxonomy, most severe first. */
export const severitySchema = z.enum(['critical', 'high', 'medium', 'low', 'info']);

/** The categories of the taxonomy. */
export const categorySchema = z.enum(['config', 'system', 'data', 'external', 'unknown']);

/** The wire event (SPEC §6), with a size limit on every string and array. */
export const wireEventSchema = z.object({
  id: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/)),
  timestamp: z.number().check(z.nonnegative()),
  type: z.string().check(z.regex(/^[a-z][a-z0-9_]{0,127}$/)),
  code: z.int().check(z.gte(1000), z.lte(9999)),
  category: categorySchema,
  subcategory: text(L.nameLength),
  severity: severitySchema,
  message: text(L.messageLength),
  name: z.optional(text(L.nameLength)),
  stack: z.optional(text(L.stackLength)),
  frames: z.optional(z.array(stackFrameSchema).check(z.maxLength(L.frames))),
  causes: z.optional(z.array(causeSchema).check(z.maxLength(L.causes))),
  fingerprint: z.optional(text(L.idLength)),
  occurrences: z.optional(positiveInt()),
  correlationId: z.optional(text(L.idLength)),
  traceId: z.optional(z.string().check(z.regex(/^[0-9a-f]{32}$/))),
  breadcrumbs: z.optional(z.array(breadcrumbSchema).check(z.maxLength(L.breadcrumbs))),
  context: z.optional(boundedDataSchema),
  tags: z.optional(
    z.record(text(L.tagKeyLength), text(L.tagValueLength)).check(
      z.refine((tags) => Object.keys(tags).length <= L.tags, {
        message: `expected at most ${L.tags} tags`,
      }),
    ),
  ),
  user: z.optional(boundedDataSchema),
  release: z.optional(text(L.nameLength)),
  environment: z.optional(text(L.nameLength)),
  url: z.optional(text(L.urlLength)),
  userAgent: z.optional(text(L.urlLength)),
});

/** A wire event as the collector accepts it. */
export type WireEvent = z.infer<typeof wireEventSchema>;
/** One stack frame on the wire. */
export type WireFrame = z.infer<typeof stackFrameSchema>;
/** One cause on the wire. */
export type WireCause = z.infer<typeof causeSchema>;
/** One breadcrumb on the wire. */
export type WireBreadcrumb = z.infer<typeof breadcrumbSchema>;
