/**
 * When to send (SPEC §4: batches by count, bytes and interval). The batcher holds no events —
 * they live in the buffer — only the count and bytes added since the last send, and calls
 * `flush` when a batch is full, when the interval since the first pending event has passed, or
 * when a deferral (backoff, `Retry-After`) ends. One flush runs at a time.
 *
 * @module
 */
import { BATCH_DEFAULTS } from '../buffer/buffer-options.js';
import { systemTimers, type TimerHandle, type Timers } from '../runtime/timers.js';

/** Options of {@link createBatcher}. */
export interface BatcherOptions {
  /**
   * Sends what the buffer holds (and calls {@link Batcher.defer} when the transport asks to
   * wait). Never called while a previous call is still running; what it throws is swallowed.
   */
  readonly flush: () => unknown;
  /** Pending events that make a batch full and send it at once. Default 100. */
  readonly batchSize?: number | undefined;
  /** Pending bytes (JSON) that make a batch full and send it at once. Default 512 KiB. */
  readonly maxBatchBytes?: number | undefined;
  /** How long the first pending event waits for company before a send, in ms. Default 1000. */
  readonly flushIntervalMs?: number | undefined;
  /** Timer source. Default: the system timers (never keeping a process alive). */
  readonly timers?: Timers | undefined;
}

/** Decides when the buffer is sent. */
export interface Batcher {
  /** Counts events entering the buffer (`count` of them, `bytes` of JSON in all). */
  add(bytes: number, count?: number): void;
  /**
   * Sends now, ignoring the interval and any deferral; resolves when that send is over (after
   * the running one, if one is). Never rejects.
   */
  flush(): Promise<void>;
  /**
   * Holds automatic sends for `ms` milliseconds, then sends whatever the buffer holds: for the
   * transport's `retryInMs`. A later `defer` replaces this one; `flush()` ends it.
   */
  defer(ms: number): void;
  /** Events and bytes added since the last send began. */
  readonly pending: { readonly events: number; readonly bytes: number };
  /** Cancels the timer; later calls do nothing. */
  dispose(): void;
}

const done = Promise.resolve();

/**
 * Makes a batcher. Timers never keep a Node.js or Deno process alive: an exiting program
 * flushes explicitly (the Deno entry does).
 *
 * @example
 * const batcher = createBatcher({ flush: drain, batchSize: 100, flushIntervalMs: 1000 });
 * await buffer.put(event, bytes);
 * batcher.add(bytes);
 * async function drain() {
 *   const batch = await buffer.take();
 *   const result = await transport.send(batch);
 *   // … ack, drop and release in the buffer (see createFetchTransport)
 *   if (result.retryInMs !== undefined) batcher.defer(result.retryInMs);
 * }
 */
export function createBatcher(options: BatcherOptions): Batcher {
  const {
    flush: send,
    batchSize = BATCH_DEFAULTS.maxEvents,
    maxBatchBytes = BATCH_DEFAULTS.maxBytes,
    flushIntervalMs = 1000,
    timers = systemTimers,
  } = options;
  let events = 0;
  let bytes = 0;
  let timer: TimerHandle | undefined;
  let deferred = false;
  let due = false; // a batch filled up while a send was running
  let disposed = false;
  let running: Promise<void> | undefined;
  let queued: Promise<void> | undefined;

  function clearTimer(): void {
    if (timer !== undefined) timers.clear(timer);
    timer = undefined;
  }

  function schedule(ms: number): void {
    clearTimer();
    timer = timers.set(() => {
      timer = undefined;
      deferred = false;
      void run();
    }, ms);
    timers.keepAlive?.(timer, false);
  }

  function start(): Promise<void> {
    clearTimer();
    deferred = due = false;
    events = bytes = 0;
    const current = (async () => {
      try {
        await send();
      } catch {
        // The flush callback owns its failures; a throw must not stop later sends.
      }
    })().then(() => {
      running = undefined;
      if (due && !deferred && !disposed) void start();
    });
    return (running = current);
  }

  function run(): Promise<void> {
    if (disposed) return done;
    if (running === undefined) return start();
    return (queued ??= running.then(() => {
      queued = undefined;
      return disposed ? undefined : (running ?? start());
    }));
  }

  return {
    add(addedBytes, count = 1) {
      events += count;
      bytes += addedBytes;
      if (deferred || disposed) return;
      if (events >= batchSize || bytes >= maxBatchBytes) {
        if (running === undefined) void start();
        else due = true;
      } else if (timer === undefined) {
        schedule(flushIntervalMs);
      }
    },
    flush: run,
    defer(ms) {
      if (disposed) return;
      deferred = true;
      schedule(ms);
    },
    get pending() {
      return { events, bytes };
    },
    dispose() {
      disposed = true;
      clearTimer();
    },
  };
}
