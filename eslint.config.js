// Lint rules that keep src/ portable (SPEC §1, STYLE §2 items 4–5) and files small.
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'assert',
  'async_hooks',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'module',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'querystring',
  'readline',
  'stream',
  'string_decoder',
  'timers',
  'tls',
  'tty',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '**/.wrangler/', 'test/fixtures/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTINS.map((name) => ({
            name,
            message: 'src/ uses web-standard APIs only.',
          })),
          patterns: [{ group: ['node:*'], message: 'src/ uses web-standard APIs only.' }],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'Node-only.' },
        { name: 'Buffer', message: 'Node-only; use Uint8Array / TextEncoder.' },
        { name: 'require', message: 'ESM only.' },
        { name: '__dirname', message: 'Node-only.' },
        { name: 'global', message: 'Use globalThis.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Take a Clock (src/runtime/clock.ts).' },
        { object: 'Math', property: 'random', message: 'Take a random source.' },
        { object: 'performance', property: 'now', message: 'Take a Clock (src/runtime/clock.ts).' },
      ],
    },
  },
  {
    // Core must reach browser globals only through guarded accessors in adapters.
    files: ['src/**/*.ts'],
    ignores: ['src/adapters/**', 'src/browser.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'Node-only.' },
        { name: 'Buffer', message: 'Node-only; use Uint8Array / TextEncoder.' },
        { name: 'require', message: 'ESM only.' },
        { name: '__dirname', message: 'Node-only.' },
        { name: 'global', message: 'Use globalThis.' },
        { name: 'window', message: 'Browser-only: use an adapter.' },
        { name: 'document', message: 'Browser-only: use an adapter.' },
        { name: 'navigator', message: 'Browser-only: use an adapter.' },
        { name: 'indexedDB', message: 'Browser-only: use an adapter.' },
        { name: 'localStorage', message: 'Browser-only: use an adapter.' },
        { name: 'location', message: 'Browser-only: use an adapter.' },
      ],
    },
  },
  {
    files: ['src/runtime/clock.ts', 'src/runtime/random.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
