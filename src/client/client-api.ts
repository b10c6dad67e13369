/**
 * What the capture client offers (SPEC §4): the `Client` that `createClient` and every
 * runtime's `init` return, and its `status()`.
 *
 * @module
 */
import type { DropCounts } from '../buffer/drop-counts.js';
import type { ClientConfig } from '../config/client-schema.js';
import type { TransportStatus } from '../transport/transport.js';
import type { WireEvent } from '../wire/event-schema.js';
import type { CaptureHint } from './capture-hint.js';
import type { FlushReport } from './delivery.js';
import type { ClientScope } from './client-scope.js';

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
export interface Client extends ClientScope {
  /** The configuration in force, defaults filled in. */
  readonly config: ClientConfig;
  /**
   * A view of this client for one unit of work, such as a request a Worker serves: a scope of
   * its own (this client's user, tags and contexts as they are now, an empty breadcrumb
   * trail), and `defaults` laid under every capture's hint (the request's url and correlation
   * id, say). Its events go through this client's pipeline; what it sets stays in it, so
   * concurrent requests never share a user, a tag or a breadcrumb.
   */
  fork(defaults?: CaptureHint): ClientScope;
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
