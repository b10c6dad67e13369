/**
 * Bounds of an event buffer and of the batches it hands out, with their defaults. They match
 * the `buffer` and `transport` sections of the client config (src/config/client-schema.ts);
 * checked by hand so the buffer never pulls zod into the bundle (SPEC §1).
 *
 * @module
 */
import { checkOptions } from '../policy/option-checks.js';
import type { BatchLimits, OverflowPolicy } from './buffer.js';

/** How large a buffer may grow and what it does when full. */
export interface BufferOptions {
  /** Most events kept. Integer from 1 to 1 000 000. Default 1000 (SPEC §4: at least 1000). */
  readonly maxEvents?: number;
  /** Most bytes kept, as UTF-8 JSON. Integer from 1024 to 1 GiB. Default 5 MiB. */
  readonly maxBytes?: number;
  /** Which event goes when full. Default `drop_oldest`. */
  readonly overflow?: OverflowPolicy;
}

/** {@link BufferOptions} with every default filled in. */
export interface BufferBounds {
  readonly maxEvents: number;
  readonly maxBytes: number;
  readonly overflow: OverflowPolicy;
}

/** The default bounds: 1000 events, 5 MiB, `drop_oldest`. */
export const BUFFER_DEFAULTS: BufferBounds = Object.freeze({
  maxEvents: 1000,
  maxBytes: 5 * 1024 * 1024,
  overflow: 'drop_oldest',
});

/** The default batch: 100 events, 512 KiB (the collector takes up to 1000 events and 1 MiB). */
export const BATCH_DEFAULTS: Required<BatchLimits> = Object.freeze({
  maxEvents: 100,
  maxBytes: 512 * 1024,
});

const OVERFLOW_POLICIES: readonly OverflowPolicy[] = ['drop_oldest', 'drop_newest'];

/**
 * Checks `options` and fills in the defaults.
 *
 * @throws FaultError 1101/1201/1203 listing every invalid option.
 * @example
 * resolveBufferBounds({ maxEvents: 5000 });
 * // { maxEvents: 5000, maxBytes: 5242880, overflow: 'drop_oldest' }
 */
export function resolveBufferBounds(options: BufferOptions = {}): BufferBounds {
  checkOptions('event buffer options')
    .object('', options)
    .number('maxEvents', options.maxEvents, { min: 1, max: 1_000_000, integer: true })
    .number('maxBytes', options.maxBytes, { min: 1024, max: 1024 ** 3, integer: true })
    .oneOf('overflow', options.overflow, OVERFLOW_POLICIES)
    .done();
  return {
    maxEvents: options.maxEvents ?? BUFFER_DEFAULTS.maxEvents,
    maxBytes: options.maxBytes ?? BUFFER_DEFAULTS.maxBytes,
    overflow: options.overflow ?? BUFFER_DEFAULTS.overflow,
  };
}

/**
 * Checks the limits of one batch and fills in the defaults.
 *
 * @throws FaultError 1201/1203 when a limit is not an integer ≥ 1.
 * @example
 * resolveBatchLimits({ maxEvents: 10 }); // { maxEvents: 10, maxBytes: 524288 }
 */
export function resolveBatchLimits(limits: BatchLimits = {}): Required<BatchLimits> {
  checkOptions('batch limits')
    .number('maxEvents', limits.maxEvents, { min: 1, integer: true })
    .number('maxBytes', limits.maxBytes, { min: 1, integer: true })
    .done();
  return {
    maxEvents: limits.maxEvents ?? BATCH_DEFAULTS.maxEvents,
    maxBytes: limits.maxBytes ?? BATCH_DEFAULTS.maxBytes,
  };
}
