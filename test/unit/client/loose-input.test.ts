import { describe, expect, it } from 'vitest';
import { wireEventSchema } from '../../../src/wire/event-schema.js';
import { WIRE_LIMITS } from '../../../src/wire/limits.js';
import { clientSetup, errorAt } from './setup.js';

// What callers pass the client the loose way (Sentry levels, Dates, nulls, hostile objects,
// secrets near a limit) still makes events the collector accepts, and never costs later ones.

const valid = (event: unknown) => {
  const result = wireEventSchema.safeParse(event);
  return result.success ? 'valid' : JSON.stringify(result.error.issues.map((i) => i.path));
};

describe('the client with loose input', () => {
  it('takes Sentry and console levels for severities and breadcrumb levels', async () => {
    const { client, events } = clientSetup();
    client.addBreadcrumb({ category: 'auth', message: 'slow login', level: 'warn' as never });
    client.captureMessage('disk almost full', 'warning' as never);
    client.captureException(errorAt(1), { severity: 'fatal' as never });
    client.captureException(errorAt(2), { severity: 'loud' as never });
    await client.flush();
    expect(events().map(valid)).toEqual(['valid', 'valid', 'valid']);
    expect(events().map((e) => e.severity)).toEqual(['low', 'critical', 'medium']);
    expect(events()[0]!.breadcrumbs?.[0]).toMatchObject({ level: 'warning' });
  });

  it('takes a Date or nonsense for a breadcrumb time, and a number for its category', async () => {
    const { client, events, time } = clientSetup();
    client.addBreadcrumb({ category: 'auth', timestamp: new Date(5_000) as never });
    client.addBreadcrumb({ category: 7 as never, timestamp: Number.NaN });
    client.captureException(errorAt(1));
    await client.flush();
    expect(valid(events()[0])).toBe('valid');
    const [first, second] = events()[0]!.breadcrumbs!;
    expect(first!.timestamp).toBe(5_000);
    expect(second).toMatchObject({ category: '7', timestamp: time.clock.now() });
  });

  it('ignores null or odd tags and fingerprints in a hint instead of losing the event', async () => {
    const { client, events } = clientSetup();
    client.captureException(errorAt(1), { tags: null } as never);
    client.captureException(errorAt(2), { fingerprint: null } as never);
    client.captureException(errorAt(3), { fingerprint: 42 } as never);
    client.captureException(errorAt(4), { context: 'just a note' } as never);
    await client.flush();
    expect(events().map(valid)).toEqual(['valid', 'valid', 'valid', 'valid']);
    expect(events()[2]!.fingerprint).toMatch(/^c:[0-9a-f]{16}$/);
    expect(events()[3]!.context).toMatchObject({ value: 'just a note' });
    expect((await client.status()).dropped).toEqual({});
  });

  it('keeps capturing with a user whose getter throws, or a revoked proxy', async () => {
    const { client, events } = clientSetup();
    client.setUser({
      id: 'u1',
      get plan(): string {
        throw new Error('not loaded');
      },
    });
    client.captureException(errorAt(1));
    const { proxy, revoke } = Proxy.revocable({ id: 'u2' }, {});
    client.setUser(proxy);
    revoke();
    client.captureException(errorAt(2));
    client.captureException(errorAt(3), { context: proxy } as never);
    await client.flush();
    expect(events().map(valid)).toEqual(['valid', 'valid', 'valid']);
    expect(events()[0]!.user).toMatchObject({ id: 'u1', plan: '[Unreadable]' });
    expect((await client.status()).dropped).toEqual({});
  });

  it('cuts strings back to their limits after scrubbing lengthened them', async () => {
    const { client, events } = clientSetup();
    client.setTags({ route: `/x?${'a'.repeat(240)}&token=1` });
    client.setContext('form', { query: 'k=1&'.repeat(600) + 'token=1' });
    client.addBreadcrumb({ category: 'c'.repeat(500), message: 'token=1 '.repeat(2000) });
    client.captureException(new Error(`login failed: ${'token=1 '.repeat(3000)}`));
    await client.flush();
    const [event] = events();
    expect(valid(event)).toBe('valid');
    expect(event!.message).toHaveLength(WIRE_LIMITS.messageLength);
    expect(event!.tags!.route!.length).toBeLessThanOrEqual(WIRE_LIMITS.tagValueLength);
    expect(event!.message).not.toMatch(/token=1\b/);
  });
});
