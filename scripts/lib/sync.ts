/**
 * The sync pipeline: read a source → assemble → validate → write `data/` atomically.
 * Any error before the final renames leaves `data/` byte-identical.
 */
import { assemble } from '../../src/domain/upstream/assemble.ts';
import { pullsFromCommits } from '../../src/domain/upstream/commit-pulls.ts';
import { describeChanges } from '../../src/domain/upstream/sync-summary.ts';
import { formatProblem, InputError } from '../../src/domain/parse/errors.ts';
import { CAPS, type Caps } from '../../src/domain/parse/caps.ts';
import { withProposals } from '../../src/domain/upstream/proposal.ts';
import { mergePulls, PullExport, pullFromGitHub } from '../../src/domain/pulls/pulls.ts';
import type { Dataset, PullRequest } from '../../src/domain/schemas/data.ts';
import { urlWarnings } from '../../src/domain/schemas/url.ts';
import { scopeLosses } from '../../src/domain/scope-model/losses.ts';
import { readDatasetIfPresent, writeDataset, writeFiles, type WriteResult } from '../../src/io/dataset.ts';
import { readJsonFile } from '../../src/io/json-file.ts';
import { readGitSnapshot } from './git-source.ts';
import { readGitProposals } from './git-proposals.ts';
import { BlobCache } from './blob-cache.ts';
import { createGitHubClient, type ClientOptions, type RequestStats } from './github/client.ts';
import { writeEtags } from './github/etags.ts';
import { DEFAULT_BATCH, fetchFromGitHub, type BatchSizes } from './github/source.ts';
import { fetchProposals } from './github/proposals.ts';
import { readSyncState, serializeSyncState, SYNC_STATE_FILE } from './sync-state.ts';

export interface GitSyncOptions {
  git: string;
  out: string;
  branch?: string;
  repo?: string;
  /** A pull-request export in GitHub's shape (JSON array) to merge in. */
  pulls?: string;
  /** More files for `data/` (subjects.json), written in the same all-or-nothing step. */
  extra?: Record<string, string>;
  /** The caps on totals (default `CAPS`, src/domain/parse/caps.ts); tests lower them. */
  caps?: Caps;
}

export interface SyncResult {
  dataset: Dataset;
  write: WriteResult;
  changes: string[];
  /** What the previous data had and this result lacks (`scopes/losses.ts`); each is printed as a warning. */
  losses: string[];
  ignored: string[];
}

export interface GitHubSyncOptions {
  /** `owner/name`. */
  repo: string;
  out: string;
  branch?: string;
  client: ClientOptions;
  /** Blob cache directory (null: none). */
  cache: string | null;
  batch?: Partial<BatchSizes>;
  /** More files for `data/` (subjects.json), written in the same all-or-nothing step. */
  extra?: Record<string, string>;
}

export interface GitHubSyncResult {
  /** null when nothing changed upstream: nothing of it was written. */
  result: SyncResult | null;
  /** When nothing changed upstream: what became of the `extra` files. */
  extraWrite: WriteResult | null;
  stats: RequestStats;
  notes: string[];
  apiUrl: string;
}

/**
 * Sync from GitHub's API. With a state from the last sync (and its data beside it), two
 * conditional requests tell whether anything changed; only what is new is fetched.
 */
export async function syncFromGitHub(options: GitHubSyncOptions): Promise<GitHubSyncResult> {
  const branch = options.branch ?? 'main';
  if (!/^[^/\s]+\/[^/\s]+$/.test(options.repo)) {
    throw new InputError([
      {
        file: '--repo',
        key: '',
        value: JSON.stringify(options.repo),
        expected: 'expected owner/name, e.g. SovereignCloudStack/standards',
      },
    ]);
  }
  const { previous, note } = await previousData(options.out);
  // State without the data it describes (or data of another repository) is not to be trusted.
  const state = previous && previous.meta.source.repo === options.repo ? await readSyncState(options.out) : null;
  const client = createGitHubClient(options.client);
  const cache = new BlobCache(options.cache);
  const fetched = await fetchFromGitHub({
    client,
    repo: options.repo,
    branch,
    state,
    previousPulls: state && previous ? previous.pulls : [],
    cache,
    batch: options.batch,
  });
  // ETags are kept only once the data they lead to is written (or nothing needed writing).
  const cacheDir = options.cache;
  if (fetched.unchanged || !fetched.snapshot) {
    const extraWrite =
      options.extra && Object.keys(options.extra).length ? await writeFiles(options.out, options.extra) : null;
    await writeEtags(cacheDir, fetched.etags);
    return { result: null, extraWrite, stats: client.stats, notes: fetched.notes, apiUrl: client.apiUrl };
  }
  const pulls = mergePulls(pullsFromCommits(fetched.snapshot), fetched.pulls);
  const assembled = assemble(fetched.snapshot, pulls, 'github');
  const { ignored } = assembled;
  const [owner = '', name = ''] = options.repo.split('/');
  const batch = { ...DEFAULT_BATCH, ...options.batch };
  const read = await fetchProposals(client, { owner, name }, assembled.dataset, fetched.snapshot, cache, batch);
  const dataset = withProposals(assembled.dataset, read.proposals, CAPS.timelineEntries);
  dataset.meta.warnings.push(...read.warnings, ...pullUrlWarnings(`GitHub ${client.apiUrl}`, dataset.pulls));
  const write = await writeDataset(options.out, dataset, {
    [SYNC_STATE_FILE]: serializeSyncState(fetched.state),
    ...options.extra,
  });
  await writeEtags(cacheDir, fetched.etags);
  return {
    result: {
      dataset,
      write,
      changes: note ? [note, ...describeChanges(previous, dataset)] : describeChanges(previous, dataset),
      losses: previous ? scopeLosses(previous, dataset) : [],
      ignored,
    },
    extraWrite: null,
    stats: client.stats,
    notes: fetched.notes,
    apiUrl: client.apiUrl,
  };
}

/** The cost lines of a GitHub sync: requests, 304s, rate limit left. */
export function summarizeRequests(stats: RequestStats, apiUrl: string): string {
  const limits = Object.entries(stats.rateLimit)
    .map(([resource, l]) => `${resource} ${l.remaining}/${l.limit}`)
    .join(', ');
  return `GitHub ${apiUrl}: ${stats.requests} request${stats.requests === 1 ? '' : 's'}, ${stats.notModified} answered 304 (free), ${stats.retried} retried; rate limit left: ${limits || 'not reported'}`;
}

async function readPullExport(file: string, repo: string) {
  const exported = await readJsonFile(file, PullExport, { expected: 'expected a JSON array of pull requests' });
  const heads = new Map(exported.flatMap((p) => (p.head_sha ? [[p.number, p.head_sha] as const] : [])));
  return { pulls: exported.map((p) => pullFromGitHub(p, repo)), heads };
}

/** Warnings for pull requests whose `html_url` is not http(s): it stays text in `data/`, never a link. */
function pullUrlWarnings(source: string, pulls: readonly PullRequest[]): string[] {
  return urlWarnings(
    source,
    pulls.map((p) => [`pull request #${p.number} html_url`, p.url] as const),
  );
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
    return {
      previous: null,
      note: `the previous data does not read (${formatProblem(error.problems[0]!)}); compared as a first sync`,
    };
  }
}

export async function syncFromGit(options: GitSyncOptions): Promise<SyncResult> {
  const { previous, note } = await previousData(options.out);
  const snapshot = await readGitSnapshot(options.git, { branch: options.branch, repoName: options.repo });
  const fromCommits = pullsFromCommits(snapshot);
  const exported = options.pulls
    ? await readPullExport(options.pulls, snapshot.repo)
    : { pulls: [], heads: new Map<number, string>() };
  const pulls = mergePulls(fromCommits, exported.pulls);
  const caps = options.caps ?? CAPS;
  const assembled = assemble(snapshot, pulls, options.pulls ? 'export' : 'git', caps);
  const { ignored } = assembled;
  const read = await readGitProposals(options.git, assembled.dataset, exported.heads);
  const dataset = withProposals(assembled.dataset, read.proposals, caps.timelineEntries);
  dataset.meta.warnings.push(...read.warnings, ...pullUrlWarnings(options.pulls ?? 'git', dataset.pulls));
  const write = await writeDataset(options.out, dataset, options.extra);
  const changes = describeChanges(previous, dataset);
  return {
    dataset,
    write,
    changes: note ? [note, ...changes] : changes,
    losses: previous ? scopeLosses(previous, dataset) : [],
    ignored,
  };
}

/** The short summary the sync prints. */
export function summarize(result: SyncResult): string[] {
  const { dataset, write } = result;
  const revisions = dataset.scopes.reduce((n, s) => n + s.revisions.length, 0);
  const lines = [
    `upstream ${dataset.meta.source.repo}@${dataset.meta.source.commit.slice(0, 7)} (${dataset.meta.source.date})`,
    `${dataset.documents.length} documents, ${dataset.scopes.length} scopes (${dataset.scopes.map((s) => `${s.id}: ${s.revisions.length} revisions`).join(', ')}; ${revisions} in all), ${dataset.pulls.length} pull requests (as of ${dataset.meta.pullsAsOf})`,
    write.written.length
      ? `wrote ${write.written.join(', ')}; unchanged ${write.unchanged.join(', ') || 'none'}`
      : 'no file changed',
    ...result.changes.map((c) => `  ${c}`),
  ];
  if (result.ignored.length)
    lines.push(`ignored ${result.ignored.length} non-document files under Standards/ (templates)`);
  for (const w of dataset.meta.warnings) lines.push(`warning: ${w}`);
  for (const l of result.losses) lines.push(`warning: lost since the previous data: ${l}`);
  return lines;
}
