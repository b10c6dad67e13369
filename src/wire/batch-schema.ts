/**
 * The ingest batch of SPEC §5, the body of `POST /v1/events`: the SDK's transport builds it and
 * the collector checks it. Only the envelope is checked here; the events are an array of
 * anything, because the collector validates each one on its own with `wireEventSchema` (one bad
 * event never loses the batch). Built with `zod/mini`, like the event schema.
 *
 * @module
 */
import * as z from 'zod/mini';

/** Bounds of the batch envelope. */
export const BATCH_LIMITS = Object.freeze({
  /** Longest SDK name. */
  sdkNameLength: 128,
  /** Longest SDK version. */
  sdkVersionLength: 64,
  /** Most drop reasons per batch. */
  dropReasons: 32,
  /** Largest count per drop reason. */
  dropCount: 1_000_000_000,
});

/** A drop reason as the SDK names it (`buffer_overflow`, `rate_capped`, …): snake_case. */
export const dropReasonSchema = z.string().check(z.regex(/^[a-z][a-z0-9_]{0,63}$/));

/**
 * Counts of events the client dropped since its last acknowledged batch, by reason. Counts are
 * integers ≥ 0; at most {@link BATCH_LIMITS.dropReasons} reasons.
 */
export const droppedSchema = z
  .record(dropReasonSchema, z.int().check(z.gte(0), z.lte(BATCH_LIMITS.dropCount)))
  .check(
    z.refine((dropped) => Object.keys(dropped).length <= BATCH_LIMITS.dropReasons, {
      message: `expected at most ${BATCH_LIMITS.dropReasons} drop reasons`,
    }),
  );

/**
 * The batch envelope: `{ sdk: { name, version }, sentAt, events, dropped? }`. `sentAt` is when
 * the client sent it, ms since the epoch. Unknown keys are ignored (newer SDKs may add some).
 *
 * @example
 * batchSchema.parse({
 *   sdk: { name: 'faultline.browser', version: '0.1.0' },
 *   sentAt: Date.now(),
 *   events: [event],
 *   dropped: { buffer_overflow: 3 },
 * });
 */
export const batchSchema = z.object({
  sdk: z.object({
    name: z.string().check(z.minLength(1), z.maxLength(BATCH_LIMITS.sdkNameLength)),
    version: z.string().check(z.minLength(1), z.maxLength(BATCH_LIMITS.sdkVersionLength)),
  }),
  sentAt: z.number().check(z.nonnegative()),
  events: z.array(z.unknown()),
  dropped: z.optional(droppedSchema),
});

/** An ingest batch; its events are checked one by one with `wireEventSchema`. */
export type WireBatch = z.infer<typeof batchSchema>;
