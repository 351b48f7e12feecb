/**
 * Scope files before August 2024 have no `timeline`: each version carries its own dates
 * (scs-0003-v1 as first written). This derives the timeline those dates mean, so the
 * rest of the project needs one semantics only.
 *
 * - A version is `effective` from its `stabilized_at` on.
 * - `deprecated_at` is the first day it is no longer effective: upstream translated these
 *   dates exactly so when it introduced the timeline (#668: v1 `deprecated_at: 2023-10-31`
 *   became an entry of 2023-10-31 that no longer lists v1).
 * - `obsoleted_at` (its earlier name) was checked as `now > obsoleted_at` by the
 *   compliance check of that time, so the version stays effective on that day and is
 *   deprecated from the next.
 * - A version without `stabilized_at`, or before it, is in preparation: `draft`.
 *
 * Legacy files do not say since when a draft exists. The day the version first appeared in
 * the file's history (`since`, the day of that commit) stands in: a version is `draft` from
 * then until its `stabilized_at`, and not listed before (so IaaS v4, added as a draft on
 * 2023-11-30, is not a draft of 2021). Because `since` is the first appearance, not the
 * day of each commit, a later commit that changes nothing else derives the same timeline.
 */
import { addDays, type Day } from '../days/day.ts';
import type { LegacyVersion, TimelineEntry } from '../schemas/scope-file.ts';
import type { Validity } from '../schemas/validity.ts';

function endOf(v: LegacyVersion): Day | null {
  if (v.deprecated_at) return v.deprecated_at;
  if (v.obsoleted_at) return addDays(v.obsoleted_at, 1);
  return null;
}

/** The day each version first appeared (null: unknown, a draft since ever). */
export type DraftSince = (version: string) => Day | null;

/**
 * The validity a legacy version has on a day, by the rules above; `since` is the day the
 * version first appeared (null: unknown).
 */
export function legacyValidityOn(v: LegacyVersion, day: Day, since: Day | null = null): Validity {
  const end = endOf(v);
  if (end !== null && day >= end) return 'deprecated';
  if (v.stabilized_at && day >= v.stabilized_at) return 'effective';
  if (since !== null && day < since) return 'deprecated';
  return 'draft';
}

/**
 * The timeline the legacy dates mean: one entry on each day any version changes, newest
 * first. `since` gives the day each version first appeared, or one day for all of them.
 */
export function legacyTimeline(
  versions: readonly LegacyVersion[],
  since: Day | DraftSince | null = null,
): TimelineEntry[] {
  const sinceOf: DraftSince = typeof since === 'function' ? since : () => since;
  const dates = new Set<Day>();
  for (const v of versions) {
    if (v.stabilized_at) dates.add(v.stabilized_at);
    const end = endOf(v);
    if (end) dates.add(end);
    const first = sinceOf(v.version);
    if (first !== null && legacyValidityOn(v, first, first) === 'draft') dates.add(first);
  }
  return [...dates]
    .sort()
    .reverse()
    .map((date) => {
      const entry: Record<string, Validity> = {};
      for (const v of versions) {
        const validity = legacyValidityOn(v, date, sinceOf(v.version));
        if (validity !== 'deprecated') entry[v.version] = validity;
      }
      return { date, versions: entry };
    });
}
