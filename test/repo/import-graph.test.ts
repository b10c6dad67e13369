import { existsSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, repoRoot, runtimeImportsOf, sourceFiles } from './source-files.js';

const files = new Map(sourceFiles('src').map((file) => [file.fileName, file]));

function resolve(from: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  const target = normalize(join(dirname(from), specifier.replace(/\.js$/, '.ts')));
  if (existsSync(join(repoRoot, target))) return target;
  return relative(repoRoot, join(repoRoot, target.replace(/\.ts$/, ''), 'index.ts'));
}

/** Every module (source files and packages) reachable from `entry` through runtime imports. */
function graph(entry: string): Set<string> {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const name = stack.pop() as string;
    if (seen.has(name)) continue;
    seen.add(name);
    const file = files.get(name);
    if (file !== undefined) stack.push(...runtimeImportsOf(file).map((s) => resolve(name, s)));
  }
  return seen;
}

describe('import graph of src/', () => {
  it('keeps core free of adapters (only the runtime entries reach them) and of full zod', () => {
    for (const [name, file] of files) {
      const imports = importsOf(file);
      const isRuntimeEntry = [
        'src/browser.ts',
        'src/worker.ts',
        'src/deno.ts',
        'src/standalone.ts',
      ].includes(name);
      if (!name.startsWith('src/adapters/') && !isRuntimeEntry) {
        expect(
          imports.filter((s) => s.includes('adapters/')),
          name,
        ).toEqual([]);
      }
      expect(
        imports.filter((s) => s === 'zod' || s.startsWith('zod/v')),
        name,
      ).toEqual([]);
    }
  });

  it('lets only the IndexedDB buffer import idb and only the Hono middleware import hono', () => {
    const idbModules = new Set([
      'src/adapters/browser/indexeddb-buffer.ts',
      'src/adapters/browser/buffer-schema.ts',
      'src/adapters/browser/quota-recovery.ts',
      'src/adapters/browser/write-events.ts',
    ]);
    for (const [name, file] of files) {
      const imports = importsOf(file);
      if (!idbModules.has(name)) expect(imports, name).not.toContain('idb');
      if (name !== 'src/adapters/worker/hono-middleware.ts') {
        expect(
          imports.filter((s) => s === 'hono' || s.startsWith('hono/')),
          name,
        ).toEqual([]);
      }
    }
  });

  it('pulls no config, wire schema or zod into classify or parseStack', () => {
    for (const entry of [
      'src/classify/classify.ts',
      'src/stack/parse-stack.ts',
      'src/stack/fingerprint.ts',
      'src/scrub/scrub.ts',
    ]) {
      const reachable = [...graph(entry)];
      expect(
        reachable.filter(
          (m) =>
            m.startsWith('zod') ||
            m.startsWith('src/config/') ||
            m.startsWith('src/wire/event-schema'),
        ),
        entry,
      ).toEqual([]);
    }
  });

  it('pulls no zod and no config schema into the resilience policies (SPEC §1)', () => {
    for (const entry of [
      'src/backoff/index.ts',
      'src/retry/retry.ts',
      'src/breaker/breaker.ts',
      'src/ratelimit/limiter.ts',
      'src/policy/index.ts',
      'src/fetch/resilient-fetch.ts',
    ]) {
      const reachable = [...graph(entry)];
      expect(
        reachable.filter(
          (m) =>
            m.startsWith('zod') ||
            m === 'src/config/client-schema.ts' ||
            m.startsWith('src/wire/event-schema'),
        ),
        entry,
      ).toEqual([]);
    }
  });
});
