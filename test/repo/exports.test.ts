import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './source-files.js';

// Checks the built package: run after `npm run build` (npm test does so first).
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  exports: Record<string, string | { types: string; default: string }>;
  sideEffects: boolean;
  type: string;
};
const built = existsSync(join(repoRoot, 'dist/index.js'));

describe('the built package', () => {
  it('exists (npm test builds it first; alone, run `npm run build`)', () => {
    expect(built).toBe(true);
  });

  it('is ESM, side-effect free, with types listed first in every export', () => {
    expect(pkg.type).toBe('module');
    expect(pkg.sideEffects).toBe(false);
    for (const [path, target] of Object.entries(pkg.exports)) {
      if (typeof target === 'string') continue;
      expect(Object.keys(target), path).toEqual(['types', 'default']);
      expect(existsSync(join(repoRoot, target.types)), target.types).toBe(true);
      expect(existsSync(join(repoRoot, target.default)), target.default).toBe(true);
    }
  });

  it('ships one module per source module, so one import pulls in only what it uses', () => {
    for (const module of [
      'errors/fault-error',
      'classify/classify',
      'stack/parse-stack',
      'scrub/scrub',
    ]) {
      expect(existsSync(join(repoRoot, `dist/${module}.js`)), module).toBe(true);
      expect(existsSync(join(repoRoot, `dist/${module}.d.ts`)), module).toBe(true);
    }
  });

  it('exposes the documented core API from every entry', async () => {
    for (const entry of ['index', 'browser', 'worker', 'deno']) {
      const api = (await import(join(repoRoot, `dist/${entry}.js`))) as Record<string, unknown>;
      for (const name of [
        'FaultError',
        'isFaultError',
        'classify',
        'parseStack',
        'fingerprint',
        'scrub',
        'createContext',
        'runInContext',
        'defineErrorType',
        'parseConfig',
        'wireEventSchema',
      ]) {
        expect(typeof api[name], `${entry}: ${name}`).not.toBe('undefined');
      }
    }
  });
});
