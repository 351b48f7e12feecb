/**
 * The files in `data/`: the contract between the sync and everything else.
 * The sync validates every file with these schemas before writing it; the site
 * (content collections), the feeds and the CLI read them with the same schemas.
 */
import { z } from 'zod';
import { Day, DAY_RANGE, inDayRange, isDay } from '../days/day.ts';
import { DocumentStatus, DocumentType } from './front-matter.ts';
import { TimelineEntry, VersionName } from './scope-file.ts';
import { VersionFacts } from './scope-facts.ts';

/** A git object id, of a commit or a blob (40 hex digits): the one schema of it. */
export const Sha = z.string().regex(/^[0-9a-f]{40}$/, 'expected a 40-digit object id');

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An ISO 8601 timestamp as upstream wrote it, offset kept. Its day must be a real one:
 * the site and feeds read the day off it (`dayOfTimestamp`), so `2024-02-30T…` is refused here.
 */
export const Timestamp = z.string().superRefine((t, ctx) => {
  const day = TIMESTAMP.exec(t)?.[1] ?? '';
  if (!isDay(day)) ctx.addIssue({ code: 'custom', input: t, message: 'expected an ISO 8601 timestamp' });
  else if (!inDayRange(day))
    ctx.addIssue({ code: 'custom', input: t, message: `expected an ISO 8601 timestamp on ${DAY_RANGE}` });
});

/** Where a fact came from: the commit on `main` and the pull request that landed it. */
export const Provenance = z.object({
  commit: Sha,
  /** The day the commit landed on `main` (committer date, in the committer's offset). */
  date: Day,
  /** The pull request named in the commit message, if any. */
  pr: z.number().int().positive().nullable(),
});
export type Provenance = z.output<typeof Provenance>;

export const Include = z.object({
  /** Module id (`scs-0100-v3.1`, `opc-v2022.11`). */
  ref: z.string(),
  /** Parameters given to the module by this version, stringified. */
  parameters: z.record(z.string(), z.string()),
});
export type Include = z.output<typeof Include>;

export const ScopeVersion = z.object({
  name: VersionName,
  stabilizedAt: Day.nullable(),
  include: z.array(Include),
});
export type ScopeVersion = z.output<typeof ScopeVersion>;

export const Module = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string().nullable(),
  /** The standard document the module checks, when its id or URL names one (`scs-0100-v3`). */
  document: z.string().nullable(),
});
export type Module = z.output<typeof Module>;

/**
 * The scope file as it stood after one upstream commit that changed its timeline or versions.
 * `timeline` format: as written. `legacy` (before August 2024): derived from the versions'
 * `stabilized_at` / `deprecated_at`. `unparseable`: the file did not parse at that commit.
 */
export const Revision = Provenance.extend({
  /** The commit's title, without the pull-request suffix. */
  title: z.string(),
  /** Path of the scope file at that commit (it was once `Tests/scs-compatible.yaml`). */
  file: z.string(),
  format: z.enum(['timeline', 'legacy', 'unparseable']),
  /** Why the file did not parse (only for `unparseable`). */
  error: z.string().nullable(),
  timeline: z.array(TimelineEntry),
  versions: z.array(ScopeVersion),
  /**
   * Only for the same-day fix of an unparseable revision: the commit that made the change
   * this revision completes (KaaS v1 effective 2024-11-26 was made by #843; #844 fixed its
   * syntax). The change is credited to it, the fix named beside it.
   */
  madeBy: Provenance.extend({ title: z.string() }).optional(),
});
export type Revision = z.output<typeof Revision>;

export const Scope = z.object({
  /** Short name used in URLs and the CLI: `iaas`, `kaas`. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** The scope's uuid (scs-0003-v1); null only for a scope still in the legacy format. */
  uuid: z.string().nullable(),
  name: z.string(),
  url: z.string().nullable(),
  /** The scope file; null for a scope known only from its documents (track `Scopes`). */
  file: z.string().nullable(),
  modules: z.array(Module),
  versions: z.array(ScopeVersion),
  /** The current timeline, newest entry first (as upstream orders it). */
  timeline: z.array(TimelineEntry),
  /** Every commit that changed the timeline or versions, oldest first. */
  revisions: z.array(Revision),
  /** Every version ever listed or documented, joined with its scope document: `schemas/scope-facts.ts`. */
  facts: z.array(VersionFacts).default([]),
});
export type Scope = z.output<typeof Scope>;

/** A change of a document's lifecycle fields, as it landed on `main`. */
export const DocumentChange = Provenance.extend({
  status: DocumentStatus.nullable(),
  stabilizedAt: Day.nullable(),
  deprecatedAt: Day.nullable(),
  rejectedAt: Day.nullable(),
});
export type DocumentChange = z.output<typeof DocumentChange>;

export const Document = z.object({
  /** `scs-0214-v2`, or `scs-0214-w1` for a supplement. */
  id: z.string().regex(/^scs-\d{4}-[vw]\d+$/),
  /** The document series, `scs-0214`. */
  series: z.string().regex(/^scs-\d{4}$/),
  version: z.string().regex(/^[vw]\d+$/),
  slug: z.string(),
  file: z.string(),
  title: z.string(),
  type: DocumentType,
  status: DocumentStatus.nullable(),
  track: z.string().nullable(),
  stabilizedAt: Day.nullable(),
  deprecatedAt: Day.nullable(),
  rejectedAt: Day.nullable(),
  /** Document ids, or the file name as written when it names no document. */
  replaces: z.array(z.string()),
  replacedBy: z.array(z.string()),
  supplements: z.array(z.string()),
  description: z.string().nullable(),
  /** Lifecycle changes, oldest first; the first is when the document was added. */
  history: z.array(DocumentChange),
});
export type Document = z.output<typeof Document>;

/** A document's lifecycle dates (scs-0001-v1), as a pull request's head would leave them. */
export const ProposedDates = z.object({
  id: z.string().regex(/^scs-\d{4}-[vw]\d+$/),
  file: z.string(),
  stabilizedAt: Day.nullable(),
  deprecatedAt: Day.nullable(),
  rejectedAt: Day.nullable(),
});
export type ProposedDates = z.output<typeof ProposedDates>;

/**
 * What an open pull request's head would leave in the files the sync reads, laid on the
 * head of `main` (`base`): each scope file it changes as the revision it would be (dated the
 * day the data reaches, so lead days count from there; `null` when it removes the file),
 * and each document whose lifecycle dates it would change. Derived words: events/proposals.ts.
 */
export const Proposal = z.object({
  head: Sha,
  base: Sha,
  scopes: z.array(z.object({ scope: z.string(), revision: Revision.nullable() })),
  documents: z.array(ProposedDates),
  /**
   * When the head does not merge into `base`: the scope files and documents it changes, of
   * which nothing is then known (`scopes` and `documents` are empty).
   */
  conflicts: z.array(z.string()),
});
export type Proposal = z.output<typeof Proposal>;

export const PullRequestState = z.enum(['open', 'draft', 'merged', 'closed']);
export type PullRequestState = z.output<typeof PullRequestState>;

export const PullRequest = z.object({
  number: z.number().int().positive(),
  title: z.string(),
  state: PullRequestState,
  author: z.string().nullable(),
  createdAt: Timestamp.nullable(),
  updatedAt: Timestamp.nullable(),
  mergedAt: Timestamp.nullable(),
  closedAt: Timestamp.nullable(),
  labels: z.array(z.string()),
  /** GitHub's review decision, where it gives one. */
  reviewDecision: z.enum(['APPROVED', 'CHANGES_REQUESTED', 'REVIEW_REQUIRED']).nullable(),
  files: z.array(z.string()),
  /** Documents it changes or names in its title (`scs-0214-v2`, or the series `scs-0214`). */
  documents: z.array(z.string()),
  /** Scopes whose file it changes. */
  scopes: z.array(z.string()),
  url: z.string(),
  /** Only for a pull request open at the data's end whose head the sync could read. */
  proposal: Proposal.optional(),
});
export type PullRequest = z.output<typeof PullRequest>;

export const Meta = z.object({
  schemaVersion: z.literal(1),
  source: z.object({
    repo: z.string(),
    branch: z.string(),
    commit: Sha,
    committedAt: Timestamp,
    /** The day of the newest upstream commit: "upstream data as of". */
    date: Day,
  }),
  /** Pull requests come from commit messages only (`git`) or from GitHub's API (`github`). */
  pullRequestSource: z.enum(['git', 'github', 'export']),
  /**
   * The day the pull-request data reaches (its newest timestamp, at least `source.date`):
   * "pull requests as of". Views count up to this day and say so (pulls/data-end.ts).
   */
  pullsAsOf: Day,
  /** Inputs the sync kept or skipped with a warning (unparseable revision, malformed document). */
  warnings: z.array(z.string()),
});
export type Meta = z.output<typeof Meta>;

/** Everything in `data/`, as one value. */
export const Dataset = z.object({
  meta: Meta,
  scopes: z.array(Scope),
  documents: z.array(Document),
  pulls: z.array(PullRequest),
});
export type Dataset = z.output<typeof Dataset>;
