/**
 * What each revision of a scope file changed in its timeline, in words: "v4 `warn` moved
 * from 2025-01-01 to 2025-02-01". Revisions are compared with the timeline as known before
 * them, pruned entries put back (scopes.ts), so pruning old entries (scs-0003-v1 allows it
 * after six months) is not reported as a withdrawal.
 */
import { daysBetween, type Day } from '../days/day.ts';
import { accumulatedTimelines, allVersionNames } from '../scopes/scopes.ts';
import type { Provenance, Revision, Scope } from '../schemas/data.ts';
import type { Validity } from '../schemas/validity.ts';
import { transitionsOf } from '../scopes/validity.ts';

/** One transition whose date a revision set, moved or withdrew. */
export interface TimelineChange {
  kind: 'announced' | 'moved' | 'withdrawn';
  version: string;
  validity: Validity;
  /** 0 for the first time the version turns `validity`, 1 for the second, … */
  occurrence: number;
  /** The day the transition now takes effect (null when withdrawn). */
  date: Day | null;
  /** The day it had before (null when newly announced). */
  previous: Day | null;
  /** Days from the revision to `date`; negative when the date was already past. */
  leadDays: number | null;
}

export interface RevisionChanges {
  revision: Revision;
  changes: TimelineChange[];
  versionsAdded: string[];
  versionsRemoved: string[];
  /** The first parseable revision imports the timeline rather than changing it. */
  initial: boolean;
}

/** A transition's identity across revisions (kept when its date moves), as in events.ts. */
export function transitionKey(t: { version: string; validity: string; occurrence: number }): string {
  return `${t.version}/${t.validity}${t.occurrence > 0 ? `/${t.occurrence + 1}` : ''}`;
}

export function provenanceOf(r: Pick<Revision, 'commit' | 'date' | 'pr'>): Provenance {
  return { commit: r.commit, date: r.date, pr: r.pr };
}

/** Every revision of a scope (oldest first) with the transitions it changed. */
export function revisionChanges(scope: Scope): RevisionChanges[] {
  const versions = allVersionNames(scope);
  const accumulated = new Map(accumulatedTimelines(scope).map((a) => [a.revision, a.timeline]));
  const out: RevisionChanges[] = [];
  let before = new Map<string, { version: string; validity: Validity; occurrence: number; date: Day }>();
  let versionsBefore: string[] | null = null;
  for (const revision of scope.revisions) {
    const timeline = accumulated.get(revision);
    if (!timeline) {
      out.push({ revision, changes: [], versionsAdded: [], versionsRemoved: [], initial: false });
      continue;
    }
    const now = new Map(transitionsOf(timeline, versions).map((t) => [transitionKey(t), t]));
    const changes: TimelineChange[] = [];
    for (const [key, t] of now) {
      const prev = before.get(key);
      if (prev?.date === t.date) continue;
      changes.push({
        kind: prev ? 'moved' : 'announced',
        version: t.version,
        validity: t.validity,
        occurrence: t.occurrence,
        date: t.date,
        previous: prev?.date ?? null,
        leadDays: daysBetween(revision.date, t.date),
      });
    }
    for (const [key, prev] of before) {
      if (now.has(key)) continue;
      changes.push({
        kind: 'withdrawn',
        version: prev.version,
        validity: prev.validity,
        occurrence: prev.occurrence,
        date: null,
        previous: prev.date,
        leadDays: null,
      });
    }
    changes.sort((a, b) => {
      const da = a.date ?? a.previous ?? '';
      const db = b.date ?? b.previous ?? '';
      return da < db ? -1 : da > db ? 1 : a.version < b.version ? -1 : a.version > b.version ? 1 : 0;
    });
    const names = revision.versions.map((v) => v.name);
    out.push({
      revision,
      changes,
      versionsAdded: versionsBefore === null ? [] : names.filter((n) => !versionsBefore!.includes(n)),
      versionsRemoved: versionsBefore === null ? [] : versionsBefore.filter((n) => !names.includes(n)),
      initial: versionsBefore === null,
    });
    before = new Map(
      [...now].map(([k, t]) => [
        k,
        { version: t.version, validity: t.validity, occurrence: t.occurrence, date: t.date },
      ]),
    );
    versionsBefore = names;
  }
  return out;
}

const nth = (occurrence: number) => (occurrence > 0 ? ` (${occurrence + 1}. time)` : '');

/** One change in words, with validities in backticks: "v4 `warn` moved from 2025-01-01 to 2025-02-01". */
export function describeChange(c: TimelineChange): string {
  const what = `${c.version} \`${c.validity}\`${nth(c.occurrence)}`;
  switch (c.kind) {
    case 'announced':
      return `${what} on ${c.date}`;
    case 'moved':
      return `${what} moved from ${c.previous} to ${c.date}`;
    case 'withdrawn':
      return `${what} on ${c.previous} withdrawn`;
  }
}

/** Lead time in words: "48 days ahead", "on the day", "12 days after the fact". */
export function describeLead(days: number | null): string {
  if (days === null) return '—';
  if (days === 0) return 'on the day';
  if (days > 0) return `${days} day${days === 1 ? '' : 's'} ahead`;
  return `${-days} day${days === -1 ? '' : 's'} after the fact`;
}

/** For each transition key, the revision that last set its date on or before `day` (all, if null). */
export function lastSetters(
  all: readonly RevisionChanges[],
  day: Day | null,
): Map<string, { at: Provenance; date: Day }> {
  const out = new Map<string, { at: Provenance; date: Day }>();
  for (const rc of all) {
    if (day !== null && rc.revision.date > day) break;
    for (const c of rc.changes) {
      const key = transitionKey(c);
      if (c.date === null) out.delete(key);
      else out.set(key, { at: provenanceOf(rc.revision), date: c.date });
    }
  }
  return out;
}

/**
 * For each transition key, the revision that first announced it (any date) on or before
 * `day` (all, if null); a withdrawal forgets it, so a later announcement is a first again.
 */
export function firstAnnouncers(all: readonly RevisionChanges[], day: Day | null): Map<string, Provenance> {
  const out = new Map<string, Provenance>();
  for (const rc of all) {
    if (day !== null && rc.revision.date > day) break;
    for (const c of rc.changes) {
      const key = transitionKey(c);
      if (c.date === null) out.delete(key);
      else if (!out.has(key)) out.set(key, provenanceOf(rc.revision));
    }
  }
  return out;
}
