/**
 * Sync source: a local clone. Reads the head of `main` and the first-parent history of
 * the tracked files with three git processes (`log`, `ls-tree`, `cat-file --batch`),
 * whatever the size of the history, at no API cost.
 */
import { existsSync } from 'node:fs';
import { DAY_RANGE, FIRST_DAY, LAST_DAY } from '../../src/domain/days/day.ts';
import { InputError } from '../../src/domain/parse/errors.ts';
import { SCOPE_FILE_PATTERN } from '../../src/domain/scopes/scope-parse.ts';
import { Timestamp } from '../../src/domain/schemas/data.ts';
import {
  TRACKED_PATH,
  type UpstreamChange,
  type UpstreamCommit,
  type UpstreamSnapshot,
} from '../../src/domain/upstream/upstream.ts';
import { git, GitError, readBlobs } from './git.ts';
import { objectInfo, unreadable } from './git-objects.ts';

/** Mode of a gitlink (a submodule's commit recorded in the tree): no file the sync could read. */
const GITLINK = '160000';
export const PATHSPEC = [':(glob)Tests/scs-compatible*.yaml', ':(glob)Tests/scs-compatible*.yml', 'Standards/'];
const ZERO = /^0+$/;

async function resolveBranch(repo: string, branch: string): Promise<string> {
  for (const ref of [`refs/heads/${branch}`, `refs/remotes/origin/${branch}`]) {
    try {
      return (await git(repo, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).toString('utf8').trim();
    } catch {
      // try the next candidate
    }
  }
  throw new GitError(
    `${repo}: no branch "${branch}" (looked for refs/heads/${branch} and refs/remotes/origin/${branch})`,
  );
}

interface RawCommit {
  sha: string;
  committedAt: string;
  message: string;
  changes: {
    status: UpstreamChange['status'];
    path: string;
    oldPath: string | null;
    blob: string | null;
    gitlink: boolean;
  }[];
}

/** Parse `git log -z --raw` output written with the format `\x01%H\x02%cI\x02%B\x03`. */
function parseLog(out: string): RawCommit[] {
  const commits: RawCommit[] = [];
  for (const chunk of out.split('\x01').slice(1)) {
    const end = chunk.indexOf('\x03');
    const [sha, committedAt, message] = chunk.slice(0, end).split('\x02') as [string, string, string];
    const tokens = chunk
      .slice(end + 1)
      .replace(/^\0?\n?/, '')
      .split('\0');
    const changes: RawCommit['changes'] = [];
    for (let i = 0; i < tokens.length; i++) {
      const meta = tokens[i]!;
      if (!meta.startsWith(':')) continue;
      const fields = meta.slice(1).split(' ');
      const newBlob = fields[3]!;
      const letter = fields[4]![0]!;
      const gitlink = fields[1] === GITLINK;
      if (letter === 'R' || letter === 'C') {
        const oldPath = tokens[++i]!;
        const path = tokens[++i]!;
        changes.push({
          status: letter === 'R' ? 'R' : 'A',
          path,
          oldPath: letter === 'R' ? oldPath : null,
          blob: newBlob,
          gitlink,
        });
      } else {
        const path = tokens[++i]!;
        const status = letter === 'A' || letter === 'D' ? letter : 'M';
        changes.push({
          status,
          path,
          oldPath: null,
          blob: status === 'D' || ZERO.test(newBlob) ? null : newBlob,
          gitlink: gitlink && status !== 'D',
        });
      }
    }
    commits.push({
      sha,
      committedAt,
      message: message.replace(/\s+$/, ''),
      changes: changes.filter((c) => TRACKED_PATH.test(c.path)),
    });
  }
  return commits;
}

const SUBMODULE = 'a submodule (gitlink), not a file';

/**
 * A shallow clone (`git clone --depth 1`, the default of actions/checkout) has cut its
 * history off: read as if it were whole, it would give one revision per scope and no past.
 */
async function refuseShallow(repo: string): Promise<void> {
  if ((await git(repo, ['rev-parse', '--is-shallow-repository'])).toString('utf8').trim() !== 'true') return;
  throw new GitError(
    `${repo} is a shallow clone: its history is cut off, and the sync needs all of it (every revision of the timelines and documents). Fetch the rest first: git -C ${repo} fetch --unshallow (with actions/checkout: fetch-depth: 0)`,
  );
}

const isTimestampInRange = (t: string) => Timestamp.safeParse(t).success;

/**
 * Commits whose committer date the data cannot hold (year 10000, or before 1970) are left
 * out of the history, each named in a warning, so that one odd commit does not fail every
 * later sync; their files are read again at the next commit that changes them.
 */
function dated(commits: RawCommit[], warnings: string[]): RawCommit[] {
  return commits.filter((c) => {
    if (isTimestampInRange(c.committedAt)) return true;
    warnings.push(
      `commit ${c.sha} has the committer date ${JSON.stringify(c.committedAt)}; expected ${DAY_RANGE}: its changes to ${c.changes.map((ch) => ch.path).join(', ')} are left out of the history`,
    );
    return false;
  });
}

/** Any revision (`main~3`, a commit id, `refs/pull/835/head`) as the commit it names. */
export async function resolveRev(repo: string, rev: string): Promise<string> {
  try {
    return (await git(repo, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]))
      .toString('utf8')
      .trim();
  } catch {
    throw new GitError(`${repo}: no commit "${rev}" (git rev-parse found none)`);
  }
}

/**
 * The commit each revision names, or null where the clone has none: one `git cat-file` for
 * all of them (the open pull requests' heads), not one process each.
 */
export async function resolveCommits(repo: string, revs: readonly string[]): Promise<Map<string, string | null>> {
  const info = await objectInfo(
    repo,
    revs.map((rev) => `${rev}^{commit}`),
  );
  return new Map(revs.map((rev) => [rev, info.get(`${rev}^{commit}`)?.id ?? null]));
}

/**
 * `rev`: read the history up to that revision instead of the branch's head (the review of a
 * change reads its base so); `branch` is then only the name the snapshot carries.
 */
export async function readGitSnapshot(
  repo: string,
  options: { branch?: string; repoName?: string; rev?: string } = {},
): Promise<UpstreamSnapshot> {
  if (!existsSync(repo))
    throw new GitError(`${repo}: no such directory (expected a clone of the standards repository)`);
  const branch = options.branch ?? 'main';
  const head = options.rev === undefined ? await resolveBranch(repo, branch) : await resolveRev(repo, options.rev);
  await refuseShallow(repo);
  const [headDate, tree, log] = await Promise.all([
    git(repo, ['show', '-s', '--format=%cI', head]),
    git(repo, ['ls-tree', '-r', '-z', head, '--', 'Tests', 'Standards']),
    git(repo, [
      'log',
      '--first-parent',
      '--reverse',
      '-M',
      '--raw',
      '--no-abbrev',
      '-z',
      '--format=%x01%H%x02%cI%x02%B%x03',
      head,
      '--',
      ...PATHSPEC,
    ]),
  ]);
  const committedAt = headDate.toString('utf8').trim();
  if (!isTimestampInRange(committedAt)) {
    throw new GitError(
      `${repo}: the head commit ${head} of ${branch} has the committer date ${JSON.stringify(committedAt)}; expected a day from ${FIRST_DAY} to ${LAST_DAY} (the data's date is taken from it)`,
    );
  }
  const warnings: string[] = [];
  const headFiles = tree
    .toString('utf8')
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta, path] = line.split('\t') as [string, string];
      return { blob: meta.split(' ')[2]!, type: meta.split(' ')[1], path };
    })
    .filter((f) => TRACKED_PATH.test(f.path));
  const raw = dated(parseLog(log.toString('utf8')), warnings);
  const ids = new Set<string>(headFiles.filter((f) => f.type === 'blob').map((f) => f.blob));
  for (const c of raw) for (const ch of c.changes) if (ch.blob && !ch.gitlink) ids.add(ch.blob);
  const info = await objectInfo(repo, [...ids]);
  const readable = [...ids].filter((id) => unreadable(info.get(id)) === null);
  const blobs = await readBlobs(repo, readable);
  const files = new Map<string, Uint8Array>();
  for (const f of headFiles) {
    const why = f.type === 'blob' ? unreadable(info.get(f.blob)) : SUBMODULE;
    if (why === null) files.set(f.path, blobs.get(f.blob)!);
    else if (SCOPE_FILE_PATTERN.test(f.path))
      throw new InputError([
        {
          file: f.path,
          key: '',
          value: null,
          expected: `at the head (${head.slice(0, 7)}): ${why}; expected a scope file the sync can read`,
        },
      ]);
    else warnings.push(`${f.path} at ${head.slice(0, 7)} (head): skipped: ${why}`);
  }
  const commits: UpstreamCommit[] = raw
    .map((c) => ({
      sha: c.sha,
      committedAt: c.committedAt,
      message: c.message,
      changes: c.changes.flatMap((ch) => {
        const why = ch.gitlink ? SUBMODULE : ch.blob ? unreadable(info.get(ch.blob)) : null;
        if (why !== null) {
          warnings.push(`${ch.path} at ${c.sha.slice(0, 7)}: this change is skipped: ${why}`);
          return [];
        }
        return [
          { status: ch.status, path: ch.path, oldPath: ch.oldPath, content: ch.blob ? blobs.get(ch.blob)! : null },
        ];
      }),
    }))
    .filter((c) => c.changes.length > 0);
  return {
    repo: options.repoName ?? 'SovereignCloudStack/standards',
    branch,
    head: { sha: head, committedAt },
    files,
    commits,
    warnings,
  };
}
