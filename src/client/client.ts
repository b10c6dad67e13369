/**
 * The capture client (SPEC §4): `createClient(config)` and the pipeline normalise → classify →
 * scrub → fingerprint → sample / dedupe / rate cap → `beforeSend` → buffer → transport.
 * Capturing never throws into user code; whatever goes wrong inside is counted as a drop.
 *
 * @module
 */
import type { DropCounts } from '../buffer/drop-counts.js';
import type { DropReason } from '../buffer/drop-reasons.js';
import { eventBytes } from '../buffer/event-bytes.js';
import { memoryBuffer } from '../buffer/memory-buffer.js';
import { resolveClientConfig } from '../config/client-config.js';
import type { ClientConfig } from '../config/client-schema.js';
import { FaultError } from '../errors/fault-error.js';
import type { Severity } from '../errors/taxonomy.js';
import { systemClock } from '../runtime/clock.js';
import { systemRandom } from '../runtime/random.js';
import { systemTimers } from '../runtime/timers.js';
import { createScrubber } from '../scrub/scrub.js';
import { collectorBreaker } from '../transport/collector-breaker.js';
import { createFetchTransport } from '../transport/fetch-transport.js';
import type { TransportStatus } from '../transport/transport.js';
import type { WireEvent } from '../wire/event-schema.js';
import { buildEvent, normalise, type EventSettings } from './build-event.js';
import type { CaptureHint } from './capture-hint.js';
import type { ClientOptions } from './client-options.js';
import { Dedupe } from './dedupe.js';
import { Delivery, type FlushReport } from './delivery.js';
import { isFilteredOut, type FilterSettings } from './filters.js';
import { reportResilience } from './report-resilience.js';
import { Scope, type BreadcrumbInput, type User } from './scope.js';
import { ALWAYS_SEND } from './send-gate.js';

/** A client's condition (`client.status()`). */
export interface ClientStatus {
  /** Events waiting in the buffer (every tab's, for a shared buffer). */
  readonly buffered: number;
  /** Their size in bytes of JSON. */
  readonly bufferedBytes: number;
  /** Where the buffer keeps them, and why it fell back to memory if it did. */
  readonly storage: 'memory' | 'indexeddb';
  readonly fallbackReason?: string;
  /** Events the collector acknowledged from this client. */
  readonly sent: number;
  /** Events this client dropped, by reason (filters, sampling, overflow, invalid…). */
  readonly dropped: DropCounts;
  /** Repeats folded by dedupe and not buffered yet. */
  readonly folded: number;
  /** The last send's outcome. */
  readonly lastFlush?: FlushReport;
  /** The transport's state, with its collector breaker. */
  readonly transport: TransportStatus;
  /** Whether this client is the one that sends (one tab of several). */
  readonly sender: boolean;
  readonly closed: boolean;
}

/** The capture client. */
export interface Client {
  /** The configuration in force, defaults filled in. */
  readonly config: ClientConfig;
  /**
   * Captures anything thrown. Returns the event id, or `undefined` when the event was left out
   * (filtered, sampled, dropped by `beforeSend`, client closed), folded into a repeat, or was
   * captured already (the same error object: caught, captured and re-thrown). Never throws.
   */
  captureException(error: unknown, hint?: CaptureHint): string | undefined;
  /** Captures a message (severity `info` unless given). Never throws. */
  captureMessage(message: string, hint?: CaptureHint | Severity): string | undefined;
  /** Records what happened before an error. */
  addBreadcrumb(breadcrumb: BreadcrumbInput): void;
  /** Sets the user attached to later events; `null` forgets it. */
  setUser(user: User | null): void;
  /** Merges tags attached to later events; a `null` value removes a tag. */
  setTags(tags: Readonly<Record<string, unknown>>): void;
  /** Sets a named context attached to later events; `null` removes it. */
  setContext(name: string, context: unknown): void;
  /**
   * Sends everything now, ignoring backoff, and resolves `true` once the buffer is empty or
   * `false` when `timeoutMs` (default 5000) passes first. Never rejects.
   */
  flush(timeoutMs?: number): Promise<boolean>;
  /**
   * For page hide: at once, hands the events not yet stored to a beacon (the page may be gone
   * before the buffer's write ends); then the oldest buffered ones. They stay buffered.
   */
  beacon(): Promise<void>;
  /** Flushes (within `timeoutMs`, default 2000), then stops. Later captures are dropped. */
  close(timeoutMs?: number): Promise<boolean>;
  /** Buffer depth, sends, drops by reason, transport and breaker state. */
  status(): Promise<ClientStatus>;
  /** Calls `listener` with each event as it is buffered; returns the unsubscribe function. */
  onEvent(listener: (event: WireEvent) => void): () => void;
}

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
  const captured = new WeakSet<object>();
  let closed = false;

  const track = (work: Promise<unknown>) => {
    writes.add(work);
    void work.finally(() => writes.delete(work));
  };
  const drop = (reason: DropReason) => track(buffer.recordDrop(reason));
  const settled = () => Promise.all([...writes]);

  function admit(event: WireEvent): string | undefined {
    if (isFilteredOut(event, filters)) return void drop('ignored');
    if (config.sampleRate < 1 && !(random() < config.sampleRate)) return void drop('sampled');
    if (!dedupe.offer(event)) {
      delivery.nudge();
      return undefined;
    }
    let final: WireEvent | null = event;
    if (config.beforeSend !== undefined) {
      try {
        final = config.beforeSend(event) as WireEvent | null;
      } catch {
        final = event; // a throwing hook must not lose the event; it was scrubbed already
      }
      if (final === null || typeof final !== 'object') return void drop('before_send');
    }
    let bytes: number;
    try {
      bytes = eventBytes(final);
    } catch {
      return void drop('invalid');
    }
    const saved = final;
    unsaved.set(saved.id, saved);
    track(delivery.enqueue(saved, bytes).finally(() => unsaved.delete(saved.id)));
    for (const listener of listeners) {
      try {
        listener(final);
      } catch {
        // a listener's failure is its own
      }
    }
    return final.id;
  }

  function capture(thrown: unknown, hint: CaptureHint = {}): string | undefined {
    if (closed) return void drop('client_closed');
    // An error caught, captured and re-thrown reaches the global handlers too: once is enough.
    const isObject =
      (typeof thrown === 'object' && thrown !== null) || typeof thrown === 'function';
    if (isObject && captured.has(thrown)) return undefined;
    try {
      if (isObject) captured.add(thrown);
      return admit(buildEvent(normalise(thrown, settings.classifier), hint, settings));
    } catch {
      return void drop('invalid');
    }
  }

  const client: Client = {
    config,
    captureException: capture,
    captureMessage(message, hint) {
      const given = typeof hint === 'string' ? { severity: hint } : (hint ?? {});
      const error = new FaultError('unknown', String(message), { captureStack: false, clock });
      return capture(Object.assign(error, { originalName: 'Message' }), {
        severity: 'info',
        ...given,
      });
    },
    addBreadcrumb: (crumb) => scope.addBreadcrumb(crumb),
    setUser: (user) => scope.setUser(user),
    setTags: (tags) => scope.setTags(tags),
    setContext: (name, context) => scope.setContext(name, context),
    async flush(timeoutMs = 5000) {
      await settled();
      return delivery.flush(timeoutMs).catch(() => false);
    },
    async beacon() {
      if (unsaved.size > 0) transport.beacon({ events: [...unsaved.values()] });
      await settled();
      await delivery.beacon().catch(() => undefined);
    },
    async close(timeoutMs = 2000) {
      if (closed) return (await buffer.size()) === 0;
      const flushed = await client.flush(timeoutMs);
      closed = true;
      stopResilience();
      delivery.close();
      await gate.close().catch(() => undefined);
      await buffer.close();
      return flushed;
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
    options.captureResilience === false ? () => undefined : reportResilience(client, clock);
  // Start-up: what earlier sessions left in a persistent buffer goes out at once.
  gate.onChange((leader) => leader && void delivery.send());
  void delivery.send();
  return client;
}
