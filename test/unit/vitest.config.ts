import { defineConfig } from 'vitest/config';

// Node suite: unit tests mirror src/, plus fuzz tests and repository checks.
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/unit/**/*.test.ts', 'test/fuzz/**/*.test.ts', 'test/repo/**/*.test.ts'],
  },
});
