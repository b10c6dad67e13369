import { describe, expect, it } from 'vitest';
import { clientSetup, errorAt } from './setup.js';

// `client.fork()`: one scope per unit of work (a Worker's request), one pipeline.

describe('client.fork()', () => {
  it('keeps each fork’s user, tags and breadcrumbs to its own events', async () => {
    const { client, events } = clientSetup();
    client.setTags({ service: 'api' });
    const alice = client.fork({ url: 'https://api.example/alice' });
    const bob = client.fork({ url: 'https://api.example/bob', tags: { route: '/bob' } });
    alice.setUser({ id: 'alice' });
    alice.addBreadcrumb({ category: 'auth', message: 'logged in as alice' });
    bob.setUser({ id: 'bob' });
    bob.setTags({ tenant: 'globex' });
    bob.addBreadcrumb({ category: 'auth', message: 'logged in as bob' });
    bob.captureException(errorAt(1), { tags: { step: 'pay' } });
    client.captureException(errorAt(2));
    await client.flush();
    const [fromBob, fromRoot] = events();
    expect(fromBob).toMatchObject({
      user: { id: 'bob' },
      tags: { service: 'api', tenant: 'globex', route: '/bob', step: 'pay' },
      url: 'https://api.example/bob',
    });
    expect(fromBob!.breadcrumbs?.map((c) => c.message)).toEqual(['logged in as bob']);
    // The isolate's own scope saw none of it.
    expect(fromRoot).toMatchObject({ tags: { service: 'api' } });
    expect(fromRoot!.user).toBeUndefined();
    expect(fromRoot!.breadcrumbs).toBeUndefined();
  });

  it('gives an error captured in a fork and again by the client one event, one id', async () => {
    const { client, events } = clientSetup();
    const request = client.fork({ correlationId: 'ray-1' });
    const error = errorAt(1);
    const id = request.captureException(error);
    expect(client.captureException(error)).toBe(id);
    await client.flush();
    expect(events()).toHaveLength(1);
    expect(events()[0]).toMatchObject({ id, correlationId: 'ray-1' });
  });
});
