import type { Context } from 'hono';
import { FaultError } from '../../../src/errors/fault-error.js';

/** Largest JSON body the query API reads (its bodies are a few fields). */
const MAX_BODY_CHARS = 16 * 1024;

/**
 * Reads a small JSON request body whatever its `content-type` (so `curl -d '{…}'` works).
 *
 * @throws FaultError `deserialization_failed` (3102, answered 400) when the body is not JSON or
 *   is over 16 KiB.
 * @example
 * const body = parseInput('body', statusBody, await readJsonBody(c));
 */
export async function readJsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.length > MAX_BODY_CHARS) {
    throw new FaultError(
      'deserialization_failed',
      `The body is over ${MAX_BODY_CHARS} characters`,
      {
        captureStack: false,
      },
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new FaultError('deserialization_failed', 'The body is not JSON', {
      cause: error,
      captureStack: false,
    });
  }
}
