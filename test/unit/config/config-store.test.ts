import { describe, expect, it, vi } from 'vitest';
import { clientConfigSchema } from '../../../src/config/client-schema.js';
import { createConfigStore } from '../../../src/config/config-store.js';

const MINIMAL = { endpoint: 'https://errors.example.com', key: 'pk_live_1' };

describe('createConfigStore()', () => {
  it('applies a valid update and tells listeners', () => {
    const store = createConfigStore(clientConfigSchema, MINIMAL, ['endpoint', 'key']);
    const listener = vi.fn();
    store.onChange(listener);
    store.update({ sampleRate: 0.25, buffer: { overflow: 'drop_newest' } });
    expect(store.get().sampleRate).toBe(0.25);
    expect(store.get().buffer).toEqual({
      maxEvents: 1000,
      maxBytes: 5 * 1024 * 1024,
      overflow: 'drop_newest',
    });
    expect(listener).toHaveBeenCalledWith(store.get());
  });

  it('leaves the old config in force when an update is invalid', () => {
    const store = createConfigStore(clientConfigSchema, MINIMAL);
    store.update({ sampleRate: 0.5 });
    const before = store.get();
    expect(() => store.update({ sampleRate: -1, environment: '' })).toThrowError(/2 problems/);
    expect(store.get()).toBe(before);
    store.update({ environment: 'staging' });
    expect(store.get()).toMatchObject({ sampleRate: 0.5, environment: 'staging' });
  });

  it('refuses to change frozen keys with config_update_forbidden', () => {
    const store = createConfigStore(clientConfigSchema, MINIMAL, ['endpoint', 'key']);
    try {
      store.update({ endpoint: 'https://elsewhere.example.com' });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ type: 'config_update_forbidden', code: 1401 });
    }
    expect(store.get().endpoint).toBe(MINIMAL.endpoint);
  });

  it('keeps an update even when a listener throws', () => {
    const store = createConfigStore(clientConfigSchema, MINIMAL);
    store.onChange(() => {
      throw new Error('listener bug');
    });
    store.update({ sampleRate: 0.1 });
    expect(store.get().sampleRate).toBe(0.1);
  });
});
