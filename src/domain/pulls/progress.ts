/**
 * The SIG's progress view: open pull requests that touch documents or scopes, how old and
 * how idle they are, what kind of change they are (pr-kind.ts), grouped by kind and by
 * document; and what merged or closed lately. Days count from `today` (a parameter) to the
 * day part of GitHub's timestamps, never shifted across time zones.
 */
import { addDays, daysBetween, dayOfTimestamp, type Day } from '../days/day.ts';
import { openedOn, pullAsOf } from '../dataset/dataset-as-of.ts';
import { documentName } from '../documents/document-parse.ts';
import {
  addedDocumentFiles,
  classifyPull,
  kindContext,
  PR_KIND_ORDER,
  type KindContext,
  type PrClassification,
  type PrKind,
} from './pr-kind.ts';
import type { Dataset, PullRequest } from '../schemas/data.ts';

/**
 * An open pull request idle for more than this many days is stale: counted up to the data's
 * end (measuredDay), so an old export makes no pull request stale. How old the data itself
 * is, is its age (data-age.ts), a different thing.
 */
export const STALE_PULL_DAYS = 30;

/** Where the pull request stands in review: GitHub's draft flag, then its review decision. */
export type ReviewState = 'draft' | 'ready' | 'approved' | 'changes requested';

export function reviewState(pull: Pick<PullRequest, 'state' | 'reviewDecision'>): ReviewState {
  if (pull.state === 'draft') return 'draft';
  if (pull.reviewDecision === 'APPROVED') return 'approved';
  if (pull.reviewDecision === 'CHANGES_REQUESTED') return 'changes requested';
  return 'ready';
}

export interface ProgressRow {
  number: number;
  title: string;
  url: string;
  author: string | null;
  labels: string[];
  review: ReviewState;
  kind: PrKind;
  classification: PrClassification;
  /** The day it was opened, and days since. */
  opened: Day | null;
  ageDays: number | null;
  /** The day of its last update, and days since. */
  updated: Day | null;
  idleDays: number | null;
  stale: boolean;
  /** Group keys: document ids, added document files, `scope:<id>`. */
  groups: string[];
}

/** Whether a pull request touches a standard document or a scope file. */
export function touchesStandards(pull: Pick<PullRequest, 'documents' | 'scopes' | 'files'>): boolean {
  return pull.documents.length > 0 || pull.scopes.length > 0 || pull.files.some((f) => f.startsWith('Standards/'));
}

function groupsOf(pull: PullRequest, ctx: KindContext): string[] {
  const groups = new Set<string>(pull.documents);
  // A new file without an assigned number (`scs-xxxx-v1-…`) is grouped under its file name.
  for (const f of addedDocumentFiles(pull, ctx))
    groups.add(documentName(f)?.id ?? f.replace(/^Standards\//, '').replace(/\.md$/i, ''));
  for (const s of pull.scopes) groups.add(`scope:${s}`);
  // A series named in the title ("Update SCS-0219 …") is no group of its own beside a document of it.
  for (const g of [...groups]) if ([...groups].some((o) => o.startsWith(`${g}-`))) groups.delete(g);
  if (groups.size === 0) groups.add('other');
  return [...groups].sort();
}

/** What a group key stands for: a known document, a known series, a scope, a document that does not exist yet, or none. */
export type GroupSubject =
  | { kind: 'document'; id: string; series: string; title: string }
  | { kind: 'series'; series: string; title: string }
  | { kind: 'scope'; id: string; name: string }
  | { kind: 'new'; name: string }
  | { kind: 'other' };

/**
 * The subject of a group key (groupsOf). "(new)" is only for what is no document and no series
 * of this data: #1166 edits scs-0219-v1 and #1250 names the series scs-0128, neither is new.
 */
export function groupSubject(group: string, dataset: Pick<Dataset, 'documents' | 'scopes'>): GroupSubject {
  if (group === 'other') return { kind: 'other' };
  if (group.startsWith('scope:')) {
    const id = group.slice(6);
    return { kind: 'scope', id, name: dataset.scopes.find((s) => s.id === id)?.name ?? id };
  }
  const doc = dataset.documents.find((d) => d.id === group);
  if (doc) return { kind: 'document', id: doc.id, series: doc.series, title: doc.title };
  const ofSeries = dataset.documents.filter((d) => d.series === group);
  if (ofSeries.length > 0) return { kind: 'series', series: group, title: ofSeries.at(-1)!.title };
  return { kind: 'new', name: group };
}

export function groupLabel(subject: GroupSubject): string {
  switch (subject.kind) {
    case 'other':
      return 'Other (no document or scope named)';
    case 'scope':
      return subject.name;
    case 'document':
      return `${subject.id}: ${subject.title}`;
    case 'series':
      return `${subject.series} (series): ${subject.title}`;
    case 'new':
      return `${subject.name} (new)`;
  }
}

export function progressRow(pull: PullRequest, today: Day, ctx: KindContext): ProgressRow {
  const opened = openedOn(pull);
  const updatedStamp = pull.updatedAt ?? pull.createdAt;
  const updated = updatedStamp === null ? opened : dayOfTimestamp(updatedStamp);
  const idleDays = updated === null ? null : daysBetween(updated, today);
  const classification = classifyPull(pull, ctx);
  return {
    number: pull.number,
    title: pull.title,
    url: pull.url,
    author: pull.author,
    labels: pull.labels,
    review: reviewState(pull),
    kind: classification.kind,
    classification,
    opened,
    ageDays: opened === null ? null : daysBetween(opened, today),
    updated,
    idleDays,
    stale: idleDays !== null && idleDays > STALE_PULL_DAYS,
    groups: groupsOf(pull, ctx),
  };
}

export interface Progress {
  today: Day;
  open: ProgressRow[];
  byKind: { kind: PrKind; rows: ProgressRow[] }[];
  byDocument: { group: string; rows: ProgressRow[] }[];
  /** Merged or closed in the `recentDays` up to today, newest first. */
  recent: (ProgressRow & { outcome: 'merged' | 'closed'; on: Day })[];
  recentSince: Day;
}

/**
 * Open pull requests touching standards or scopes on `today`, longest idle first within
 * each group (the stalest on top); and those merged or closed in the last `recentDays` days.
 */
export function progress(
  dataset: Pick<Dataset, 'pulls' | 'documents' | 'scopes'>,
  today: Day,
  recentDays = 28,
): Progress {
  const ctx = kindContext(dataset.documents, dataset.scopes);
  // States as they were on `today`: a build for a past day shows what was open then.
  const relevant = dataset.pulls
    .filter(touchesStandards)
    .map((p) => pullAsOf(p, today))
    .filter((p): p is PullRequest => p !== null);
  const open = relevant
    .filter((p) => p.state === 'open' || p.state === 'draft')
    .map((p) => progressRow(p, today, ctx))
    .sort((a, b) => (b.idleDays ?? 0) - (a.idleDays ?? 0) || a.number - b.number);
  const byKind = PR_KIND_ORDER.map((kind) => ({ kind, rows: open.filter((r) => r.kind === kind) })).filter(
    (g) => g.rows.length > 0,
  );
  const groups = [...new Set(open.flatMap((r) => r.groups))].sort((a, b) =>
    a === 'other' ? 1 : b === 'other' ? -1 : a < b ? -1 : a > b ? 1 : 0,
  );
  const byDocument = groups.map((group) => ({ group, rows: open.filter((r) => r.groups.includes(group)) }));
  const recentSince = addDays(today, -(recentDays - 1));
  const recent = relevant
    .flatMap((p) => {
      const stamp = p.mergedAt ?? (p.state === 'closed' ? p.closedAt : null);
      if (stamp === null) return [];
      const on = dayOfTimestamp(stamp);
      if (on < recentSince || on > today) return [];
      return [{ ...progressRow(p, today, ctx), outcome: p.mergedAt ? ('merged' as const) : ('closed' as const), on }];
    })
    .sort((a, b) => (a.on !== b.on ? (a.on > b.on ? -1 : 1) : b.number - a.number));
  return { today, open, byKind, byDocument, recent, recentSince };
}
