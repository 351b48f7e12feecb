/**
 * The dataset as it stood at the end of a past day: what a report for a past week must be
 * computed from, so that it says what the SIG could have known then, not what came later.
 *
 * - Documents: their history up to the day; lifecycle fields from the last change by then
 *   (scs-0001-v1 front matter as it was). A document added later did not exist yet.
 * - Scopes: revisions up to the day; timeline and versions from `revisionAsOf` (scs-0003-v1
 *   timeline as it was on `main` then). A scope whose first revision came later did not exist.
 * - Pull requests: those created by the day, with their state on that day, told from the
 *   day part of their timestamps (never shifted across time zones).
 */
import { dayOfTimestamp, type Day } from '../days/day.ts';
import { revisionAsOf } from '../scopes/scopes.ts';
import type { Dataset, Document, PullRequest, PullRequestState, Scope } from '../schemas/data.ts';

export function documentAsOf(doc: Document, day: Day): Document | null {
  const history = doc.history.filter((h) => h.date <= day);
  const last = history[history.length - 1];
  if (!last) return null;
  return {
    ...doc,
    history,
    status: last.status,
    stabilizedAt: last.stabilizedAt,
    deprecatedAt: last.deprecatedAt,
    rejectedAt: last.rejectedAt,
  };
}

export function scopeAsOf(scope: Scope, day: Day): Scope | null {
  const revision = revisionAsOf(scope, day);
  if (!revision) return null;
  return {
    ...scope,
    revisions: scope.revisions.filter((r) => r.date <= day),
    timeline: revision.timeline,
    versions: revision.versions,
  };
}

const dayOf = (timestamp: string | null): Day | null => (timestamp === null ? null : dayOfTimestamp(timestamp));

/** The day a pull request was opened; without a known creation time, the day it ended. */
export function openedOn(pull: PullRequest): Day | null {
  return dayOf(pull.createdAt) ?? dayOf(pull.mergedAt) ?? dayOf(pull.closedAt);
}

/**
 * A pull request's state at the end of `day`, or null if it was not opened yet. Whether it
 * was a draft back then is not recorded; its current draft flag is kept while it is open.
 */
export function pullStateAsOf(pull: PullRequest, day: Day): PullRequestState | null {
  const opened = openedOn(pull);
  if (opened === null || opened > day) return null;
  const merged = dayOf(pull.mergedAt);
  if (merged !== null && merged <= day) return 'merged';
  const closed = dayOf(pull.closedAt);
  if (closed !== null && closed <= day) return 'closed';
  return pull.state === 'draft' ? 'draft' : 'open';
}

export function pullAsOf(pull: PullRequest, day: Day): PullRequest | null {
  const state = pullStateAsOf(pull, day);
  if (state === null) return null;
  const upTo = (t: string | null) => (t !== null && dayOfTimestamp(t) <= day ? t : null);
  return {
    ...pull,
    state,
    mergedAt: upTo(pull.mergedAt),
    closedAt: upTo(pull.closedAt),
    // A later update is not known on `day`; its review decision is the current one, if any.
    updatedAt: upTo(pull.updatedAt) ?? pull.createdAt,
  };
}

export function datasetAsOf(dataset: Dataset, day: Day): Dataset {
  return {
    meta: dataset.meta,
    scopes: dataset.scopes.map((s) => scopeAsOf(s, day)).filter((s): s is Scope => s !== null),
    documents: dataset.documents.map((d) => documentAsOf(d, day)).filter((d): d is Document => d !== null),
    pulls: dataset.pulls.map((p) => pullAsOf(p, day)).filter((p): p is PullRequest => p !== null),
  };
}
