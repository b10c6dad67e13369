import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { FaultError } from '../../src/errors/fault-error.js';
import { renderFaultError } from '../../workers/src/middleware/render-fault-error.js';

function appThrowing(thrown: unknown) {
  return new Hono()
    .get('/', () => {
      throw thrown;
    })
    .onError(renderFaultError);
}

describe('renderFaultError', () => {
  it('answers a FaultError of a client-side type with its 4xx and the error JSON', async () => {
    const res = await appThrowing(new FaultError('authentication_failed', 'unknown key')).request(
      '/',
    );
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({
      error: { type: 'authentication_failed', code: 4401, message: 'unknown key' },
    });
  });

  it('keeps the status of an HTTPException', async () => {
    const res = await appThrowing(new HTTPException(413, { message: 'too big' })).request('/');
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { message: 'too big' } });
  });

  it('answers anything else with 500 internal_error', async () => {
    const res = await appThrowing(new TypeError('bug')).request('/');
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({
      error: { type: 'internal_error', name: 'TypeError' },
    });
  });
});
