import { defineConfig } from 'vitest/config';

// Real Chromium, driven by playwright-core, against the built package served on loopback.
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
