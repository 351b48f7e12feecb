/**
 * The weekly call report of the SIG Standards/Certification: for a period `since`../..`until`
 * (both included), what happened and what is due, computed from the data as it stood at the
 * end of `until` (dataset-as-of.ts), so a report for a past week says what was known then.
 */
import { z } from 'zod';
import { addDays, dayOfTimestamp, daysBetween, minDay, type Day } from '../days/day.ts';
import { datasetAsOf } from '../dataset/dataset-as-of.ts';
import { lifecycleMove } from '../documents/document-state.ts';
import { docsUrl, pullUrl } from '../links/upstream-links.ts';
import { deriveEvents, upcoming } from '../events/events.ts';
import { changePhrase, timelineChangePredicate } from '../events/event-words.ts';
import { Proposed, proposalsKnown, proposalsOn } from '../events/proposals.ts';
import { classifyPull, kindContext, PrKind } from '../pulls/pr-kind.ts';
import { shortName } from '../scopes/scopes.ts';
import { DocumentStatus } from '../schemas/front-matter.ts';
import { Validity } from '../schemas/validity.ts';
import type { Dataset, Meta } from '../schemas/data.ts';
import { coverageOf, dataEnd } from '../pulls/data-end.ts';
import { checkScopes } from '../rules/check.ts';
import { Finding } from '../rules/finding.ts';
import { InProgress, inProgress } from './in-progress.ts';
import { draftReadiness, Readiness } from './readiness.ts';
import { Day as DaySchema } from '../days/day.ts';

/** Transitions due within this many days after the period are listed. */
export const DUE_WINDOW_DAYS = 60;

const ReportDocument = z.object({
  id: z.string(),
  title: z.string(),
  url: z.string(),
  /** The day the change landed on `main`. */
  landed: DaySchema,
  pr: z.number().int().nullable(),
  prUrl: z.string().nullable(),
  /** The state it takes, and from when (stabilized_at / deprecated_at; null: not dated). */
  state: DocumentStatus.nullable(),
  on: DaySchema.nullable(),
});

const ReportScopeChange = z.object({
  kind: z.enum(['announced', 'moved', 'withdrawn', 'version-added']),
  scope: z.string(),
  scopeName: z.string(),
  version: z.string(),
  validity: Validity.nullable(),
  target: DaySchema.nullable(),
  previous: DaySchema.nullable(),
  landed: DaySchema,
  pr: z.number().int().nullable(),
  prUrl: z.string().nullable(),
  /** What follows the subject, in the feeds' words: `enters its warn period on 2025-02-01 instead of 2025-01-01`. */
  phrase: z.string(),
});

const ReportTransition = z.object({
  date: DaySchema,
  /** A scope version (`IaaS v5`) or a document id. */
  subject: z.string(),
  scope: z.string().nullable(),
  document: z.string().nullable(),
  url: z.string().nullable(),
  /** The validity (scs-0003-v1) or document state (scs-0001-v1) it takes. */
  becomes: z.string(),
  /** The same in the feeds' words, after the subject: `enters its warn period`, `becomes Stable`. */
  phrase: z.string(),
  pr: z.number().int().nullable(),
  prUrl: z.string().nullable(),
});
export type ReportTransition = z.output<typeof ReportTransition>;

const ReportPull = z.object({
  number: z.number().int(),
  title: z.string(),
  url: z.string(),
  author: z.string().nullable(),
  kind: PrKind,
  on: DaySchema,
});

export const Report = z.object({
  since: DaySchema,
  until: DaySchema,
  /** The day the pull-request data reaches ("pull requests as of"); nothing after it is counted. */
  pullsAsOf: DaySchema,
  /** The last day of the period the data covers (`until`, or `pullsAsOf` when earlier); null: none of it. */
  covered: DaySchema.nullable(),
  /** Last day of the window of what is due. */
  dueUntil: DaySchema,
  documents: z.object({
    stabilized: z.array(ReportDocument),
    deprecated: z.array(ReportDocument),
    rejected: z.array(ReportDocument),
    /** Documents added to `main` (new drafts, or added with another status). */
    added: z.array(ReportDocument),
  }),
  scopeChanges: z.array(ReportScopeChange),
  /** Transitions that took effect within the period. */
  tookEffect: z.array(ReportTransition),
  pulls: z.object({ opened: z.array(ReportPull), merged: z.array(ReportPull), closed: z.array(ReportPull) }),
  due: z.array(ReportTransition),
  /** Pull requests open at the end of the period (its last day with data); null: no data for it. */
  inProgress: InProgress.nullable(),
  /** How close each draft scope version was at the end of the period's data (null: no data for it). */
  readiness: z.array(Readiness).nullable(),
  /** What the pull requests open then proposed (events/proposals.ts), never mixed with the announced. */
  proposals: z.array(Proposed.extend({ url: z.string() })).nullable(),
  /** Whether the data knows which pull requests were open (events/proposals.ts `proposalsKnown`). */
  proposalsKnown: z.boolean(),
  /** Rule findings (scs-0003-v1) of the scope-file revisions that landed in the period. */
  findings: z.array(Finding.extend({ scopeName: z.string(), prUrl: z.string().nullable() })),
});
export type Report = z.output<typeof Report>;

/** A report period that starts after it ends: a caller's mistake (the CLI checks what a user gives before it asks). */
export class ReportPeriodError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportPeriodError';
  }
}

/**
 * The default period: the 7 days before `today`, or, when the data ends before that, the
 * 7 days ending with the data (a week past the data would only count zeros).
 */
export function defaultPeriod(today: Day, meta: Pick<Meta, 'pullsAsOf'>): { since: Day; until: Day } {
  const until = minDay(addDays(today, -1), dataEnd(meta));
  return { since: addDays(until, -6), until };
}

export function buildReport(full: Dataset, period: { since: Day; until: Day }): Report {
  const { since, until } = period;
  if (since > until)
    throw new ReportPeriodError(`the period starts ${since}, after it ends ${until}; expected since <= until`);
  const { pullsAsOf, covered } = coverageOf(period, full.meta);
  // Past the data's end nothing was measured: what happened is counted up to `covered` only;
  // transitions and what is due come from the timelines as announced by then.
  const dataset = datasetAsOf(full, minDay(until, pullsAsOf));
  const repo = dataset.meta.source.repo;
  const prUrl = (n: number | null) => (n === null ? null : pullUrl(repo, n));
  const within = (d: Day) => covered !== null && d >= since && d <= covered;
  const byId = new Map(dataset.documents.map((d) => [d.id, d]));
  const scopeById = new Map(dataset.scopes.map((s) => [s.id, s]));

  const documents: Report['documents'] = { stabilized: [], deprecated: [], rejected: [], added: [] };
  for (const doc of dataset.documents) {
    doc.history.forEach((change, i) => {
      if (!within(change.date)) return;
      const move = lifecycleMove(change, i === 0 ? null : doc.history[i - 1]!);
      if (move === null) return;
      const on =
        move === 'stabilized'
          ? change.stabilizedAt
          : move === 'deprecated'
            ? change.deprecatedAt
            : move === 'rejected'
              ? change.rejectedAt
              : null;
      documents[move].push({
        id: doc.id,
        title: doc.title,
        url: docsUrl(doc.file),
        landed: change.date,
        pr: change.pr,
        prUrl: prUrl(change.pr),
        state: change.status,
        on,
      });
    });
  }
  for (const list of Object.values(documents))
    list.sort((a, b) => (a.landed !== b.landed ? (a.landed < b.landed ? -1 : 1) : a.id < b.id ? -1 : 1));

  const events = deriveEvents(dataset);
  const scopeChanges: Report['scopeChanges'] = events
    .filter(
      (e) =>
        within(e.date) &&
        e.scope !== null &&
        e.version !== null &&
        (e.kind === 'announced' || e.kind === 'moved' || e.kind === 'withdrawn' || e.kind === 'version-added'),
    )
    .map((e) => ({
      kind: e.kind as 'announced' | 'moved' | 'withdrawn' | 'version-added',
      scope: e.scope!,
      scopeName: shortName(scopeById.get(e.scope!) ?? { name: e.scope! }),
      version: e.version!,
      validity: e.validity,
      target: e.target,
      previous: e.previous,
      landed: e.date,
      pr: e.source?.pr ?? null,
      prUrl: prUrl(e.source?.pr ?? null),
      phrase: timelineChangePredicate({
        kind: e.kind as 'announced' | 'moved' | 'withdrawn' | 'version-added',
        validity: e.validity,
        target: e.target,
        previous: e.previous,
      }),
    }));

  const transition = (e: (typeof events)[number]): Report['due'][number] => {
    const doc = e.document ? byId.get(e.document) : undefined;
    const scope = e.scope ? scopeById.get(e.scope) : undefined;
    return {
      date: e.date,
      subject: scope ? `${shortName(scope)} ${e.version}` : (e.document ?? ''),
      scope: e.scope,
      document: e.document,
      url: doc ? docsUrl(doc.file) : null,
      becomes: e.validity ?? e.state ?? '',
      phrase: e.validity ? changePhrase({ validity: e.validity }) : e.state ? changePhrase({ state: e.state }) : '',
      pr: e.source?.pr ?? null,
      prUrl: prUrl(e.source?.pr ?? null),
    };
  };
  const tookEffect = upcoming(events, since, daysBetween(since, until)).map(transition);
  const dueUntil = addDays(until, DUE_WINDOW_DAYS);
  const due = upcoming(events, addDays(until, 1), DUE_WINDOW_DAYS - 1).map(transition);

  const ctx = kindContext(dataset.documents, dataset.scopes);
  // Links are built from the number, never taken from the data: nothing upstream can point them elsewhere.
  const pullItem = (p: Dataset['pulls'][number], stamp: string) => ({
    number: p.number,
    title: p.title,
    url: prUrl(p.number)!,
    author: p.author,
    kind: classifyPull(p, ctx).kind,
    on: dayOfTimestamp(stamp),
  });
  const byDayThenNumber = (a: { on: Day; number: number }, b: { on: Day; number: number }) =>
    a.on !== b.on ? (a.on < b.on ? -1 : 1) : a.number - b.number;
  const opened = dataset.pulls
    .filter((p) => p.createdAt !== null && within(dayOfTimestamp(p.createdAt)))
    .map((p) => pullItem(p, p.createdAt!));
  const merged = dataset.pulls
    .filter((p) => p.mergedAt !== null && within(dayOfTimestamp(p.mergedAt)))
    .map((p) => pullItem(p, p.mergedAt!));
  const closed = dataset.pulls
    .filter((p) => p.state === 'closed' && p.closedAt !== null && within(dayOfTimestamp(p.closedAt)))
    .map((p) => pullItem(p, p.closedAt!));

  return {
    since,
    until,
    pullsAsOf,
    covered,
    dueUntil,
    documents,
    scopeChanges,
    tookEffect,
    pulls: {
      opened: opened.sort(byDayThenNumber),
      merged: merged.sort(byDayThenNumber),
      closed: closed.sort(byDayThenNumber),
    },
    due,
    inProgress: covered === null ? null : inProgress(dataset, full, covered, (n) => prUrl(n)!),
    readiness: covered === null ? null : draftReadiness(full, covered),
    proposals: covered === null ? null : proposalsOn(full, covered).map((p) => ({ ...p, url: prUrl(p.pr)! })),
    proposalsKnown: proposalsKnown(full.meta),
    findings: checkScopes(dataset.scopes)
      .filter((f) => within(f.landed))
      .map((f) => ({ ...f, scopeName: shortName(scopeById.get(f.scope) ?? { name: f.scope }), prUrl: prUrl(f.pr) })),
  };
}
