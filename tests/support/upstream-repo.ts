/**
 * Throwaway upstream repositories for tests: a small, valid standards repository (one
 * scope file in the scs-0003-v1 format, a few scs-0001-v1 documents) built with
 * `git fast-import`, to which a test adds the commit it wants to try, and a way to run
 * the real sync command on it (tests/support/files.ts compares `data/` before and after).
 */
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fastImport, fastImportStream, runFastImport, type ImportCommit } from '../../scripts/lib/git-fast-import.ts';
import { tempDir } from './files.ts';
import { documentMd, scopeYaml } from './upstream-files.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SCOPE_PATH = 'Tests/scs-compatible-iaas.yaml';

/** The history every fault case starts from: three squash-merged pull requests. */
export function baseCommits(): ImportCommit[] {
  return [
    {
      message: 'Add flavor naming and the IaaS scope (#10)',
      date: '2024-02-28T10:00:00+01:00',
      files: {
        'Standards/scs-0100-v3-flavor-naming.md': documentMd({
          title: 'SCS Flavor Naming Standard',
          status: 'Stable',
          stabilized_at: '2023-06-14',
        }),
        'Standards/scs-0001-v1-sovereign-cloud-standards.md': documentMd({
          title: 'Sovereign Cloud Standards',
          type: 'Procedural',
          status: 'Stable',
          stabilized_at: '2022-10-31',
          track: 'Global',
        }),
        [SCOPE_PATH]: scopeYaml({
          timeline: `  - date: 2024-11-08
    versions:
      v5: effective
      v4: effective
`,
        }),
      },
    },
    {
      message: 'Announce v4 warn on 2025-02-01 (#20)',
      date: '2024-12-02T16:30:00+01:00',
      files: { [SCOPE_PATH]: scopeYaml() },
    },
    {
      message: 'Draft a new image metadata standard (#30)',
      date: '2025-01-15T09:00:00+00:00',
      files: { 'Standards/scs-0102-v1-image-metadata.md': documentMd({ title: 'Image Metadata', status: 'Draft' }) },
    },
  ];
}

/** A new repository holding `commits` on `main`. */
export async function upstreamRepo(commits: readonly ImportCommit[]): Promise<string> {
  const dir = join(tempDir('upstream'), 'standards');
  await fastImport(dir, commits);
  return dir;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Run a project script on the project's Node, as a user would, without blocking this process
 * (a test server may live here). `env` is the child's whole environment.
 */
export function runScript(
  script: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<RunResult> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [join(ROOT, script), ...args],
      { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        done({ code, stdout: stdout.toString(), stderr: stderr.toString() });
      },
    );
  });
}

/** `scripts/sync.ts` with the given arguments (from git or from GitHub, as the arguments say). */
export function runSync(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<RunResult> {
  return runScript('scripts/sync.ts', args, env);
}

/** A sync of the git repository `repo` into `out`. */
export function syncGit(repo: string, out: string, extra: readonly string[] = []): Promise<RunResult> {
  return runSync(['--git', repo, '--out', out, ...extra]);
}

/**
 * One repository for many cases: `main` holds `base`, and each case is a branch of its own
 * commits on top of it (`--branch <name>` syncs it). One fast-import for all of them.
 */
export async function upstreamWithBranches(
  base: readonly ImportCommit[],
  branches: Record<string, readonly ImportCommit[]>,
): Promise<string> {
  const dir = await upstreamRepo(base);
  const streams = Object.entries(branches).map(([name, commits]) => fastImportStream(commits, name, 'refs/heads/main'));
  await runFastImport(dir, Buffer.concat(streams));
  return dir;
}
