/**
 * The sync pipeline: read a source → assemble → validate → write `data/` atomically.
 * Any error before the final renames leaves `data/` byte-identical.
 */
import { readFile } from 'node:fs/promises';
import { assemble, pullsFromCommits } from '../../src/domain/assemble.ts';
import { describeChanges } from '../../src/domain/changes.ts';
import { formatProblem, InputError } from '../../src/domain/errors.ts';
import { mergePulls, parsePullExport, pullFromGitHub } from '../../src/domain/pulls.ts';
import type { Dataset } from '../../src/domain/schemas/data.ts';
import { readDatasetIfPresent, writeDataset, type WriteResult } from '../../src/io/dataset.ts';
import { readGitSnapshot } from './git-source.ts';

export interface GitSyncOptions {
  git: string;
  out: string;
  branch?: string;
  repo?: string;
  /** A pull-request export in GitHub's shape (JSON array) to merge in. */
  pulls?: string;
}

export interface SyncResult {
  dataset: Dataset;
  write: WriteResult;
  changes: string[];
  ignored: string[];
}

async function readPullExport(file: string, repo: string) {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new InputError([{ file, key: '', value: null, expected: `expected a JSON array of pull requests: ${(error as Error).message}` }]);
  }
  return parsePullExport(json, file).map((p) => pullFromGitHub(p, repo));
}

/**
 * The data the sync is about to replace, to say what changed. Data that no longer reads
 * (written by an older sync with another schema) must not block the sync that replaces it.
 */
async function previousData(out: string): Promise<{ previous: Dataset | null; note: string | null }> {
  try {
    return { previous: await readDatasetIfPresent(out), note: null };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { previous: null, note: `the previous data does not read (${formatProblem(error.problems[0]!)}); compared as a first sync` };
  }
}

export async function syncFromGit(options: GitSyncOptions): Promise<SyncResult> {
  const { previous, note } = await previousData(options.out);
  const snapshot = await readGitSnapshot(options.git, { branch: options.branch, repoName: options.repo });
  const fromCommits = pullsFromCommits(snapshot);
  const exported = options.pulls ? await readPullExport(options.pulls, snapshot.repo) : [];
  const pulls = mergePulls(fromCommits, exported);
  const { dataset, ignored } = assemble(snapshot, pulls, options.pulls ? 'export' : 'git');
  const write = await writeDataset(options.out, dataset);
  const changes = describeChanges(previous, dataset);
  return { dataset, write, changes: note ? [note, ...changes] : changes, ignored };
}

/** The short summary the sync prints. */
export function summarize(result: SyncResult): string[] {
  const { dataset, write } = result;
  const revisions = dataset.scopes.reduce((n, s) => n + s.revisions.length, 0);
  const lines = [
    `upstream ${dataset.meta.source.repo}@${dataset.meta.source.commit.slice(0, 7)} (${dataset.meta.source.date})`,
    `${dataset.documents.length} documents, ${dataset.scopes.length} scopes (${dataset.scopes.map((s) => `${s.id}: ${s.revisions.length} revisions`).join(', ')}; ${revisions} in all), ${dataset.pulls.length} pull requests`,
    write.written.length ? `wrote ${write.written.join(', ')}; unchanged ${write.unchanged.join(', ') || 'none'}` : 'no file changed',
    ...result.changes.map((c) => `  ${c}`),
  ];
  if (result.ignored.length) lines.push(`ignored ${result.ignored.length} non-document files under Standards/ (templates)`);
  for (const w of dataset.meta.warnings) lines.push(`warning: ${w}`);
  return lines;
}
