/**
 * What the pull requests open on a day propose, in the history's words, marked as proposed
 * and kept apart from what is announced (a timeline on `main` is the only announcement,
 * scs-0003-v1; a document's dates are its front matter on `main`, scs-0001-v1).
 *
 * Two sources, each said: a pull request still open at the data's end proposes what its head
 * would change (`PullRequest.proposal`, read by the sync); one merged later proposed, while it
 * was open, what its merged change did (so #824, open from 2024-11-13, proposed IaaS v5
 * effective on 2024-11-21 and v4 warn on 2025-01-01). Of one closed unmerged, nothing is known.
 */
import { z } from 'zod';
import { Day, dayOfTimestamp, type Day as DayType } from '../days/day.ts';
import { shortName } from '../scopes/scopes.ts';
import type { Dataset, DocumentChange, Meta, PullRequest, Scope } from '../schemas/data.ts';
import { transitionPredicate } from './event-words.ts';
import { revisionChanges, type RevisionChanges, type TimelineChange } from './revision-changes.ts';

const DATE_FIELDS = [
  ['stabilizedAt', 'Stable'],
  ['deprecatedAt', 'Deprecated'],
  ['rejectedAt', 'Rejected'],
] as const;

export const ProposedChange = z.object({
  /** `IaaS v5`, or a document id. */
  subject: z.string(),
  scope: z.string().nullable(),
  document: z.string().nullable(),
  kind: z.enum([
    'announced',
    'moved',
    'withdrawn',
    'version-added',
    'version-removed',
    'file-added',
    'file-removed',
    'unreadable',
  ]),
  date: Day.nullable(),
  previous: Day.nullable(),
  /** After the subject, in the feeds' words: `becomes effective on 2024-11-21`. */
  phrase: z.string(),
});
export type ProposedChange = z.output<typeof ProposedChange>;

export const Proposed = z.object({
  pr: z.number().int(),
  title: z.string(),
  /** `head`: read off its head at the data's end; `merged`: what its change did when it merged later. */
  source: z.enum(['head', 'merged']),
  opened: Day.nullable(),
  changes: z.array(ProposedChange),
  /** Scope files or documents of its head that do not merge into `main`: what they would change is not known. */
  conflicts: z.array(z.string()),
});
export type Proposed = z.output<typeof Proposed>;

const openedOf = (p: PullRequest) => (p.createdAt ? dayOfTimestamp(p.createdAt) : null);
const endedOf = (p: PullRequest) => {
  const at = p.mergedAt ?? p.closedAt;
  return at ? dayOfTimestamp(at) : null;
};

function phraseOf(
  c: Pick<ProposedChange, 'kind' | 'date' | 'previous'>,
  state: Parameters<typeof transitionPredicate>[0],
) {
  if (c.kind === 'withdrawn') return `${transitionPredicate(state, c.previous ?? '')}: withdrawn`;
  const now = transitionPredicate(state, c.date ?? '');
  return c.kind === 'moved' ? `${now} instead of ${c.previous}` : now;
}

function timelineChange(scope: Scope, c: TimelineChange): ProposedChange {
  return {
    subject: `${shortName(scope)} ${c.version}`,
    scope: scope.id,
    document: null,
    kind: c.kind,
    date: c.date,
    previous: c.previous,
    phrase: phraseOf(c, { validity: c.validity }),
  };
}

function versionChange(scope: Scope, version: string, kind: 'version-added' | 'version-removed'): ProposedChange {
  const phrase = kind === 'version-added' ? 'is a new scope version' : 'is removed from the scope file';
  return {
    subject: `${shortName(scope)} ${version}`,
    scope: scope.id,
    document: null,
    kind,
    date: null,
    previous: null,
    phrase,
  };
}

type Dates = Pick<DocumentChange, 'stabilizedAt' | 'deprecatedAt' | 'rejectedAt'>;
const NO_DATES: Dates = { stabilizedAt: null, deprecatedAt: null, rejectedAt: null };

function dateChanges(id: string, before: Dates, after: Dates): ProposedChange[] {
  return DATE_FIELDS.flatMap(([field, state]) => {
    const date = after[field];
    const previous = before[field];
    if (date === previous) return [];
    const kind = previous === null ? 'announced' : date === null ? 'withdrawn' : 'moved';
    const c = { kind, date, previous } as const;
    return [{ subject: id, scope: null, document: id, ...c, phrase: phraseOf(c, { state }) }];
  });
}

function fromHead(dataset: Dataset, pr: PullRequest): Omit<Proposed, 'pr' | 'title' | 'opened'> | null {
  const proposal = pr.proposal;
  if (!proposal) return null;
  const changes: ProposedChange[] = [];
  for (const { scope: id, revision } of proposal.scopes) {
    const scope = dataset.scopes.find((s) => s.id === id);
    if (revision === null || !scope) {
      const phrase = revision === null ? 'scope file removed' : `scope file ${revision.file} added`;
      const subject = scope ? shortName(scope) : id;
      const kind = revision === null ? 'file-removed' : 'file-added';
      changes.push({ subject, scope: id, document: null, kind, date: null, previous: null, phrase });
    } else if (revision.format === 'unparseable') {
      const phrase = `scope file ${revision.file} would not parse: ${revision.error ?? ''}`;
      changes.push({
        subject: shortName(scope),
        scope: id,
        document: null,
        kind: 'unreadable',
        date: null,
        previous: null,
        phrase,
      });
    } else {
      changes.push(
        ...revisionWords(scope, revisionChanges({ ...scope, revisions: [...scope.revisions, revision] }).at(-1)!),
      );
    }
  }
  for (const d of proposal.documents) {
    const now = dataset.documents.find((doc) => doc.id === d.id);
    changes.push(...dateChanges(d.id, now ?? NO_DATES, d));
  }
  return { source: 'head', changes, conflicts: proposal.conflicts };
}

/** What one revision of a scope changed, as proposed changes. */
function revisionWords(scope: Scope, rc: RevisionChanges): ProposedChange[] {
  return [
    ...rc.changes.map((c) => timelineChange(scope, c)),
    ...rc.versionsAdded.map((v) => versionChange(scope, v, 'version-added')),
    ...rc.versionsRemoved.map((v) => versionChange(scope, v, 'version-removed')),
  ];
}

type Histories = readonly { scope: Scope; changes: RevisionChanges[] }[];

function fromMerge(dataset: Dataset, histories: Histories, pr: PullRequest): Omit<Proposed, 'pr' | 'title' | 'opened'> {
  const changes: ProposedChange[] = [];
  for (const { scope, changes: all } of histories) {
    for (const rc of all) {
      if ((rc.revision.madeBy?.pr ?? rc.revision.pr) === pr.number && !rc.initial)
        changes.push(...revisionWords(scope, rc));
    }
  }
  for (const doc of dataset.documents) {
    doc.history.forEach((h, i) => {
      if (h.pr === pr.number) changes.push(...dateChanges(doc.id, doc.history[i - 1] ?? NO_DATES, h));
    });
  }
  return { source: 'merged', changes, conflicts: [] };
}

/**
 * What each pull request open on `day` proposes, by pull-request number; only those that
 * propose a change (or whose head does not merge). `dataset`: all the data, never the data
 * as of `day` (a merged change is told from the history after it).
 */
export function proposalsOn(dataset: Dataset, day: DayType): Proposed[] {
  const out: Proposed[] = [];
  // Each scope's history told once, however many merged pull requests were open on the day.
  let histories: Histories | null = null;
  const told = () => (histories ??= dataset.scopes.map((scope) => ({ scope, changes: revisionChanges(scope) })));
  for (const pr of dataset.pulls) {
    const opened = openedOf(pr);
    const ended = endedOf(pr);
    const open = pr.state === 'open' || pr.state === 'draft';
    if ((opened === null && !open) || (opened !== null && opened > day) || (ended !== null && ended <= day)) continue;
    const said = pr.state === 'merged' ? fromMerge(dataset, told(), pr) : open ? fromHead(dataset, pr) : null;
    if (!said || (said.changes.length === 0 && said.conflicts.length === 0)) continue;
    out.push({ pr: pr.number, title: pr.title, opened, ...said });
  }
  return out.sort((a, b) => a.pr - b.pr);
}

/**
 * Whether the data can say which pull requests were open on a day: not when they come from
 * commit messages only (`pullRequestSource: git`), which give no day one opened.
 */
export function proposalsKnown(meta: Pick<Meta, 'pullRequestSource'>): boolean {
  return meta.pullRequestSource !== 'git';
}

/** Said instead of "none proposes" when `proposalsKnown` is false. */
export function proposalsUnknownWords(day: DayType): string {
  return `Pull requests come from commit messages only: which were open on ${day}, and what they proposed, is not known.`;
}

/** What a view says when no pull request open on `day` proposes anything: `none`, if the data can know it. */
export function noProposalsWords(meta: Pick<Meta, 'pullRequestSource'>, day: DayType, none: string): string {
  return proposalsKnown(meta) ? none : proposalsUnknownWords(day);
}

/** Only what proposals say of one scope: its timeline and versions, conflicts in its file. */
export function proposalsForScope(proposals: readonly Proposed[], scope: Pick<Scope, 'id' | 'file'>): Proposed[] {
  return proposals.flatMap((p) => {
    const changes = p.changes.filter((c) => c.scope === scope.id);
    const conflicts = p.conflicts.filter((f) => f === scope.file);
    return changes.length + conflicts.length > 0 ? [{ ...p, changes, conflicts }] : [];
  });
}

/** Where a proposal's words come from: `its change as merged later`, `its head at the end of the data`. */
export function proposalSource(p: Pick<Proposed, 'pr' | 'source'>): string {
  return p.source === 'merged' ? 'its change as merged later' : 'its head at the end of the data';
}

/** For a head that does not merge into main: `does not merge into main: what it changes in X is not known`. */
export function conflictWords(files: readonly string[]): string {
  return `does not merge into main: what it changes in ${files.join(', ')} is not known`;
}

/** `IaaS v5 becomes effective on 2024-11-21; …`, or why nothing can be said. */
export function proposalWords(p: Pick<Proposed, 'changes' | 'conflicts'>): string {
  const said = p.changes.map((c) => `${c.subject} ${c.phrase}`);
  if (p.conflicts.length > 0) said.push(conflictWords(p.conflicts));
  return said.join('; ');
}

/** A proposed change with a date, and the pull request proposing it. */
export type ProposedTransition = ProposedChange & Pick<Proposed, 'pr' | 'title' | 'opened' | 'source'>;

/** The proposed transitions of scope versions with a date, soonest first: for the next transitions. */
export function proposedTransitions(proposals: readonly Proposed[], from: DayType): ProposedTransition[] {
  return proposals
    .flatMap(({ pr, title, opened, source, changes }) => changes.map((c) => ({ ...c, pr, title, opened, source })))
    .filter((c) => c.scope !== null && c.date !== null && c.date >= from && c.kind !== 'withdrawn')
    .sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : a.pr - b.pr));
}
