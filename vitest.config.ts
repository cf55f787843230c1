import { defineConfig } from 'vitest/config';

// Two projects. `unit`: pure logic and in-process commands, files in parallel, no builds, no browser.
// `site`: builds, spawned commands, nginx and Chromium; the two sites of tests/global-setup.ts are
// built only when a site test runs. Put a new test in the folder of the kind it is.
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          testTimeout: 60_000,
          // Files share a worker's loaded modules (zod schemas, registries, Pagefind's API): importing
          // them anew for every file cost about 40 % of this project's CPU time. No unit test changes
          // globals, the environment or the working folder, or mocks a module.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts'],
          globalSetup: ['tests/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 600_000,
          // Builds and Chromium are heavy on a 2-core machine: one site file at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
