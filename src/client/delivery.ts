/**
 * The second half of the capture pipeline (SPEC §4): buffer → transport. Events are buffered,
 * the batcher decides when to send, and a send hands each event to exactly one outcome:
 * acknowledged (removed), dropped with a reason (removed and counted), or kept for a later try.
 * An event leaves the buffer only after the collector acknowledged it.
 *
 * @module
 */
import type { BufferBatch, EventBuffer } from '../buffer/buffer.js';
import { totalDrops } from '../buffer/drop-counts.js';
import type { DropReason } from '../buffer/drop-reasons.js';
import type { Clock } from '../runtime/clock.js';
import type { TimerHandle, Timers } from '../runtime/timers.js';
import { createBatcher, type Batcher } from '../transport/batcher.js';
import type { SendResult, Transport } from '../transport/transport.js';
import type { WireEvent } from '../wire/event-schema.js';
import type { Dedupe } from './dedupe.js';
import type { SendGate } from './send-gate.js';

/** The last send that reached the collector or failed trying. */
export interface FlushReport {
  /** When it ended, ms since the epoch. */
  readonly at: number;
  /** Events acknowledged by it. */
  readonly acked: number;
  /** Events it left buffered for a later try. */
  readonly retried: number;
}

/** Options of {@link Delivery}. */
export interface DeliveryOptions {
  readonly buffer: EventBuffer;
  readonly transport: Transport;
  readonly gate: SendGate;
  readonly batchSize: number;
  readonly maxBatchBytes: number;
  readonly flushIntervalMs: number;
  readonly clock: Clock;
  readonly timers: Timers;
  /** How many folded repeats wait, and when the earliest window holding some ends. */
  readonly folds: Pick<Dedupe, 'pending' | 'nextEndMs'>;
  /**
   * Buffers the folded repeats due now (all of them when `force`), through the same last step
   * as every event; runs before each send.
   */
  readonly releaseFolds: (force: boolean) => Promise<void>;
}

/** Most send rounds one drain makes before yielding to the batcher's timer. */
const MAX_ROUNDS = 50;

/**
 * Moves buffered events to the collector for one client.
 *
 * @example
 * const delivery = new Delivery({ buffer, transport, gate: ALWAYS_SEND, batchSize: 100,
 *   maxBatchBytes: 512 * 1024, flushIntervalMs: 1000, clock, timers, folds: dedupe, releaseFolds });
 * await delivery.enqueue(event, bytes);
 * await delivery.within(5000, delivery.flushUntil(clock.monotonic() + 5000), false);
 */
export class Delivery {
  readonly #o: DeliveryOptions;
  readonly #batcher: Batcher;
  /** Forced sends asked for and not yet begun: the next drain ignores the transport's waits. */
  #forced = 0;
  #sent = 0;
  #last: FlushReport | undefined;
  #closed = false;
  #resigned = false;
  #foldTimer: TimerHandle | undefined;
  /** The drain running now, if one is. */
  #draining: Promise<void> | undefined;
  /** Aborted by `close`: a send still in flight gives its events back at once. */
  readonly #stop = new AbortController();

  constructor(options: DeliveryOptions) {
    this.#o = options;
    this.#batcher = createBatcher({
      flush: () => {
        const drain = this.#drain();
        this.#draining = drain;
        return drain.finally(() => {
          if (this.#draining === drain) this.#draining = undefined;
        });
      },
      batchSize: options.batchSize,
      maxBatchBytes: options.maxBatchBytes,
      flushIntervalMs: options.flushIntervalMs,
      timers: options.timers,
    });
  }

  /** Events acknowledged by the collector since the client started. */
  get sent(): number {
    return this.#sent;
  }

  /** The last send's outcome. */
  get lastFlush(): FlushReport | undefined {
    return this.#last;
  }

  /** Buffers one event of `bytes` and lets the batcher know; resolves with whether it was stored. */
  async enqueue(event: WireEvent, bytes: number): Promise<boolean> {
    const result = await this.#o.buffer.put(event, bytes);
    if (result.status !== 'stored') return false;
    this.#batcher.add(bytes);
    return true;
  }

  /**
   * Folded repeats are waiting: asks for a send at the next interval, and one when the
   * earliest window ends, for repeats the rate cap holds until then.
   */
  nudge(): void {
    this.#batcher.add(0, 0);
    if (this.#foldTimer !== undefined || this.#closed) return;
    const ms = this.#o.folds.nextEndMs();
    if (ms === undefined) return;
    const { timers } = this.#o;
    this.#foldTimer = timers.set(() => {
      this.#foldTimer = undefined;
      void this.send().then(() => this.#o.folds.pending > 0 && this.nudge());
    }, ms + 1);
    timers.keepAlive?.(this.#foldTimer, false);
  }

  /** Asks for a send at the batcher's next interval. */
  sendSoon(): void {
    this.#batcher.add(0, 0);
  }

  /** Sends now, ignoring the batcher's interval (not the transport's waits). */
  send(): Promise<void> {
    return this.#batcher.flush();
  }

  /**
   * `work`, or `fallback` once `ms` have passed if `work` has not settled by then. Its timer
   * keeps a Node.js or Deno process alive until it resolves.
   */
  within<T>(ms: number, work: Promise<T>, fallback: T): Promise<T> {
    const { timers } = this.#o;
    let handle: TimerHandle | undefined;
    const expired = new Promise<T>((resolve) => {
      handle = timers.set(() => resolve(fallback), Math.max(0, ms));
      timers.keepAlive?.(handle, true);
    });
    return Promise.race([work.catch(() => fallback), expired]).finally(() => {
      if (handle !== undefined) timers.clear(handle);
    });
  }

  /**
   * Sends until the buffer is empty and resolves `true` then, or `false` once the monotonic
   * `deadline` has passed (the caller bounds the wait with {@link within}: a send left running
   * goes on in the background). The first send ignores the transport's backoff and an open
   * breaker (it is the breaker's probe); later ones honour the waits the collector asks for.
   * A client that is not the sender (another tab is) waits for the sender to empty the shared
   * buffer.
   */
  async flushUntil(deadline: number): Promise<boolean> {
    const { clock, timers, buffer, transport, folds } = this.#o;
    for (let forced = true; ; forced = false) {
      if (forced) this.#forced++;
      await this.#batcher.flush();
      if ((await buffer.size()) === 0 && folds.pending === 0) return true;
      const left = deadline - clock.monotonic();
      const status = transport.status();
      if (left <= 0 || (status.state === 'stopped' && !forced)) return false;
      const wait = status.retryAt === undefined ? 100 : status.retryAt - clock.now();
      await new Promise<void>((resolve) => timers.set(resolve, Math.min(left, Math.max(wait, 50))));
    }
  }

  /**
   * Hands the oldest buffered events to a beacon (page hide). They stay buffered: a beacon is
   * never acknowledged, and ingest is idempotent, so a later send may repeat them harmlessly.
   */
  async beacon(): Promise<void> {
    const { buffer, transport, batchSize, maxBatchBytes } = this.#o;
    await this.#o.releaseFolds(true);
    const batch = await buffer.peek({ maxEvents: batchSize, maxBytes: maxBatchBytes });
    if (batch.events.length > 0) transport.beacon({ events: batch.events });
  }

  /**
   * Stops sending: the batcher stops, a send in flight is abandoned (its events stay
   * buffered), and it resolves once the drain running now has put them back. Later `enqueue`s
   * still buffer (for the next start-up to send).
   */
  async close(): Promise<void> {
    this.#closed = true;
    this.#batcher.dispose();
    if (this.#foldTimer !== undefined) this.#o.timers.clear(this.#foldTimer);
    this.#stop.abort();
    await this.#draining?.catch(() => undefined);
  }

  /** Whether this client may send: it leads, or its buffer is its own (memory). */
  #maySend(): boolean {
    const { buffer, gate } = this.#o;
    if (buffer.storage !== 'memory') return gate.isLeader;
    // A buffer that fell back to memory holds this tab's events alone: it sends them itself,
    // and leaves the lead (and the shared IndexedDB events) to a tab that can still read them.
    if (!this.#resigned) {
      this.#resigned = true;
      void gate.close().catch(() => undefined);
    }
    return true;
  }

  async #drain(): Promise<void> {
    const force = this.#forced > 0;
    this.#forced = 0;
    const { buffer, batchSize, maxBatchBytes } = this.#o;
    await this.#o.releaseFolds(force);
    if (!this.#maySend()) {
      this.#o.gate.announce?.(force); // another tab sends the shared buffer: tell it
      return;
    }
    for (let round = 0; round < MAX_ROUNDS && !this.#closed; round++) {
      const batch = await buffer.take({ maxEvents: batchSize, maxBytes: maxBatchBytes });
      if (batch.events.length === 0 && totalDrops(batch.dropped) === 0) return;
      const result = await this.#sendBatch(batch, force && round === 0);
      if (result.retry.length > 0 || result.retryInMs !== undefined) {
        if (result.retryInMs !== undefined) this.#batcher.defer(result.retryInMs);
        return;
      }
      if (batch.events.length === 0) return;
    }
    // Rounds ran out with events maybe left: the next interval goes on with them.
    if (!this.#closed) this.sendSoon();
  }

  async #sendBatch(batch: BufferBatch, force: boolean): Promise<SendResult> {
    const { buffer, transport, clock } = this.#o;
    const hasDrops = totalDrops(batch.dropped) > 0;
    const result = await transport.send(
      { events: batch.events, ...(hasDrops && { dropped: batch.dropped }) },
      { force, signal: this.#stop.signal },
    );
    const reported = result.droppedReported || !hasDrops;
    await buffer.ack(result.acked, reported ? batch.dropped : undefined);
    const byReason = new Map<DropReason, string[]>();
    for (const { id, reason } of result.dropped) {
      byReason.set(reason, [...(byReason.get(reason) ?? []), id]);
    }
    for (const [reason, ids] of byReason) await buffer.drop(ids, reason);
    buffer.release(result.retry, reported ? undefined : batch.dropped);
    this.#sent += result.acked.length;
    this.#last = { at: clock.now(), acked: result.acked.length, retried: result.retry.length };
    return result;
  }
}
