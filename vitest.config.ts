import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    // Builds and the browser are heavy on a 2-core machine: one test file at a time.
    fileParallelism: false,
  },
});
