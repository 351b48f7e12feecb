/**
 * The real upstream snapshot for tests. Tests that need it check
 * `HAVE_SNAPSHOT` and are skipped, with a message saying so, when it is absent (a clone of the
 * project alone has no ../shared).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUNDLE, cloneSnapshot, FIXTURE_DIR, HAVE_SNAPSHOT, PULLS } from '../../scripts/lib/snapshot.ts';

export { BUNDLE, FIXTURE_DIR, HAVE_SNAPSHOT, PULLS };

if (!HAVE_SNAPSHOT && !process.env.SCS_SNAPSHOT_NOTICE_SHOWN) {
  process.env.SCS_SNAPSHOT_NOTICE_SHOWN = '1';
  console.warn(`SKIPPED: snapshot tests need ${BUNDLE} (../shared beside the project); they are skipped.`);
}

let clone: string | null = null;

/** A fresh clone of the snapshot bundle with the open pull requests' heads (made once per test process). */
export function snapshotClone(): string {
  if (clone) return clone;
  clone = cloneSnapshot(join(mkdtempSync(join(tmpdir(), 'scs-snapshot-')), 'standards'));
  return clone;
}
