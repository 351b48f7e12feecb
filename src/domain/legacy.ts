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
 * Legacy files do not say since when a draft exists; the file's own date (`since`, the day
 * of the commit) stands in when no other date precedes it, so a file of drafts only says
 * "draft" rather than nothing.
 */
import { addDays, type Day } from './day.ts';
import type { LegacyVersion, TimelineEntry } from './schemas/scope-file.ts';
import type { Validity } from './schemas/validity.ts';

function endOf(v: LegacyVersion): Day | null {
  if (v.deprecated_at) return v.deprecated_at;
  if (v.obsoleted_at) return addDays(v.obsoleted_at, 1);
  return null;
}

/** The validity a legacy version has on a day, by the rules above. */
export function legacyValidityOn(v: LegacyVersion, day: Day): Validity {
  const end = endOf(v);
  if (end !== null && day >= end) return 'deprecated';
  if (v.stabilized_at && day >= v.stabilized_at) return 'effective';
  return 'draft';
}

/** The timeline the legacy dates mean: one entry on each day any version changes, newest first. */
export function legacyTimeline(versions: readonly LegacyVersion[], since: Day | null = null): TimelineEntry[] {
  const dates = new Set<Day>();
  for (const v of versions) {
    if (v.stabilized_at) dates.add(v.stabilized_at);
    const end = endOf(v);
    if (end) dates.add(end);
  }
  if (since !== null && ![...dates].some((d) => d <= since)) dates.add(since);
  return [...dates]
    .sort()
    .reverse()
    .map((date) => {
      const entry: Record<string, Validity> = {};
      for (const v of versions) {
        const validity = legacyValidityOn(v, date);
        if (validity !== 'deprecated') entry[v.version] = validity;
      }
      return { date, versions: entry };
    })
    .filter((entry) => entry.date !== since || Object.keys(entry.versions).length > 0);
}
