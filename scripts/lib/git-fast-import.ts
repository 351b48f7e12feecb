/**
 * Writes a git repository from a list of commits with one `git fast-import` process.
 * Used to build upstream-shaped repositories for tests and for the growth benchmark
 * (thousands of commits in seconds, where one `git commit` per commit would take minutes).
 * Commit dates are given exactly, so the repositories are deterministic.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface ImportCommit {
  message: string;
  /** ISO 8601 timestamp with offset, `2024-11-26T00:12:00+01:00`: committer and author date. */
  date: string;
  author?: { name: string; email: string };
  /** Path → new content; null deletes the path. */
  files?: Record<string, string | Uint8Array | null>;
  /** Renames, applied before `files`. */
  renames?: { from: string; to: string }[];
}

/** `2024-11-26T00:12:00+01:00` → `1732576320 +0100`, git's raw date format. */
export function rawGitDate(iso: string): string {
  const m = /([+-])(\d{2}):?(\d{2})$|Z$/.exec(iso);
  if (!m) throw new RangeError(`date ${JSON.stringify(iso)} has no offset; expected e.g. 2024-11-26T00:12:00+01:00`);
  const seconds = Math.floor(Date.parse(iso) / 1000);
  if (Number.isNaN(seconds)) throw new RangeError(`not an ISO 8601 timestamp: ${JSON.stringify(iso)}`);
  const offset = m[1] ? `${m[1]}${m[2]}${m[3]}` : '+0000';
  return `${seconds} ${offset}`;
}

/** fast-import's C-style path quoting. */
function quote(path: string): string {
  return `"${path.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, '\\n')}"`;
}

function data(chunks: Buffer[], content: string | Uint8Array): void {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  chunks.push(Buffer.from(`data ${bytes.length}\n`), bytes, Buffer.from('\n'));
}

/** The fast-import stream for commits on `refs/heads/<branch>`, each on top of the previous one. */
export function fastImportStream(
  commits: readonly ImportCommit[],
  branch = 'main',
  parent: string | null = null,
): Buffer {
  const chunks: Buffer[] = [];
  for (const [i, c] of commits.entries()) {
    const who = c.author ?? { name: 'SCS Bot', email: 'bot@example.invalid' };
    const date = rawGitDate(c.date);
    chunks.push(
      Buffer.from(
        `commit refs/heads/${branch}\nauthor ${who.name} <${who.email}> ${date}\ncommitter ${who.name} <${who.email}> ${date}\n`,
      ),
    );
    data(chunks, c.message);
    // Continue an existing branch: fast-import only knows the branches it wrote itself.
    if (i === 0 && parent) chunks.push(Buffer.from(`from ${parent}\n`));
    for (const r of c.renames ?? []) chunks.push(Buffer.from(`R ${quote(r.from)} ${quote(r.to)}\n`));
    for (const [path, content] of Object.entries(c.files ?? {})) {
      if (content === null) chunks.push(Buffer.from(`D ${quote(path)}\n`));
      else {
        chunks.push(Buffer.from(`M 100644 inline ${quote(path)}\n`));
        data(chunks, content);
      }
    }
    chunks.push(Buffer.from('\n'));
  }
  return Buffer.concat(chunks);
}

/** Feed a stream (from `fastImportStream`, possibly several concatenated) to `git fast-import` in an existing repository. */
export async function runFastImport(dir: string, stream: Buffer): Promise<void> {
  const child = spawn('git', ['-C', dir, '-c', 'core.bigFileThreshold=1m', 'fast-import', '--quiet', '--done'], {
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  const errors: Buffer[] = [];
  child.stderr.on('data', (c: Buffer) => errors.push(c));
  const done = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  child.stdin.end(Buffer.concat([stream, Buffer.from('done\n')]));
  const code = await done;
  if (code !== 0) throw new Error(`git fast-import in ${dir} failed: ${Buffer.concat(errors).toString('utf8').trim()}`);
}

export interface ImportOptions {
  /** The branch to write; `main` by default. */
  branch?: string;
  /** Where a new branch starts (a ref or commit id); an existing branch continues from its tip. */
  from?: string;
  /** Check the branch out into the working tree (default true for `main`). */
  checkout?: boolean;
}

/** Append commits to a branch of the repository in `dir` (created when missing). */
export async function fastImport(
  dir: string,
  commits: readonly ImportCommit[],
  options: ImportOptions = {},
): Promise<void> {
  const branch = options.branch ?? 'main';
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(dir, '.git'))) execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  let parent: string | null = options.from ?? null;
  try {
    parent = execFileSync('git', ['-C', dir, 'rev-parse', '--verify', '--quiet', `refs/heads/${branch}`], {
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .toString()
      .trim();
  } catch {
    // a new branch: starts at `from`, or as a root
  }
  await runFastImport(dir, fastImportStream(commits, branch, parent));
  if (options.checkout ?? branch === 'main') {
    execFileSync('git', ['-C', dir, 'symbolic-ref', 'HEAD', `refs/heads/${branch}`]);
    execFileSync('git', ['-C', dir, 'reset', '-q', '--hard', branch]);
  }
}
