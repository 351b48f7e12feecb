/**
 * The e2e site is built once with a fixed "today" (tests/support/astro-build.ts), so every
 * e2e test sees the same pages whatever the date it runs on.
 */
export { PROJECT_DIR } from '../../support/astro-build.ts';

/** The day the e2e site is built for: IaaS v4 is effective until 2025-02-01, then `warn`. */
export const E2E_TODAY = '2025-01-15';
