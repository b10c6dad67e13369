import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { FaultError } from '../../../src/errors/fault-error.js';
import { isFaultError } from '../../../src/errors/is-fault-error.js';

// Node-only: node:vm makes a second realm, as an iframe or a worker would in a browser.
describe('errors from another realm', () => {
  it('normalises an error whose Error constructor is not ours', () => {
    const foreign = runInNewContext('new TypeError("x is not a function")') as unknown;
    expect(foreign instanceof Error).toBe(false);
    const error = FaultError.from(foreign);
    expect(error).toMatchObject({
      type: 'programming_error',
      originalName: 'TypeError',
      message: 'x is not a function',
    });
    expect(error.stack).toBe((foreign as Error).stack);
  });

  it('recognises a FaultError-shaped error made in another realm', () => {
    const foreign = runInNewContext(
      'Object.assign(new Error("slow"), { name: "FaultError", code: 4301, type: "timeout" })',
    ) as unknown;
    expect(isFaultError(foreign)).toBe(true);
    expect(FaultError.from(foreign).type).toBe('timeout');
  });
});
