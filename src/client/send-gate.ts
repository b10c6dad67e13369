/**
 * Who may send. Where several clients share one persistent buffer (the tabs of a page), exactly
 * one of them sends at a time so no event goes out twice at once (SPEC §4); the browser entry
 * passes its tab leader. A lone client always sends.
 *
 * @module
 */

/** This client's turn to send; a browser `TabLeader` is one. */
export interface SendGate {
  /** True while this client is the one that sends. */
  readonly isLeader: boolean;
  /** Calls `listener` when the role changes; returns the unsubscribe function. */
  onChange(listener: (isLeader: boolean) => void): () => void;
  /** Gives the role up (on `client.close()`). */
  close(): Promise<void>;
  /**
   * Tells the sender that this client buffered events into the shared buffer (`urgent`: a
   * flush waits for them). Absent where clients cannot reach each other.
   */
  announce?(urgent: boolean): void;
  /** Calls `listener` when another client announced events; returns the unsubscribe function. */
  onAnnounce?(listener: (urgent: boolean) => void): () => void;
}

/** The gate of a client that sends alone: always open. */
export const ALWAYS_SEND: SendGate = Object.freeze({
  isLeader: true,
  onChange: () => () => undefined,
  close: () => Promise.resolve(),
});
