/**
 * The compliance monitor's recorded answers in ../shared/fixtures/compliance-monitor/ and
 * the monitor's own code in the snapshot (`standards.bundle`). Tests that need them are
 * skipped, saying so, when ../shared is absent; under CI=true they are required.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const MONITOR_FIXTURES = resolve(import.meta.dirname, '../../../shared/fixtures/compliance-monitor');
export const STANDARDS_BUNDLE = resolve(import.meta.dirname, '../../../shared/fixtures/scs-standards/standards.bundle');
export const HAVE_MONITOR_FIXTURES = existsSync(join(MONITOR_FIXTURES, 'status.json'));
export const HAVE_STANDARDS_BUNDLE = existsSync(STANDARDS_BUNDLE);

if (process.env.CI === 'true' && (!HAVE_MONITOR_FIXTURES || !HAVE_STANDARDS_BUNDLE)) {
  throw new Error(`CI=true but ${MONITOR_FIXTURES} or ${STANDARDS_BUNDLE} is missing (../shared beside the project)`);
}
if (!HAVE_MONITOR_FIXTURES && !process.env.SCS_MONITOR_NOTICE_SHOWN) {
  process.env.SCS_MONITOR_NOTICE_SHOWN = '1';
  console.warn(`SKIPPED: compliance-monitor tests need ${MONITOR_FIXTURES} (../shared beside the project); they are skipped.`);
}

/** The bytes of a recorded answer. */
export function recorded(name: string): Buffer {
  return readFileSync(join(MONITOR_FIXTURES, name));
}

let clone: string | null = null;

/** A clone of the snapshot (compliance-monitor/, Tests/), made once per test process. */
export function standardsClone(): string {
  if (clone) return clone;
  const dir = join(mkdtempSync(join(tmpdir(), 'scs-standards-')), 'standards');
  execFileSync('git', ['clone', '-q', STANDARDS_BUNDLE, dir]);
  clone = dir;
  return dir;
}
