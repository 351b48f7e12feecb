/**
 * Two datasets for the feed tests, both from the project's own `data/` plus one or two
 * synthetic upstream revisions of the IaaS scope, and hostile strings where upstream text
 * reaches a feed (a pull-request title, a document title):
 * - `announcedDataset`: revision A (2026-07-20, #9998) announces `next` effective and
 *   v5.1 `warn` on 2026-10-01;
 * - `movedDataset`: also revision B (2026-07-22, #9999), which moves only v5.1 `warn` to
 *   2026-11-01. Every other date stays.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readDataset, writeDataset } from '../../src/io/dataset.ts';
import type { Dataset, PullRequest, Revision } from '../../src/domain/schemas/data.ts';
import type { TimelineEntry } from '../../src/domain/schemas/scope-file.ts';

export const DATA_DIR = resolve(import.meta.dirname, '../../data');

/** Tries to end the property, start a new event and add a property, with HTML and separators around. */
export const HOSTILE_PR_TITLE =
  'Announce next, v5.1 warn; for real\r\nBEGIN:VEVENT\r\nATTENDEE:mailto:evil@example.com\r\nEND:VEVENT\r\n<script>alert("pr")</script> & \\ done';
export const HOSTILE_PR_TITLE_2 = 'Move v5.1 warn\nATTENDEE:mailto:evil@example.com <b onmouseover=alert(1)>x</b>';
export const HOSTILE_DOC_TITLE =
  'Evil; title, with\nnewline\r\nBEGIN:VEVENT\r\nUID:evil@example.com\r\nEND:VEVENT <img src=x onerror=alert(1)>';
/** The document whose title is made hostile: a Stable document with a lifecycle date. */
export const HOSTILE_DOC_ID = 'scs-0100-v3';

export const MOVED_EVENT_ID = 'scope/iaas/v5.1/warn';
export const UNMOVED_EVENT_ID = 'scope/iaas/next/effective';
export const SCS_TODAY = '2026-07-24';

function pull(number: number, title: string, mergedAt: string): PullRequest {
  return {
    number,
    title,
    state: 'merged',
    author: 'someone',
    createdAt: mergedAt,
    updatedAt: mergedAt,
    mergedAt,
    closedAt: mergedAt,
    labels: [],
    reviewDecision: null,
    files: ['Tests/scs-compatible-iaas.yaml'],
    documents: [],
    scopes: ['iaas'],
    url: `https://github.com/SovereignCloudStack/standards/pull/${number}`,
  };
}

function addRevision(
  dataset: Dataset,
  revision: Pick<Revision, 'commit' | 'date' | 'pr' | 'title'>,
  timeline: TimelineEntry[],
): void {
  const scope = dataset.scopes.find((s) => s.id === 'iaas');
  if (!scope) throw new Error('data/scopes.json has no iaas scope');
  const last = scope.revisions[scope.revisions.length - 1]!;
  scope.revisions.push({
    ...last,
    ...revision,
    format: 'timeline',
    error: null,
    timeline,
    versions: structuredClone(last.versions),
  });
  scope.timeline = structuredClone(timeline);
}

/** The real data plus revision A and the hostile titles. */
export async function announcedDataset(): Promise<Dataset> {
  const dataset = await readDataset(DATA_DIR);
  const doc = dataset.documents.find((d) => d.id === HOSTILE_DOC_ID);
  if (!doc?.stabilizedAt)
    throw new Error(`${HOSTILE_DOC_ID} is missing or has no stabilized_at in data/documents.json`);
  doc.title = HOSTILE_DOC_TITLE;
  const iaas = dataset.scopes.find((s) => s.id === 'iaas')!;
  const a = [
    { date: '2026-10-01', versions: { next: 'effective', 'v5.1': 'warn' } } as TimelineEntry,
    ...structuredClone(iaas.timeline),
  ];
  addRevision(dataset, { commit: 'a'.repeat(40), date: '2026-07-20', pr: 9998, title: 'Announce next' }, a);
  dataset.pulls.push(pull(9998, HOSTILE_PR_TITLE, '2026-07-20T10:00:00Z'));
  return dataset;
}

/** Revision A, then revision B moving v5.1 `warn` from 2026-10-01 to 2026-11-01. */
export async function movedDataset(): Promise<Dataset> {
  const dataset = await announcedDataset();
  const iaas = dataset.scopes.find((s) => s.id === 'iaas')!;
  const rest = iaas.timeline.filter((e) => e.date !== '2026-10-01');
  const b: TimelineEntry[] = [
    { date: '2026-11-01', versions: { next: 'effective', 'v5.1': 'warn' } },
    { date: '2026-10-01', versions: { next: 'effective', 'v5.1': 'effective' } },
    ...rest,
  ];
  addRevision(dataset, { commit: 'b'.repeat(40), date: '2026-07-22', pr: 9999, title: 'Move v5.1 warn' }, b);
  dataset.pulls.push(pull(9999, HOSTILE_PR_TITLE_2, '2026-07-22T10:00:00Z'));
  return dataset;
}

/** Then revision C (2026-07-23, no pull request) withdraws the 2026-11-01 entry: v5.1 stays effective. */
export async function withdrawnDataset(): Promise<Dataset> {
  const dataset = await movedDataset();
  const iaas = dataset.scopes.find((s) => s.id === 'iaas')!;
  addRevision(
    dataset,
    { commit: 'c'.repeat(40), date: '2026-07-23', pr: null, title: 'Withdraw v5.1 warn' },
    iaas.timeline.filter((e) => e.date !== '2026-11-01'),
  );
  return dataset;
}

/** A data directory holding a dataset, written (and validated) by the project's own writer. */
export async function writeDataDir(dataset: Dataset): Promise<string> {
  const dir = join(mkdtempSync(join(tmpdir(), 'scs-feeds-data-')), 'data');
  await writeDataset(dir, dataset);
  return dir;
}

export function feedContext(dataset: Dataset) {
  return { siteUrl: 'https://feeds.example.test/timeline/', uidDomain: 'feeds.example.test', dataset };
}
