/**
 * Where the real upstream snapshot lives (../shared/fixtures/scs-standards/ beside the project)
 * and how to clone it with the open pull requests' heads. The bench and the tests read it from
 * there; it is never copied into the project. A clone of the project alone has no ../shared,
 * so every caller checks `HAVE_SNAPSHOT` and says when it skips.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const FIXTURE_DIR = resolve(import.meta.dirname, '../../../shared/fixtures/scs-standards');
/** Upstream `main` with its whole history, plus `refs/pull/N/head` of the open pull requests. */
export const BUNDLE = join(FIXTURE_DIR, 'standards.bundle');
/** The pull-request export of the same day. */
export const PULLS = join(FIXTURE_DIR, 'pulls.json');
export const HAVE_SNAPSHOT = existsSync(BUNDLE) && existsSync(PULLS);

/** Clones the bundle into `dir` (which must not exist), with the open pull requests' heads as `refs/pull/N/head`. */
export function cloneSnapshot(dir: string): string {
  execFileSync('git', ['clone', '-q', BUNDLE, dir]);
  execFileSync('git', ['-C', dir, 'fetch', '-q', 'origin', '+refs/pull/*/head:refs/pull/*/head']);
  return dir;
}
