/**
 * What the capture client offers (SPEC §4): the `Client` that `createClient` and every
 * runtime's `init` return, and its `status()`.
 *
 * @module
 */
import type { DropCounts } from '../buffer/drop-counts.js';
import type { ClientConfig } from '../config/client-schema.js';
import type { Severity } from '../errors/taxonomy.js';
import type { TransportStatus } from '../transport/transport.js';
import type { WireEvent } from '../wire/event-schema.js';
import type { CaptureHint } from './capture-hint.js';
import type { FlushReport } from './delivery.js';
import type { BreadcrumbInput, User } from './scope.js';

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
