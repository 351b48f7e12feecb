import { configDefaults, defineConfig } from 'vitest/config';

// Two projects: `unit` (domain, sync, CLI) and `e2e` (the built site in Chromium), whose
// global setup builds the site once and serves it on 127.0.0.1.
export default defineConfig({
  test: {
    testTimeout: 30_000,
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
          testTimeout: 60_000,
        },
      },
    ],
  },
});
