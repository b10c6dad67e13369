/**
 * The pipeline's last step before the buffer (SPEC §4): the user's `beforeSend`, then the
 * event's size. Every event that reaches the buffer passes here, folded repeats included, so
 * a hook that redacts or drops an event is never bypassed.
 *
 * @module
 */
import type { DropReason } from '../buffer/drop-reasons.js';
import { eventBytes } from '../buffer/event-bytes.js';
import type { TimerHandle, Timers } from '../runtime/timers.js';
import type { WireEvent } from '../wire/event-schema.js';

/** The user's last look at an event: return it (changed or not), or `null` to drop it. */
export type BeforeSend = (event: WireEvent) => unknown;

/** An event ready for the buffer with its size, or the reason it was dropped. */
export type Finished =
  { readonly event: WireEvent; readonly bytes: number } | { readonly drop: DropReason };

/**
 * Runs `hook` on `event` and sizes what it returns. A hook that throws (or rejects) keeps the
 * event as it was, already scrubbed: a bug in the hook must not lose it. `null` or `undefined`
 * drops it as `before_send`; anything that is not an event with an id, or that cannot be
 * serialised, is dropped as `invalid`. An async hook (a returned promise) is awaited, within
 * `limit` if one is given: past it the event goes on as it was.
 *
 * @example
 * finishEvent(event, (e) => (e.tags?.vendor === 'adsdk' ? null : e)); // { drop: 'before_send' } or { event, bytes }
 */
export function finishEvent(
  event: WireEvent,
  hook: BeforeSend | undefined,
  limit?: HookLimit,
): Finished | Promise<Finished> {
  if (hook === undefined) return sized(event);
  let result: unknown;
  try {
    result = hook(event);
  } catch {
    return sized(event);
  }
  try {
    if (!isThenable(result)) return checked(result);
    const decided = Promise.resolve(result).then(
      (value) => checked(value),
      () => sized(event),
    );
    return limit === undefined ? decided : within(decided, limit, () => sized(event));
  } catch {
    return { drop: 'invalid' }; // its `then` getter throws
  }
}

/** How long an async hook may take, and the timers that tell. */
export interface HookLimit {
  readonly timers: Timers;
  readonly ms: number;
}

/** `work`, or `late()` once `limit.ms` have passed first. Its timer keeps no process alive. */
function within(
  work: Promise<Finished>,
  { timers, ms }: HookLimit,
  late: () => Finished,
): Promise<Finished> {
  let handle: TimerHandle | undefined;
  const timeout = new Promise<Finished>((resolve) => {
    handle = timers.set(() => resolve(late()), ms);
    timers.keepAlive?.(handle, false);
  });
  return Promise.race([work, timeout]).finally(() => timers.clear(handle!));
}

function checked(result: unknown): Finished {
  if (result === null || result === undefined) return { drop: 'before_send' };
  try {
    const id = typeof result === 'object' ? (result as { id?: unknown }).id : undefined;
    if (typeof id !== 'string' || id === '') return { drop: 'invalid' };
  } catch {
    return { drop: 'invalid' }; // a hostile result: its getters throw
  }
  return sized(result as WireEvent);
}

function sized(event: WireEvent): Finished {
  try {
    return { event, bytes: eventBytes(event) };
  } catch {
    return { drop: 'invalid' };
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
