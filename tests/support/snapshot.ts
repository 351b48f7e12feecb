/**
 * The real upstream snapshot in ../shared/fixtures/scs-standards/, when it is beside the
 * project. Tests that need it call `snapshotOrSkip()` and are skipped, with a message
 * saying so, when it is absent (a clone of the project alone has no ../shared).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const FIXTURE_DIR = resolve(import.meta.dirname, '../../../shared/fixtures/scs-standards');
export const BUNDLE = join(FIXTURE_DIR, 'standards-data.bundle');
export const PULLS = join(FIXTURE_DIR, 'pulls.json');
export const HAVE_SNAPSHOT = existsSync(BUNDLE);

if (!HAVE_SNAPSHOT && !process.env.SCS_SNAPSHOT_NOTICE_SHOWN) {
  process.env.SCS_SNAPSHOT_NOTICE_SHOWN = '1';
  console.warn(`SKIPPED: snapshot tests need ${BUNDLE} (../shared beside the project); they are skipped.`);
}

let clone: string | null = null;

/** A fresh clone of the snapshot bundle (made once per test process). */
export function snapshotClone(): string {
  if (clone) return clone;
  const dir = join(mkdtempSync(join(tmpdir(), 'scs-snapshot-')), 'standards');
  execFileSync('git', ['clone', '-q', BUNDLE, dir]);
  clone = dir;
  return dir;
}
