/**
 * Sync source: a local clone. Reads the head of `main` and the first-parent history of
 * the tracked files with three git processes (`log`, `ls-tree`, `cat-file --batch`),
 * whatever the size of the history, at no API cost.
 */
import { existsSync } from 'node:fs';
import { TRACKED_PATH, type UpstreamChange, type UpstreamCommit, type UpstreamSnapshot } from '../../src/domain/upstream.ts';
import { git, GitError, readBlobs } from './git.ts';

const PATHSPEC = [':(glob)Tests/scs-compatible*.yaml', ':(glob)Tests/scs-compatible*.yml', 'Standards/'];
const ZERO = /^0+$/;

async function resolveBranch(repo: string, branch: string): Promise<string> {
  for (const ref of [`refs/heads/${branch}`, `refs/remotes/origin/${branch}`]) {
    try {
      return (await git(repo, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).toString('utf8').trim();
    } catch {
      // try the next candidate
    }
  }
  throw new GitError(`${repo}: no branch "${branch}" (looked for refs/heads/${branch} and refs/remotes/origin/${branch})`);
}

interface RawCommit {
  sha: string;
  committedAt: string;
  message: string;
  changes: { status: UpstreamChange['status']; path: string; oldPath: string | null; blob: string | null }[];
}

/** Parse `git log -z --raw` output written with the format `\x01%H\x02%cI\x02%B\x03`. */
function parseLog(out: string): RawCommit[] {
  const commits: RawCommit[] = [];
  for (const chunk of out.split('\x01').slice(1)) {
    const end = chunk.indexOf('\x03');
    const [sha, committedAt, message] = chunk.slice(0, end).split('\x02') as [string, string, string];
    const tokens = chunk.slice(end + 1).replace(/^\0?\n?/, '').split('\0');
    const changes: RawCommit['changes'] = [];
    for (let i = 0; i < tokens.length; i++) {
      const meta = tokens[i]!;
      if (!meta.startsWith(':')) continue;
      const fields = meta.slice(1).split(' ');
      const newBlob = fields[3]!;
      const letter = fields[4]![0]!;
      if (letter === 'R' || letter === 'C') {
        const oldPath = tokens[++i]!;
        const path = tokens[++i]!;
        changes.push({ status: letter === 'R' ? 'R' : 'A', path, oldPath: letter === 'R' ? oldPath : null, blob: newBlob });
      } else {
        const path = tokens[++i]!;
        const status = letter === 'A' || letter === 'D' ? letter : 'M';
        changes.push({ status, path, oldPath: null, blob: status === 'D' || ZERO.test(newBlob) ? null : newBlob });
      }
    }
    commits.push({ sha, committedAt, message: message.replace(/\s+$/, ''), changes: changes.filter((c) => TRACKED_PATH.test(c.path)) });
  }
  return commits;
}

export async function readGitSnapshot(repo: string, options: { branch?: string; repoName?: string } = {}): Promise<UpstreamSnapshot> {
  if (!existsSync(repo)) throw new GitError(`${repo}: no such directory (expected a clone of the standards repository)`);
  const branch = options.branch ?? 'main';
  const head = await resolveBranch(repo, branch);
  const [headDate, tree, log] = await Promise.all([
    git(repo, ['show', '-s', '--format=%cI', head]),
    git(repo, ['ls-tree', '-r', '-z', head, '--', 'Tests', 'Standards']),
    git(repo, ['log', '--first-parent', '--reverse', '-M', '--raw', '--no-abbrev', '-z', '--format=%x01%H%x02%cI%x02%B%x03', head, '--', ...PATHSPEC]),
  ]);
  const headFiles = tree
    .toString('utf8')
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta, path] = line.split('\t') as [string, string];
      return { blob: meta.split(' ')[2]!, type: meta.split(' ')[1], path };
    })
    .filter((f) => f.type === 'blob' && TRACKED_PATH.test(f.path));
  const raw = parseLog(log.toString('utf8'));
  const ids = new Set<string>(headFiles.map((f) => f.blob));
  for (const c of raw) for (const ch of c.changes) if (ch.blob) ids.add(ch.blob);
  const blobs = await readBlobs(repo, [...ids]);
  const commits: UpstreamCommit[] = raw
    .filter((c) => c.changes.length > 0)
    .map((c) => ({
      sha: c.sha,
      committedAt: c.committedAt,
      message: c.message,
      changes: c.changes.map((ch) => ({ status: ch.status, path: ch.path, oldPath: ch.oldPath, content: ch.blob ? blobs.get(ch.blob)! : null })),
    }));
  return {
    repo: options.repoName ?? 'SovereignCloudStack/standards',
    branch,
    head: { sha: head, committedAt: headDate.toString('utf8').trim() },
    files: new Map(headFiles.map((f) => [f.path, blobs.get(f.blob)!])),
    commits,
  };
}
