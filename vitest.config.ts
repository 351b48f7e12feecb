import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

// Two projects: `unit` (domain, sync, CLI; `npm run test:unit`) and `site`: the built site,
// its files (tests/site/) and in Chromium (tests/e2e/), and the sync test that builds the site
// from its own inputs (BUILDS). The site project's global setup builds the site once per
// distinct dataset and serves it on 127.0.0.1.
// Timeouts are generous: they catch a hang, not slowness. A test that measures speed belongs
// in `npm run bench`, and a loaded machine (a parallel build, two cores) must not fail a test.

// Node's module compile cache for the workers and every process a test starts (the CLI, the
// sync, astro build): a warm start takes about half the CPU. The directory `npm run sync` uses.
process.env.NODE_COMPILE_CACHE ??= fileURLToPath(new URL('./node_modules/.cache/node-compile-cache', import.meta.url));

// Workers: half again as many as cores. Vitest's default here is one per core less one, which
// on two cores runs every file one after another, while most tests wait on a child process
// (git, the sync, a site build, Chromium, a calendar client) and leave the cores idle.
/** Tests outside tests/site/ and tests/e2e/ that run a site build of their own. */
const BUILDS = ['tests/sync/three-inputs.test.ts'];

export default defineConfig({
  test: {
    maxWorkers: '150%',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    reporters: ['default', './tests/support/summary-reporter.ts'],
    // Each test file's throwaway files in a directory of its own, removed after the file.
    setupFiles: ['tests/support/temp-root.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'tests/e2e/**', 'tests/site/**', ...BUILDS],
        },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts', 'tests/e2e/**/*.test.ts', ...BUILDS],
          globalSetup: ['tests/site/global-setup.ts'],
          testTimeout: 240_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
