import { configDefaults, defineConfig } from 'vitest/config';

// Two projects: `unit` (domain, sync, CLI) and `e2e` (the built site in Chromium), whose
// global setup builds the site once and serves it on 127.0.0.1.
// Timeouts are generous: they catch a hang, not slowness. A test that measures speed belongs
// in `npm run bench`, and a loaded machine (a parallel build, two cores) must not fail a test.
export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 180_000,
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: [...configDefaults.exclude, 'tests/e2e/**'] },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 240_000,
        },
      },
    ],
  },
});
