/** Site-wide names, in one place (upstream addresses: src/domain/links/). */
export const SITE_TITLE = 'SCS Standards Timeline';
export const SITE_DESCRIPTION =
  'What is due, and when, in Sovereign Cloud Stack certification: scope timelines, standards lifecycle, deadlines.';
/** Upstream data older than this (relative to the build) earns a warning on every page, when the last check is not known. */
export const DATA_OUTDATED_AFTER_DAYS = 14;
/** A last successful check against upstream older than this earns "last checked N days ago" on every page. */
export const CHECK_OUTDATED_AFTER_DAYS = 2;
/** The SCS compliance monitor; each scope has a page there: `/page/scope/<uuid>`. */
export const COMPLIANCE_MONITOR_URL = 'https://compliance.sovereignit.cloud';
