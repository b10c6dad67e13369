// FAULTLINE_PROJECTS errors name each problem with its kind, path and received value.
import { describe, expect, it } from 'vitest';
import { parseCollectorConfig } from '../../workers/src/config/projects.js';

function problemsOf(text: string) {
  try {
    parseCollectorConfig(text);
  } catch (error) {
    const fault = error as { code: number; context: { problems?: unknown[] } };
    return { code: fault.code, problems: fault.context.problems };
  }
  throw new Error('expected a config error');
}

describe('parseCollectorConfig()', () => {
  it('tells a wrong value from a missing one, with what it received', () => {
    const project = {
      id: 7,
      name: 'Acme',
      publicKeys: ['acme-public-key-9'],
      readTokens: ['acme-read-token-9'],
      allowedOrigins: [],
    };
    const { code, problems } = problemsOf(JSON.stringify({ projects: [project] }));
    expect(code).toBe(1201); // invalid_config_value, not missing_required_field
    expect(problems).toEqual([
      expect.objectContaining({ kind: 'value', path: 'projects.0.id', received: 7 }),
    ]);
  });

  it('reports a missing field as missing', () => {
    const { code, problems } = problemsOf(JSON.stringify({ projects: [{ name: 'Acme' }] }));
    expect(code).toBe(1102);
    expect(problems).toContainEqual(
      expect.objectContaining({ kind: 'missing', path: 'projects.0.id' }),
    );
  });

  it('refuses a read token that no Bearer header can carry', () => {
    const project = {
      id: 'acme',
      name: 'Acme',
      publicKeys: ['acme-public-key-9'],
      readTokens: ['abc!def:ghij#kl'],
    };
    const { problems } = problemsOf(JSON.stringify({ projects: [project] }));
    expect(problems).toEqual([
      expect.objectContaining({ path: 'projects.0.readTokens.0', received: 'abc!def:ghij#kl' }),
    ]);
  });

  it('refuses text that is not JSON', () => {
    expect(problemsOf('{nope').code).toBe(1101);
  });
});
