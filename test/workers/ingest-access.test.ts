import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import {
  ACME_ORIGIN,
  INGEST_URL,
  batchOf,
  postBatch,
  storedEvents,
  wireEvent,
} from './ingest-fixtures.js';

function preflight(origin: string | null, query = ''): Promise<Response> {
  const headers: Record<string, string> = {
    'access-control-request-method': 'POST',
    'access-control-request-headers': 'content-type, x-faultline-key',
  };
  if (origin !== null) headers.origin = origin;
  return SELF.fetch(INGEST_URL + query, { method: 'OPTIONS', headers });
}

describe('POST /v1/events: keys', () => {
  it('answers 401 authentication_failed without a key', async () => {
    const res = await postBatch(batchOf([wireEvent()]), { key: null });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({
      error: { type: 'authentication_failed', code: 4401 },
    });
  });

  it('answers 401 for an unknown key, in the header or the query', async () => {
    const event = wireEvent();
    expect((await postBatch(batchOf([event]), { key: 'no-such-key-123' })).status).toBe(401);
    const viaQuery = await postBatch(batchOf([event]), {
      key: null,
      query: '?key=no-such-key-123',
    });
    expect(viaQuery.status).toBe(401);
    expect(await storedEvents([event.id as string])).toHaveLength(0);
  });

  it('does not take a read token as a public key', async () => {
    expect((await postBatch(batchOf([wireEvent()]), { key: 'acme-read-token-1' })).status).toBe(
      401,
    );
  });

  it('checks the key before reading the body', async () => {
    const res = await postBatch('not json at all', { key: 'no-such-key-123' });
    expect(res.status).toBe(401);
  });
});

describe('POST /v1/events: origins', () => {
  it('accepts a request without Origin (servers, curl) with a valid key', async () => {
    const res = await postBatch(batchOf([wireEvent()]), { key: 'other-public-key-1' });
    expect(res.status).toBe(202);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers an allowed origin with CORS headers that expose Retry-After', async () => {
    const res = await postBatch(batchOf([wireEvent()]), { headers: { origin: ACME_ORIGIN } });
    expect(res.status).toBe(202);
    expect(res.headers.get('access-control-allow-origin')).toBe(ACME_ORIGIN);
    expect(res.headers.get('access-control-expose-headers')).toBe('Retry-After');
    expect(res.headers.get('vary')).toContain('Origin');
  });

  it('puts the CORS headers on error answers too, so a page can read them', async () => {
    const res = await postBatch('{', { headers: { origin: ACME_ORIGIN } });
    expect(res.status).toBe(400);
    expect(res.headers.get('access-control-allow-origin')).toBe(ACME_ORIGIN);
  });

  it('answers 403 permission_denied for an origin not on the project’s list, storing nothing', async () => {
    for (const origin of [
      'https://evil.test',
      'null',
      'https://app.acme.test:8443',
      'http://app.acme.test',
    ]) {
      const event = wireEvent();
      const res = await postBatch(batchOf([event]), { headers: { origin } });
      expect(res.status).toBe(403);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(await res.json()).toMatchObject({ error: { type: 'permission_denied', code: 4402 } });
      expect(await storedEvents([event.id as string])).toHaveLength(0);
    }
  });

  it('holds each project to its own list', async () => {
    const res = await postBatch(batchOf([wireEvent()]), {
      key: 'other-public-key-1',
      headers: { origin: ACME_ORIGIN },
    });
    expect(res.status).toBe(403);
  });

  it('answers 401 before 403: an unknown key says nothing about origins', async () => {
    const res = await postBatch(batchOf([]), {
      key: 'no-such-key-123',
      headers: { origin: 'https://evil.test' },
    });
    expect(res.status).toBe(401);
  });

  it('lets any page read a 401: CORS headers for its Origin, the FaultError as the body', async () => {
    const res = await postBatch(batchOf([wireEvent()]), {
      key: 'no-such-key-123',
      headers: { origin: 'https://evil.test' },
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://evil.test');
    expect(res.headers.get('access-control-expose-headers')).toBe('Retry-After');
    expect(res.headers.get('vary')).toContain('Origin');
    expect(await res.json()).toEqual({
      error: expect.objectContaining({ type: 'authentication_failed', code: 4401 }),
    });
  });

  it('adds no CORS headers to a 401 without Origin', async () => {
    const res = await postBatch(batchOf([wireEvent()]), { key: 'no-such-key-123' });
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('OPTIONS /v1/events (CORS preflight)', () => {
  it('allows an origin some project allows, with the methods, headers and max age', async () => {
    const res = await preflight(ACME_ORIGIN);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(ACME_ORIGIN);
    expect(res.headers.get('access-control-allow-methods')).toBe('POST, OPTIONS');
    const allowed = res.headers.get('access-control-allow-headers')!.split(', ');
    expect(allowed).toEqual(
      expect.arrayContaining(['content-type', 'content-encoding', 'x-faultline-key']),
    );
    expect(Number(res.headers.get('access-control-max-age'))).toBeGreaterThan(0);
    expect(res.headers.get('vary')).toContain('Origin');
  });

  it('checks the origin against the project ?key= names', async () => {
    expect((await preflight(ACME_ORIGIN, '?key=acme-public-key-1')).status).toBe(204);
    const res = await preflight(ACME_ORIGIN, '?key=other-public-key-1');
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers 403 for an origin no project allows', async () => {
    const res = await preflight('https://evil.test');
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(await res.json()).toMatchObject({ error: { type: 'permission_denied' } });
  });

  it('answers OPTIONS without Origin with 204 and Allow', async () => {
    const res = await preflight(null);
    expect(res.status).toBe(204);
    expect(res.headers.get('allow')).toBe('POST, OPTIONS');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});
