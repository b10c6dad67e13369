/**
 * Word between the tabs of a page that events wait in their shared buffer: a tab that does not
 * send tells the sending tab, which would otherwise send them only on its own next capture,
 * timer or start-up.
 *
 * @module
 */
import { getBroadcastChannel } from './storage-globals.js';

/** A channel between the tabs that share one buffer. */
export interface TabSignal {
  /** Tells the other tabs that events wait; `urgent` when a flush waits for them. */
  post(urgent: boolean): void;
  /** Calls `listener` when another tab posts; returns the unsubscribe function. */
  subscribe(listener: (urgent: boolean) => void): () => void;
  /** Leaves the channel. */
  close(): void;
}

/**
 * Opens the signal `name` over a `BroadcastChannel`; `undefined` where there is none (then the
 * sender finds other tabs' events on its own next send).
 *
 * @example
 * const signal = tabSignal('faultline:sender:pending');
 * signal?.subscribe((urgent) => (urgent ? sendNow() : sendSoon()));
 */
export function tabSignal(name: string): TabSignal | undefined {
  const Channel = getBroadcastChannel();
  if (Channel === undefined) return undefined;
  let channel: BroadcastChannel;
  try {
    channel = new Channel(name);
  } catch {
    return undefined; // e.g. an opaque origin
  }
  const listeners = new Set<(urgent: boolean) => void>();
  channel.onmessage = (message: MessageEvent<unknown>) => {
    const urgent = message.data === 'urgent';
    for (const listener of listeners) listener(urgent);
  };
  return {
    post(urgent) {
      try {
        channel.postMessage(urgent ? 'urgent' : 'pending');
      } catch {
        // a closed channel: nothing to tell
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    close() {
      listeners.clear();
      channel.close();
    },
  };
}
