/**
 * What a sync source (a local clone, or GitHub's API) delivers: the files at the head of
 * `main` and the first-parent history of the files this project reads. Both sources fill
 * this same shape, so one pure function (`assemble.ts`) turns either into `data/`.
 */
import { dayOfTimestamp, type Day } from '../days/day.ts';

/** Paths the sync reads: certificate scopes (scs-0003-v1) and standard documents (scs-0001-v1). */
export const TRACKED_PATH = /^(Tests\/scs-compatible[^/]*\.ya?ml|Standards\/scs-[^/]*\.md)$/;

export interface UpstreamChange {
  /** Path after the commit. */
  path: string;
  /** A = added, M = modified, D = deleted, R = renamed from `oldPath`. */
  status: 'A' | 'M' | 'D' | 'R';
  oldPath: string | null;
  /** Content after the commit; null when deleted. */
  content: Uint8Array | null;
}

export interface UpstreamCommit {
  sha: string;
  /** Committer date, ISO 8601 with the committer's offset. */
  committedAt: string;
  /** The whole commit message. */
  message: string;
  /** Changes to tracked paths only. */
  changes: UpstreamChange[];
}

export interface UpstreamSnapshot {
  repo: string;
  branch: string;
  head: { sha: string; committedAt: string };
  /** Content of every tracked path at the head commit. */
  files: Map<string, Uint8Array>;
  /** First-parent history of commits that touch tracked paths, oldest first. */
  commits: UpstreamCommit[];
  /** What the source could not read and left out (a submodule, a missing object), each naming path and commit. */
  warnings?: string[];
}

/** Pull-request number and title from a commit message (squash `Title (#N)` or `Merge pull request #N`). */
export function pullRequestOfMessage(message: string): { pr: number | null; title: string } {
  const lines = message.split(/\r?\n/);
  const subject = (lines[0] ?? '').trim();
  const merge = /^Merge pull request #(\d+) from \S+/.exec(subject);
  if (merge) {
    const body = lines
      .slice(1)
      .map((l) => l.trim())
      .find((l) => l !== '');
    return { pr: Number(merge[1]), title: body ?? subject };
  }
  const squash = /^(.*?)\s*\(#(\d+)\)\s*$/.exec(subject);
  if (squash) return { pr: Number(squash[2]), title: squash[1]!.trim() };
  return { pr: null, title: subject };
}

/** Who made a commit's change, as its message names the pull request: commit, landing day, PR, title. */
export function commitProvenance(commit: UpstreamCommit): {
  commit: string;
  date: Day;
  pr: number | null;
  title: string;
} {
  const { pr, title } = pullRequestOfMessage(commit.message);
  return { commit: commit.sha, date: dayOfTimestamp(commit.committedAt), pr, title };
}
