/**
 * The capture client (SPEC §4): `createClient(config)` and the pipeline normalise → classify →
 * scrub → fingerprint → sample / dedupe / rate cap → `beforeSend` → buffer → transport.
 * Capturing never throws into user code; whatever goes wrong inside is counted as a drop.
 *
 * @module
 */
import type { DropReason } from '../buffer/drop-reasons.js';
import { memoryBuffer } from '../buffer/memory-buffer.js';
import { resolveClientConfig } from '../config/client-config.js';
import { systemClock } from '../runtime/clock.js';
import { systemRandom } from '../runtime/random.js';
import { systemTimers } from '../runtime/timers.js';
import { createScrubber } from '../scrub/scrub.js';
import { collectorBreaker } from '../transport/collector-breaker.js';
import { createFetchTransport } from '../transport/fetch-transport.js';
import type { WireEvent } from '../wire/event-schema.js';
import { buildEvent, normalise, type BuiltEvent, type EventSettings } from './build-event.js';
import type { CaptureHint } from './capture-hint.js';
import type { ClientOptions } from './client-options.js';
import { Dedupe } from './dedupe.js';
import type { Client } from './client-api.js';
import { Delivery } from './delivery.js';
import { finishEvent, type BeforeSend, type Finished } from './finish-event.js';
import { isFilteredOut, type FilterSettings } from './filters.js';
import { reportResilience } from './report-resilience.js';
import { clientScope } from './client-scope.js';
import { Scope } from './scope.js';
import { ALWAYS_SEND } from './send-gate.js';

/**
 * How long an async `beforeSend` may take over one event; after it the event goes on as it was
 * (already scrubbed), as when the hook throws, and what the hook says later is ignored.
 */
export const BEFORE_SEND_TIMEOUT_MS = 10_000;

/**
 * Creates a capture client.
 *
 * @throws FaultError of the config family (1101–1203) listing every invalid option.
 * @example
 * const client = createClient({ endpoint: 'https://errors.example.com', key: 'pk_live_…' });
 * try { risky(); } catch (error) { client.captureException(error, { tags: { area: 'cart' } }); }
 * await client.flush();
 */
export function createClient(options: ClientOptions): Client {
  const config = resolveClientConfig(options);
  const clock = options.clock ?? systemClock;
  const timers = options.timers ?? systemTimers;
  const random = options.random ?? systemRandom;
  const { batchSize, maxBatchBytes, flushIntervalMs } = config.transport;
  const given = options.eventBuffer;
  const buffer =
    typeof given === 'function' ? given(config.buffer) : (given ?? memoryBuffer(config.buffer));
  const transport =
    options.eventTransport ??
    createFetchTransport({
      endpoint: config.endpoint,
      key: config.key,
      breaker: collectorBreaker({ clock }),
      batchSize,
      maxBatchBytes,
      sdk: options.sdk,
      fetch: options.fetch,
      clock,
      timers,
      random,
    });
  const gate = options.gate ?? ALWAYS_SEND;
  const scope = new Scope(config.maxBreadcrumbs, clock);
  const dedupe = new Dedupe(config.dedupeWindowMs, config.maxEventsPerFingerprint, clock);
  const delivery = new Delivery({
    buffer,
    transport,
    gate,
    batchSize,
    maxBatchBytes,
    flushIntervalMs,
    clock,
    timers,
    folds: dedupe,
    // Waits for its own events only: a `beforeSend` still deciding on another event must not
    // hold up sending.
    releaseFolds: async (force) => {
      await Promise.all(dedupe.take(force).map((event) => finish(event).done));
    },
  });
  const settings: EventSettings = {
    scope,
    scrub: createScrubber(options.scrub),
    release: config.release,
    environment: config.environment,
    origin: options.origin,
    classifier: options.classifier,
  };
  const filters: FilterSettings = { ...config, noise: options.noise ?? [] };
  const listeners = new Set<(event: WireEvent) => void>();
  const writes = new Set<Promise<unknown>>();
  // Events handed to the buffer and not yet stored: a page that hides now beacons them at once.
  const unsaved = new Map<string, WireEvent>();
  /** Errors captured already, with the id of their event (`undefined` while it is made). */
  const captured = new WeakMap<object, string | undefined>();
  let closed = false;
  let closing: Promise<boolean> | undefined;

  /** What a memory buffer still holds at close is lost with it: counted, not silent. */
  async function dropTheRest(): Promise<void> {
    const rest = await buffer.take({ maxEvents: 1_000_000, maxBytes: Number.MAX_SAFE_INTEGER });
    if (rest.ids.length > 0) await buffer.drop(rest.ids, 'client_closed');
  }

  const track = (work: Promise<unknown>) => {
    writes.add(work);
    void work.finally(() => writes.delete(work));
  };
  const drop = (reason: DropReason, count = 1): Promise<unknown> => {
    const work = buffer.recordDrop(reason, count);
    track(work);
    return work;
  };
  const hook = config.beforeSend as BeforeSend | undefined;
  const settled = () => Promise.all([...writes]);

  function admit({ event, key }: BuiltEvent): string | undefined {
    if (isFilteredOut(event, filters)) return void drop('ignored');
    if (config.sampleRate < 1 && !(random() < config.sampleRate)) return void drop('sampled');
    if (!dedupe.offer(event, key)) {
      delivery.nudge();
      return undefined;
    }
    const { finished } = finish(event);
    if (finished === undefined) return event.id; // an async beforeSend decides later
    return 'event' in finished ? finished.event.id : undefined;
  }

  /**
   * `beforeSend`, then the buffer; every event passes here, folded repeats included. `finished`
   * is there unless an async hook decides later; `done` settles once the event is stored or
   * its drop counted.
   */
  function finish(event: WireEvent): { finished?: Finished; done: Promise<unknown> } {
    const occurrences = event.occurrences ?? 1;
    const finished = finishEvent(event, hook, { timers, ms: BEFORE_SEND_TIMEOUT_MS });
    if ('then' in finished) {
      const done = finished.then((result) => store(result, occurrences));
      track(done);
      return { done };
    }
    return { finished, done: store(finished, occurrences) };
  }

  function store(finished: Finished, occurrences: number): Promise<unknown> {
    if ('drop' in finished) return drop(finished.drop, occurrences);
    const { event, bytes } = finished;
    unsaved.set(event.id, event);
    const write = delivery.enqueue(event, bytes).finally(() => unsaved.delete(event.id));
    track(write);
    for (const listener of listeners) {
      try {
        listener(event);
      } catch {
        // a listener's failure is its own
      }
    }
    return write;
  }

  function capture(thrown: unknown, hint: CaptureHint, into: Scope): string | undefined {
    if (closed) return void drop('client_closed');
    // An error caught, captured and re-thrown reaches the global handlers too: once is enough.
    const isObject =
      (typeof thrown === 'object' && thrown !== null) || typeof thrown === 'function';
    if (isObject && captured.has(thrown)) return captured.get(thrown);
    try {
      if (isObject) captured.set(thrown, undefined);
      const made = into === scope ? settings : { ...settings, scope: into };
      const id = admit(buildEvent(normalise(thrown, settings.classifier), hint ?? {}, made));
      if (isObject) captured.set(thrown, id);
      return id;
    } catch {
      return void drop('invalid');
    }
  }
  const invalid = () => void drop('invalid');

  const client: Client = {
    config,
    ...clientScope(scope, capture, undefined, clock, invalid),
    fork: (defaults) => clientScope(scope.fork(), capture, defaults, clock, invalid),
    flush(requestedMs) {
      const timeoutMs = waitOf(requestedMs, 5000);
      const deadline = clock.monotonic() + timeoutMs;
      const whenSent = settled().then(() => delivery.flushUntil(deadline));
      return delivery.within(timeoutMs, whenSent, false);
    },
    async beacon() {
      // The page is going: what is still on its way to the buffer goes now, the rest from it.
      if (unsaved.size > 0) transport.beacon({ events: [...unsaved.values()] });
      await delivery.beacon().catch(() => undefined);
    },
    async close(requestedMs) {
      if (closing !== undefined) return closing;
      const timeoutMs = waitOf(requestedMs, 2000);
      stopResilience(); // at once: a replacing client must not report the same events too
      closing = (async () => {
        const flushed = await client.flush(timeoutMs);
        closed = true;
        await delivery.close();
        // Repeats still folded (a send in flight held the last drain back) are buffered too:
        // kept for the next start-up, or counted below with the rest of a memory buffer.
        await Promise.all(dedupe.take(true).map((event) => finish(event).done));
        if (!flushed && buffer.storage === 'memory') await dropTheRest();
        await gate.close().catch(() => undefined);
        await buffer.close();
        return flushed;
      })();
      return closing;
    },
    async status() {
      const stats = await buffer.stats();
      return {
        buffered: stats.events,
        bufferedBytes: stats.bytes,
        storage: stats.storage,
        ...(stats.fallbackReason !== undefined && { fallbackReason: stats.fallbackReason }),
        sent: delivery.sent,
        dropped: stats.dropped,
        folded: dedupe.pending,
        ...(delivery.lastFlush !== undefined && { lastFlush: delivery.lastFlush }),
        transport: transport.status(),
        sender: gate.isLeader,
        closed,
      };
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const stopResilience =
    options.captureResilience === false
      ? () => undefined
      : reportResilience(client, clock, { retries: options.captureResilience !== 'breakers' });
  // Start-up: what earlier sessions left in a persistent buffer goes out at once.
  gate.onChange((leader) => leader && void delivery.send());
  // Another client buffered into the shared buffer: the leader sends it (at once for a flush).
  gate.onAnnounce?.((urgent) => {
    if (!gate.isLeader) return; // only the sender answers: two others would echo each other
    if (urgent) void delivery.send();
    else delivery.sendSoon();
  });
  void delivery.send();
  return client;
}

/**
 * A timeout as given to `flush` or `close`: `fallback` unless it is a number. `NaN` would make a
 * deadline that never passes; long waits are the timers' business (`MAX_DELAY_MS`).
 */
function waitOf(requested: unknown, fallback: number): number {
  return typeof requested === 'number' && !Number.isNaN(requested) ? requested : fallback;
}
