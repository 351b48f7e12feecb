/**
 * The e2e site is built once with a fixed "today" (tests/support/astro-build.ts), so every
 * e2e test sees the same pages whatever the date it runs on.
 */
export { PROJECT_DIR } from '../../support/astro-build.ts';

/** The day the e2e site is built for: IaaS v4 is effective until 2025-02-01, then `warn`. */
export const E2E_TODAY = '2025-01-15';

/** The day the data-end site is built for: past the pull-request data's end (2026-08-21), nothing announced. */
export const DATA_END_TODAY = '2026-12-01';
/** When that site's data was last checked against upstream, as the deploy workflow hands it over: three days before. */
export const DATA_END_CHECKED = '2026-11-28T06:17:00Z';
