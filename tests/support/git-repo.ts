/**
 * Throwaway git repositories built with the git command line, commit by commit, with the
 * author and committer dates a test gives (offsets included), branches and real `--no-ff`
 * merges: what the sync reads from a clone of upstream.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface CommitOptions {
  /** Committer date (the day the sync records), ISO 8601 with offset. */
  date: string;
  /** Author date; defaults to the committer date. */
  authorDate?: string;
}

export interface GitRepo {
  dir: string;
  /** Write files (string or bytes); null deletes. */
  write(files: Record<string, string | Uint8Array | null>): void;
  /** `git mv`. */
  move(from: string, to: string): void;
  /** Write `files` (as `write`), stage everything and commit; returns the commit id. */
  commit(message: string, options: CommitOptions, files?: Record<string, string | Uint8Array | null>): string;
  /** Create and switch to a branch, or switch to an existing one. */
  checkout(branch: string, create?: boolean): void;
  /** A real merge commit (`--no-ff`) of `branch` into the current branch; returns its id. */
  merge(branch: string, message: string, options: CommitOptions): string;
  git(...args: string[]): string;
}

const IDENTITY = [
  '-c',
  'user.name=Test Author',
  '-c',
  'user.email=author@example.invalid',
  '-c',
  'commit.gpgsign=false',
  '-c',
  'core.autocrlf=false',
];

/** A new repository with an empty `main`, or a clone of `from` (to add commits to a copy). */
export function gitRepo(prefix = 'repo', from?: string): GitRepo {
  const dir = join(mkdtempSync(join(tmpdir(), `scs-${prefix}-`)), 'standards');
  if (from) execFileSync('git', ['clone', '-q', from, dir]);
  else mkdirSync(dir);
  const run = (args: string[], env: Record<string, string> = {}) =>
    execFileSync('git', [...IDENTITY, ...args], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, ...env, GIT_CONFIG_NOSYSTEM: '1' },
    });
  const dates = (o: CommitOptions) => ({ GIT_AUTHOR_DATE: o.authorDate ?? o.date, GIT_COMMITTER_DATE: o.date });
  if (!from) run(['init', '-q', '-b', 'main']);
  return {
    dir,
    write(files) {
      for (const [path, content] of Object.entries(files)) {
        const full = join(dir, path);
        if (content === null) {
          rmSync(full, { force: true });
          continue;
        }
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, content);
      }
    },
    move(from, to) {
      mkdirSync(dirname(join(dir, to)), { recursive: true });
      run(['mv', from, to]);
    },
    commit(message, options, files = {}) {
      this.write(files);
      run(['add', '-A']);
      run(['commit', '-q', '--allow-empty', '-m', message], dates(options));
      return run(['rev-parse', 'HEAD']).trim();
    },
    checkout(branch, create = false) {
      run(create ? ['checkout', '-q', '-b', branch] : ['checkout', '-q', branch]);
    },
    merge(branch, message, options) {
      run(['merge', '-q', '--no-ff', '-m', message, branch], dates(options));
      return run(['rev-parse', 'HEAD']).trim();
    },
    git: (...args) => run(args),
  };
}
