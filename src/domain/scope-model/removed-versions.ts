/**
 * Versions that earlier revisions listed and the file no longer does. A scope page must not
 * contradict its own history: KaaS v2 was a draft from 2024-02-28 until #753 removed it, and
 * IaaS v3-orig was listed (as deprecated) in the timelines of #731 to #788. Their periods are
 * shown as announced then, marked as later removed.
 */
import { addDays, type Day } from '../days/day.ts';
import type { Revision, Scope } from '../schemas/data.ts';
import type { Validity } from '../schemas/validity.ts';
import { parseableRevisions } from '../scopes/scopes.ts';
import { sortedTimeline } from '../scopes/validity.ts';

export interface AnnouncedThen {
  /** The first and the last revision whose own timeline listed the version. */
  first: Revision;
  last: Revision;
  /** The revision after `last` that no longer listed it; null if the head still does. */
  removedBy: Revision | null;
  /** What `last`'s timeline said of it, entry by entry: `until` inclusive, null = open. */
  periods: { validity: Validity; from: Day; until: Day | null }[];
}

/** How the history listed a version, or null if no revision's timeline ever named it. */
export function announcedThen(scope: Pick<Scope, 'revisions'>, version: string): AnnouncedThen | null {
  const revisions = parseableRevisions(scope);
  const listing = revisions.filter((r) => r.timeline.some((e) => Object.hasOwn(e.versions, version)));
  if (listing.length === 0) return null;
  const last = listing[listing.length - 1]!;
  const after = revisions.slice(revisions.indexOf(last) + 1);
  const entries = sortedTimeline(last.timeline);
  const periods: AnnouncedThen['periods'] = [];
  for (const e of entries) {
    const validity: Validity = Object.hasOwn(e.versions, version) ? e.versions[version]! : 'deprecated';
    const prev = periods[periods.length - 1];
    if (prev && prev.validity === validity) continue;
    if (!prev && !Object.hasOwn(e.versions, version)) continue; // not listed yet
    if (prev) prev.until = addDays(e.date, -1);
    periods.push({ validity, from: e.date, until: null });
  }
  return { first: listing[0]!, last, removedBy: after[0] ?? null, periods };
}
