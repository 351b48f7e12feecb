/**
 * A proposed change read from a clone: what merging `head` into `base` does to the files the
 * sync reads (scope files, standard documents), as one change set with the contents after
 * it. The merge is git's own (`git merge-tree`, nothing written to the clone's refs or work
 * tree), so a pull request forked from an older `main` changes only what it changed; one
 * whose scope files or documents do not merge cleanly names them and changes nothing.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { TRACKED_PATH, type UpstreamChange } from '../../src/domain/upstream/upstream.ts';
import { git, GitError, readBlobs } from './git.ts';
import { PATHSPEC, resolveRev } from './git-source.ts';

export interface GitChange {
  base: string;
  head: string;
  /** The head commit's subject line. */
  subject: string;
  changes: UpstreamChange[];
  /** Files that do not merge cleanly (then `changes` is empty). */
  conflicts: string[];
  /** Files the sync does not read that do not merge cleanly either (test code): the change as a whole does not merge. */
  otherConflicts: string[];
}

/**
 * `git merge-tree --write-tree`: the merged tree and the files that conflict (exit code 1;
 * the tree then holds them with conflict markers, every other file merged).
 */
async function mergeTree(repo: string, base: string, head: string): Promise<{ tree: string; conflicts: string[] }> {
  try {
    const { stdout } = await promisify(execFile)('git', [
      '-C',
      repo,
      '-c',
      'core.quotePath=false',
      'merge-tree',
      '--write-tree',
      '--name-only',
      '--no-messages',
      base,
      head,
    ]);
    return { tree: stdout.split('\n')[0]!.trim(), conflicts: [] };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    if (e.code !== 1 || typeof e.stdout !== 'string')
      throw new GitError(`git merge-tree in ${repo} failed: ${e.stderr?.trim() || String(error)}`);
    const lines = e.stdout.split('\n');
    return { tree: lines[0]!.trim(), conflicts: [...new Set(lines.slice(1).filter(Boolean))] };
  }
}

export async function readGitChange(repo: string, baseRev: string, headRev: string): Promise<GitChange> {
  const [base, head] = await Promise.all([resolveRev(repo, baseRev), resolveRev(repo, headRev)]);
  const [merged, subjectOut] = await Promise.all([
    mergeTree(repo, base, head),
    git(repo, ['show', '-s', '--format=%s', head]),
  ]);
  const subject = subjectOut.toString('utf8').trim();
  // Only the files the sync reads matter: a conflict in test code says nothing of the scopes.
  const conflicts = merged.conflicts.filter((p) => TRACKED_PATH.test(p)).sort();
  const otherConflicts = merged.conflicts.filter((p) => !TRACKED_PATH.test(p)).sort();
  if (conflicts.length > 0) return { base, head, subject, changes: [], conflicts, otherConflicts };
  const raw = await git(repo, ['diff', '--raw', '-z', '-M', '--no-abbrev', base, merged.tree, '--', ...PATHSPEC]);
  const tokens = raw.toString('utf8').split('\0');
  const found: { status: UpstreamChange['status']; path: string; oldPath: string | null; blob: string | null }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const meta = tokens[i]!;
    if (!meta.startsWith(':')) continue;
    const fields = meta.slice(1).split(' ');
    const letter = fields[4]![0]!;
    if (letter === 'R') {
      const oldPath = tokens[++i]!;
      found.push({ status: 'R', oldPath, path: tokens[++i]!, blob: fields[3]! });
    } else {
      const path = tokens[++i]!;
      const status = letter === 'A' || letter === 'D' ? letter : 'M';
      found.push({ status, path, oldPath: null, blob: status === 'D' ? null : fields[3]! });
    }
  }
  const tracked = found.filter(
    (c) => TRACKED_PATH.test(c.path) || (c.oldPath !== null && TRACKED_PATH.test(c.oldPath)),
  );
  const blobs = await readBlobs(
    repo,
    tracked.flatMap((c) => (c.blob ? [c.blob] : [])),
  );
  return {
    base,
    head,
    subject,
    conflicts: [],
    otherConflicts,
    changes: tracked.map((c) => ({
      status: c.status,
      path: c.path,
      oldPath: c.oldPath,
      content: c.blob ? blobs.get(c.blob)! : null,
    })),
  };
}
