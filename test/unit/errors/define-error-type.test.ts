import { describe, expect, it } from 'vitest';
import { defineErrorType } from '../../../src/errors/define-error-type.js';
import { FaultError } from '../../../src/errors/fault-error.js';
import { lookupErrorType } from '../../../src/errors/registry.js';

function refusal(fn: () => unknown): FaultError {
  try {
    fn();
  } catch (error) {
    if (error instanceof FaultError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('defineErrorType()', () => {
  it('registers a type that FaultError and lookups then know', () => {
    defineErrorType({
      code: 4501,
      type: 'payment_declined',
      category: 'external',
      subcategory: 'payment',
      severity: 'medium',
      retry: 'no_retry',
      userMessage: 'Your card was declined.',
    });
    expect(lookupErrorType(4501)?.type).toBe('payment_declined');
    const error = new FaultError('payment_declined', 'card 42 declined');
    expect(error).toMatchObject({
      code: 4501,
      category: 'external',
      subcategory: 'payment',
      transient: false,
    });
    expect(error.userMessage).toBe('Your card was declined.');
  });

  it('accepts a new type inside an existing subcategory block', () => {
    const row = defineErrorType({
      code: 4102,
      type: 'dns_failure',
      category: 'external',
      subcategory: 'network',
      severity: 'medium',
      retry: 'exponential_backoff',
    });
    expect(row.recovery).toEqual(['retry_later']);
    expect(new FaultError('dns_failure').transient).toBe(true);
  });

  it('refuses a code that is taken, with a constraint_violation naming the owner', () => {
    const error = refusal(() =>
      defineErrorType({
        code: 4101,
        type: 'net2',
        category: 'external',
        subcategory: 'network',
        severity: 'low',
        retry: 'no_retry',
      }),
    );
    expect(error.type).toBe('constraint_violation');
    expect(error.code).toBe(1202);
    expect(error.message).toContain('4101 is network_error');
  });

  it('refuses a type name that is taken', () => {
    const error = refusal(() =>
      defineErrorType({
        code: 4150,
        type: 'timeout',
        category: 'external',
        subcategory: 'network',
        severity: 'low',
        retry: 'no_retry',
      }),
    );
    expect(error.message).toContain('timeout is taken');
  });

  it('refuses a code outside its category range', () => {
    const error = refusal(() =>
      defineErrorType({
        code: 2999,
        type: 'bad_range',
        category: 'data',
        subcategory: 'misc',
        severity: 'low',
        retry: 'no_retry',
      }),
    );
    expect(error.message).toContain('a code from 3000 to 3999 for category data');
  });

  it('refuses a code in another subcategory block', () => {
    const error = refusal(() =>
      defineErrorType({
        code: 4305,
        type: 'slow_dns',
        category: 'external',
        subcategory: 'network',
        severity: 'low',
        retry: 'no_retry',
      }),
    );
    expect(error.message).toContain('a code from 4100 to 4199 for subcategory network');
  });

  it('lists every malformed field at once with path, received and expected', () => {
    const error = refusal(() =>
      defineErrorType({
        code: 12.5,
        type: 'Not Snake',
        category: 'external',
        subcategory: 'x',
        severity: 'dire' as never,
        retry: 'sometimes' as never,
      }),
    );
    expect(error.type).toBe('invalid_config_value');
    const problems = error.context.problems as {
      path: string;
      received: unknown;
      expected: string;
    }[];
    expect(problems.map((p) => p.path)).toEqual(['code', 'type', 'severity', 'retry']);
    expect(problems[1]).toEqual({
      kind: 'value',
      path: 'type',
      received: 'Not Snake',
      expected: 'a snake_case name',
    });
  });
});
