import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it, vi } from 'vitest';
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

  it('answers anything else with 500 internal_error that names only its id, and logs the rest', async () => {
    const logged: unknown[][] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args) => void logged.push(args));
    try {
      const secret = new FaultError('invalid_config_value', 'readTokens: received "TOPSECRET-123"');
      const res = await appThrowing(new TypeError('bug', { cause: secret })).request('/');
      expect(res.status).toBe(500);
      const body = await res.text();
      expect(body).not.toContain('TOPSECRET');
      const { error } = JSON.parse(body) as { error: Record<string, unknown> };
      expect(error).toMatchObject({ type: 'internal_error', code: 2401 });
      expect(error.message).toContain(error.id as string);
      expect(Object.keys(error)).not.toEqual(expect.arrayContaining(['causes']));
      expect(JSON.stringify(logged)).toContain('TOPSECRET');
      expect(JSON.stringify(logged)).toContain(error.id as string);
    } finally {
      spy.mockRestore();
    }
  });

  it('shows no stack, frames or causes in a 4xx either', async () => {
    const cause = new SyntaxError('Unexpected token');
    const refused = new FaultError('deserialization_failed', 'Body is not JSON', { cause });
    const res = await appThrowing(new HTTPException(400, { cause: refused })).request('/');
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: Record<string, unknown> };
    expect(error).toMatchObject({ type: 'deserialization_failed', message: 'Body is not JSON' });
    for (const key of ['stack', 'frames', 'causes']) expect(error).not.toHaveProperty(key);
  });
});
