import { builtinModules } from 'node:module';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { importsOf, parse, sourceFiles } from './source-files.js';

const NODE_MODULES = new Set(builtinModules);
const NODE_GLOBALS = new Set([
  'Buffer',
  'process',
  '__dirname',
  '__filename',
  'require',
  'global',
  'setImmediate',
]);

function isNodeModule(specifier: string): boolean {
  return (
    specifier.startsWith('node:') ||
    NODE_MODULES.has(specifier) ||
    NODE_MODULES.has(specifier.split('/')[0] ?? '')
  );
}

/** Where a file uses a Node global in code: identifiers that are not property names or declarations. */
function nodeGlobalsIn(file: ts.SourceFile): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && NODE_GLOBALS.has(node.text)) {
      const parent = node.parent;
      const isPropertyName =
        (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
        (ts.isPropertyAssignment(parent) && parent.name === node) ||
        (ts.isPropertySignature(parent) && parent.name === node) ||
        (ts.isPropertyDeclaration(parent) && parent.name === node) ||
        (ts.isMethodDeclaration(parent) && parent.name === node);
      if (!isPropertyName) {
        const { line } = file.getLineAndCharacterOfPosition(node.getStart());
        found.push(`${file.fileName}:${line + 1} ${node.text}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function violations(file: ts.SourceFile): string[] {
  const imports = importsOf(file)
    .filter(isNodeModule)
    .map((m) => `${file.fileName} imports ${m}`);
  return [...imports, ...nodeGlobalsIn(file)];
}

describe('src/ uses no Node APIs', () => {
  it('has no Node built-in imports and no Node globals in code', () => {
    const files = sourceFiles('src');
    expect(files.length).toBeGreaterThan(10);
    expect(files.flatMap(violations)).toEqual([]);
  });

  it('catches imports, dynamic imports, require and globals in code', () => {
    const bad = parse(
      'bad.ts',
      [
        "import { readFileSync } from 'node:fs';",
        "export { join } from 'path';",
        "const os = await import('os');",
        'const b = Buffer.from("x");',
        'const env = process.env;',
        "const z = require('zlib');",
      ].join('\n'),
    );
    expect(violations(bad)).toEqual([
      'bad.ts imports node:fs',
      'bad.ts imports path',
      'bad.ts imports os',
      'bad.ts imports zlib',
      'bad.ts:4 Buffer',
      'bad.ts:5 process',
      'bad.ts:6 require',
    ]);
  });

  it('ignores comments, strings and property names', () => {
    const fine = parse(
      'fine.ts',
      [
        '// Buffer and process are mentioned here only',
        "const text = 'node:fs process Buffer';",
        'const o = { process: 1, Buffer: 2 };',
        'o.process = o.Buffer;',
        "const url = new URL('https://example.com');",
      ].join('\n'),
    );
    expect(violations(fine)).toEqual([]);
  });
});
