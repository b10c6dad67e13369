import { afterEach, describe, expect, it, vi } from 'vitest';
import { systemTimers } from '../../../src/runtime/timers.js';

describe('systemTimers', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits the whole of a delay longer than setTimeout can hold (2³¹ − 1 ms)', () => {
    vi.useFakeTimers();
    const fired = vi.fn();
    const thirtyDays = 30 * 24 * 3600 * 1000;
    systemTimers.set(fired, thirtyDays);
    vi.advanceTimersByTime(thirtyDays - 1);
    expect(fired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fired).toHaveBeenCalledOnce();
  });

  it('clears a long timer at any stage', () => {
    vi.useFakeTimers();
    const fired = vi.fn();
    const handle = systemTimers.set(fired, 2 ** 32);
    vi.advanceTimersByTime(2 ** 31); // past the first segment
    systemTimers.clear(handle);
    vi.advanceTimersByTime(2 ** 32);
    expect(fired).not.toHaveBeenCalled();
  });

  it('says timers belong to a request only in Cloudflare Workers', () => {
    const scope = globalThis as { WebSocketPair?: unknown };
    const inWorkerd = typeof scope.WebSocketPair === 'function';
    expect(systemTimers.perRequest).toBe(inWorkerd);
    if (inWorkerd) return;
    scope.WebSocketPair = function WebSocketPair() {}; // Workers without a global navigator
    try {
      expect(systemTimers.perRequest).toBe(true);
    } finally {
      delete scope.WebSocketPair;
    }
  });
});
