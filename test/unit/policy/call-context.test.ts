import { describe, expect, it } from 'vitest';
import { CallContext } from '../../../src/policy/call-context.js';
import { compose } from '../../../src/policy/compose.js';
import { timeout } from '../../../src/policy/timeout.js';
import { retry } from '../../../src/retry/retry.js';

/** A signal that counts the abort listeners currently attached to it. */
function countedSignal() {
  const controller = new AbortController();
  const signal = controller.signal;
  let listeners = 0;
  const add = signal.addEventListener.bind(signal);
  const remove = signal.removeEventListener.bind(signal);
  signal.addEventListener = ((...args: Parameters<typeof add>) => {
    listeners++;
    add(...args);
  }) as typeof signal.addEventListener;
  signal.removeEventListener = ((...args: Parameters<typeof remove>) => {
    listeners--;
    remove(...args);
  }) as typeof signal.removeEventListener;
  return { controller, signal, listeners: () => listeners };
}

describe('CallContext', () => {
  it('relays the caller’s own signal from a root', () => {
    const { signal } = new AbortController();
    expect(CallContext.of({ signal }).signal).toBe(signal);
  });

  it('aborts children with their parent, at once if the parent already aborted', () => {
    const controller = new AbortController();
    const root = CallContext.of({ signal: controller.signal });
    const child = root.child(true);
    const early = child.signal;
    controller.abort('gone');
    expect(early.aborted).toBe(true);
    expect(early.reason).toBe('gone');
    const late = root.child(false);
    expect(late.signal.aborted).toBe(true);
    expect(late.reason).toBe('gone');
  });

  it('aborts a child on its own without touching the parent', () => {
    const root = CallContext.of({ signal: new AbortController().signal });
    const child = root.child(true);
    child.abort('timed out');
    expect(child.signal.aborted).toBe(true);
    expect(root.aborted).toBe(false);
  });

  it('calls an onAbort listener once even when parent and child both abort', () => {
    const controller = new AbortController();
    const child = CallContext.of({ signal: controller.signal }).child(true);
    const calls: unknown[] = [];
    child.onAbort((reason) => calls.push(reason));
    child.abort('first');
    controller.abort('second');
    expect(calls).toEqual(['first']);
  });

  it('leaves no listener behind on a signal shared by many calls', async () => {
    const shared = countedSignal();
    const policy = compose(retry(), timeout(1000));
    for (let i = 0; i < 100; i++) {
      await policy.execute(({ signal }) => (signal.aborted ? 0 : i), { signal: shared.signal });
    }
    expect(shared.listeners()).toBe(0);
  });
});
