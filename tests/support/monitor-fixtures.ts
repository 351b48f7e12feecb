/**
 * The compliance monitor's recorded answers in ../shared/fixtures/compliance-monitor/ and
 * the monitor's own code in the snapshot (`standards.bundle`). Tests that need them are
 * skipped, saying so, when ../shared is absent; under CI=true they are required.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FIXTURE_DIR, HAVE_SNAPSHOT, snapshotClone } from './snapshot.ts';

export const MONITOR_FIXTURES = resolve(FIXTURE_DIR, '../compliance-monitor');
export const HAVE_MONITOR_FIXTURES = existsSync(join(MONITOR_FIXTURES, 'status.json'));
export { HAVE_SNAPSHOT, snapshotClone };

if (process.env.CI === 'true' && (!HAVE_MONITOR_FIXTURES || !HAVE_SNAPSHOT)) {
  throw new Error(
    `CI=true but ${MONITOR_FIXTURES} or the snapshot in ${FIXTURE_DIR} is missing (../shared beside the project)`,
  );
}
if (!HAVE_MONITOR_FIXTURES && !process.env.SCS_MONITOR_NOTICE_SHOWN) {
  process.env.SCS_MONITOR_NOTICE_SHOWN = '1';
  console.warn(
    `SKIPPED: compliance-monitor tests need ${MONITOR_FIXTURES} (../shared beside the project); they are skipped.`,
  );
}

/** The bytes of a recorded answer. */
export function recorded(name: string): Buffer {
  return readFileSync(join(MONITOR_FIXTURES, name));
}

/**
 * What `scs-timeline subject group-acme --on 2025-08-01` says, the same whether the data came
 * from the recorded answers (tests/cli/) or from the real monitor (tests/monitor/): overdue
 * with its member acme-old, whose IaaS v4 has been deprecated since 2025-07-01.
 */
export const GROUP_ACME_ON_2025_08_01 = [
  ') on 2025-08-01: overdue\n',
  '  IaaS: worst member acme-old: relies on IaaS v4 (tentative: 1 testcase missing: scs-0104-image-ubuntu-2204);',
  '; for the group: re-test by 2026-12-13 (acme-old); v4 deprecated since 2025-07-01, so overdue (acme-old)\n',
];
