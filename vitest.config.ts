import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Site files that change the checkout itself while they run, so that every other file's check or build
 * would see it: hostile-check links a file of public/ out of the project. They run after all the others,
 * one at a time.
 */
const ALONE = ['tests/site/hostile-check.test.ts'];

// Two kinds of test. `unit`: pure logic and in-process commands, no builds, no browser. `site`: builds,
// spawned commands, nginx and Chromium; the two sites of tests/global-setup.ts are built only when a
// site test runs (`site-alone`: the site files of ALONE). Put a new test in the folder of the kind it is.
export default defineConfig({
  test: {
    // Two files at a time, unit and site alike (Vitest's default is one fewer than the cores: one
    // here). Builds run side by side: each has its own cache folder and so its own Astro root
    // (src/io/astro-root.ts). Vitest starts the files that took longest last time first.
    pool: 'forks',
    maxWorkers: 2,
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
          exclude: [...configDefaults.exclude, ...ALONE],
          // As in unit: files share a worker's loaded modules (the helpers, playwright-core, the schemas).
          // No site test changes globals, process.env or the working folder, or mocks a module.
          isolate: false,
          globalSetup: ['tests/global-setup.ts'],
          // Builds and Chromium beside another file's: minutes on a loaded machine.
          testTimeout: 300_000,
          hookTimeout: 600_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'site-alone',
          include: ALONE,
          testTimeout: 300_000,
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
