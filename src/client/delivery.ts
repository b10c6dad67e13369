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
import { eventBytes } from '../buffer/event-bytes.js';
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
  /** Folded repeats, buffered before each send (all of them when the send is forced). */
  readonly folds: Pick<Dedupe, 'take' | 'pending' | 'nextEndMs'>;
}

/** Most send rounds one drain makes before yielding to the batcher's timer. */
const MAX_ROUNDS = 50;

/** Moves buffered events to the collector. */
export class Delivery {
  readonly #o: DeliveryOptions;
  readonly #batcher: Batcher;
  #force = false;
  #sent = 0;
  #last: FlushReport | undefined;
  #closed = false;
  #foldTimer: TimerHandle | undefined;

  constructor(options: DeliveryOptions) {
    this.#o = options;
    this.#batcher = createBatcher({
      flush: () => this.#drain(),
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

  /** Buffers one event and lets the batcher know; resolves with whether it was stored. */
  async enqueue(event: WireEvent, bytes = eventBytes(event)): Promise<boolean> {
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

  /** Sends now, ignoring the batcher's interval (not the transport's waits). */
  send(): Promise<void> {
    return this.#batcher.flush();
  }

  /**
   * Sends until the buffer is empty or `timeoutMs` passes. The first send ignores the transport's
   * backoff and an open breaker (it is the breaker's probe); later ones honour the waits the
   * collector asks for. Resolves with whether the buffer is empty. A client that is not the
   * sender (another tab is) waits for the sender to empty the shared buffer.
   */
  async flush(timeoutMs: number): Promise<boolean> {
    const { clock, timers, buffer, transport } = this.#o;
    const deadline = clock.monotonic() + Math.max(0, timeoutMs);
    for (let forced = true; ; forced = false) {
      this.#force = forced;
      await this.#batcher.flush();
      if ((await buffer.size()) === 0 && this.#o.folds.pending === 0) return true;
      const left = deadline - clock.monotonic();
      const status = transport.status();
      if (left <= 0 || (status.state === 'stopped' && !forced)) return false;
      const wait = status.retryAt === undefined ? 100 : status.retryAt - clock.now();
      await new Promise<void>((resolve) => {
        const handle = timers.set(resolve, Math.min(left, Math.max(wait, 50)));
        timers.keepAlive?.(handle, false);
      });
    }
  }

  /**
   * Hands the oldest buffered events to a beacon (page hide). They stay buffered: a beacon is
   * never acknowledged, and ingest is idempotent, so a later send may repeat them harmlessly.
   */
  async beacon(): Promise<void> {
    const { buffer, transport, batchSize, maxBatchBytes } = this.#o;
    await this.#bufferFolds(true);
    const batch = await buffer.peek({ maxEvents: batchSize, maxBytes: maxBatchBytes });
    if (batch.events.length > 0) transport.beacon({ events: batch.events });
  }

  /** Stops the batcher; later `enqueue`s still buffer (for the next start-up to send). */
  close(): void {
    this.#closed = true;
    this.#batcher.dispose();
    if (this.#foldTimer !== undefined) this.#o.timers.clear(this.#foldTimer);
  }

  async #bufferFolds(force: boolean): Promise<void> {
    for (const event of this.#o.folds.take(force)) {
      try {
        await this.enqueue(event);
      } catch {
        await this.#o.buffer.recordDrop('invalid', event.occurrences ?? 1);
      }
    }
  }

  async #drain(): Promise<void> {
    const force = this.#force;
    this.#force = false;
    const { buffer, gate, batchSize, maxBatchBytes } = this.#o;
    await this.#bufferFolds(force);
    if (!gate.isLeader) return; // another tab sends the shared buffer
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
  }

  async #sendBatch(batch: BufferBatch, force: boolean): Promise<SendResult> {
    const { buffer, transport, clock } = this.#o;
    const hasDrops = totalDrops(batch.dropped) > 0;
    const result = await transport.send(
      { events: batch.events, ...(hasDrops && { dropped: batch.dropped }) },
      { force },
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
