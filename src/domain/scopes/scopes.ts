/**
 * Questions about one scope: its timeline as it stood on a day, the timeline across all of
 * its history (pruned entries included), its version names.
 */
import type { Day } from '../days/day.ts';
import type { Revision, Scope } from '../schemas/data.ts';
import type { TimelineEntry } from '../schemas/scope-file.ts';
import { versionNames } from './validity.ts';

/** `SCS-compatible IaaS` → `IaaS`. */
export function shortName(scope: Pick<Scope, 'name'>): string {
  return scope.name.replace(/^SCS[- ]compatible\s+/i, '') || scope.name;
}

export function parseableRevisions(scope: Pick<Scope, 'revisions'>): Revision[] {
  return scope.revisions.filter((r) => r.format !== 'unparseable');
}

/** The latest parseable revision that landed on or before `day`, or null if none had yet. */
export function revisionAsOf(scope: Scope, day: Day): Revision | null {
  let found: Revision | null = null;
  for (const r of parseableRevisions(scope)) if (r.date <= day) found = r;
  return found;
}

/**
 * The timeline with pruned entries put back: scs-0003-v1 allows removing content older
 * than six months, so a revision's entries older than all of the next revision's entries,
 * and already past when that revision landed, are kept. An entry still in the future that
 * a revision drops was withdrawn, not pruned. Returns, for each parseable revision, the
 * timeline as known after it.
 */
export function accumulatedTimelines(
  scope: Pick<Scope, 'revisions'>,
): { revision: Revision; timeline: TimelineEntry[] }[] {
  const out: { revision: Revision; timeline: TimelineEntry[] }[] = [];
  let known: TimelineEntry[] = [];
  for (const revision of parseableRevisions(scope)) {
    const earliest = revision.timeline.reduce<Day | null>(
      (min, e) => (min === null || e.date < min ? e.date : min),
      null,
    );
    const kept = known.filter((e) => (earliest === null || e.date < earliest) && e.date <= revision.date);
    known = [...revision.timeline, ...kept];
    out.push({ revision, timeline: known });
  }
  return out;
}

/**
 * The timeline as it was known on `day` (null: now), pruned entries put back: after the
 * latest parseable revision that landed on or before that day, with that revision. Before the
 * first revision nothing was known: no timeline, no revision.
 */
export function timelineKnownOn(
  scope: Scope,
  day: Day | null,
): { timeline: TimelineEntry[]; revision: Revision | null } {
  if (day === null) return { timeline: fullTimeline(scope), revision: parseableRevisions(scope).at(-1) ?? null };
  const found = accumulatedTimelines(scope)
    .filter((a) => a.revision.date <= day)
    .at(-1);
  return found ? { timeline: found.timeline, revision: found.revision } : { timeline: [], revision: null };
}

/** The whole known timeline of a scope, pruned entries included. */
export function fullTimeline(scope: Pick<Scope, 'timeline' | 'revisions'>): TimelineEntry[] {
  const all = accumulatedTimelines(scope);
  if (all.length === 0) return scope.timeline;
  // The head file wins over history for the dates it lists.
  const earliest = scope.timeline.reduce<Day | null>((min, e) => (min === null || e.date < min ? e.date : min), null);
  const last = all[all.length - 1]!.timeline;
  return [...scope.timeline, ...(earliest === null ? last : last.filter((e) => e.date < earliest))];
}

/** Every version name the scope ever had, current ones first. */
export function allVersionNames(scope: Pick<Scope, 'versions' | 'timeline' | 'revisions'>): string[] {
  const names = versionNames(scope.versions, scope.timeline);
  for (const r of [...scope.revisions].reverse())
    for (const n of versionNames(r.versions, r.timeline)) if (!names.includes(n)) names.push(n);
  return names;
}

/** Find a scope by id, uuid or name (case-insensitive). */
export function findScope(scopes: readonly Scope[], key: string): Scope | null {
  const k = key.trim().toLowerCase();
  return (
    scopes.find(
      (s) =>
        s.id === k || s.uuid?.toLowerCase() === k || s.name.toLowerCase() === k || shortName(s).toLowerCase() === k,
    ) ?? null
  );
}
