/**
 * A group of subjects on a day (the monitor's `group-<name>`: the accounts that share a
 * `group` value). Per scope:
 *
 * - **the worst member as the monitor ranks it**: the monitor's overview table shows a group
 *   by its worst member's result (`summary_filter` in monitor.py: the lowest `RESULT_SCORE`,
 *   fail < missing < no result at all < aborted < pass). Here each member's result is the one
 *   of the version it relies on by this tracker's timeline (./standing.ts); ties go to the
 *   more urgent member, then the name;
 * - **the tracker's own deadlines over all members**: the earliest re-test-by day, the
 *   earliest day a relied-on version turns warn or deprecated, the earliest since when one
 *   already has, each with the members it concerns;
 * - every member's own standing. A member without results in the scope stands as one with no
 *   results (non-compliant), as the monitor's detail page lists it ("No recent test results").
 */
import type { Day } from '../days/day.ts';
import type { Scope } from '../schemas/data.ts';
import { findScope } from '../scopes/scopes.ts';
import type { SubjectGroup, SubjectScope, SubjectsFile } from './schema.ts';
import { standingOf, URGENCIES, type Standing, type Urgency } from './standing.ts';

/** The monitor's scope result of a member, as `summary_filter` ranks it (`NIL`: no result for the scope at all). */
export type MonitorResult = -1 | null | 'none' | 0 | 1;
/** `RESULT_SCORE` in monitor.py: lower is worse. */
export const RESULT_SCORE: ReadonlyMap<MonitorResult, number> = new Map<MonitorResult, number>([
  [-1, 0],
  [null, 1],
  ['none', 2],
  [0, 3],
  [1, 4],
]);

export interface MemberStanding {
  subject: string;
  /** False when the monitor reported no result of this member in the scope. */
  reported: boolean;
  result: MonitorResult;
  standing: Standing;
}

export interface GroupScopeStanding {
  scopeUuid: string;
  scopeName: string;
  scopeId: string | null;
  short: string;
  day: Day;
  /** Worst first, as ranked above. */
  members: MemberStanding[];
  worst: MemberStanding;
  retestBy: { day: Day; members: string[] } | null;
  /** The earliest day a relied-on version turns warn or deprecated, which version, and whose. */
  due: (NonNullable<Standing['due']> & { version: string; members: string[] }) | null;
  /** The earliest since when a relied-on version is warn or deprecated already. */
  overdue: (NonNullable<Standing['overdue']> & { version: string; members: string[] }) | null;
  /** The most urgent member's. */
  urgency: Urgency;
}

export interface GroupStanding {
  /** `group-acme`. */
  subject: string;
  group: true;
  members: string[];
  /** Linked from the monitor's overview table, or named with `--monitor-group`. */
  linked: boolean;
  scopes: GroupScopeStanding[];
  urgency: Urgency;
}

/** The monitor's result of a member's standing: the relied-on version's, else a fail. */
export function monitorResult(s: Standing, reported: boolean): MonitorResult {
  if (!reported) return 'none';
  const r = s.reliesOn;
  if (!r) return -1;
  if (r.outcome === 'pass') return 1;
  // scs_cert_lib.py `evaluate`: a missing result decides before an aborted one.
  return r.missing.length ? null : 0;
}

const rank = (u: Urgency) => URGENCIES.indexOf(u);

/** The earliest value among members, with every member that has it. */
function earliest<T>(
  members: MemberStanding[],
  pick: (s: Standing) => T | null,
  day: (t: T) => Day,
): (T & { members: string[] }) | null {
  let best: (T & { members: string[] }) | null = null;
  for (const m of members) {
    const t = pick(m.standing);
    if (t === null) continue;
    if (best === null || day(t) < day(best)) best = { ...t, members: [m.subject] };
    else if (day(t) === day(best)) best.members.push(m.subject);
  }
  return best;
}

function emptyScope(like: SubjectScope): SubjectScope {
  return { ...like, results: [] };
}

export function groupScopeStanding(
  members: readonly string[],
  file: Pick<SubjectsFile, 'subjects'>,
  scope: SubjectScope,
  trackerScope: Scope | null,
  day: Day,
): GroupScopeStanding {
  const ranked = members
    .map((subject): MemberStanding => {
      const own = file.subjects.find((s) => s.id === subject)?.scopes.find((s) => s.uuid === scope.uuid) ?? null;
      const standing = standingOf(subject, own ?? emptyScope(scope), trackerScope, day);
      return { subject, reported: own !== null, result: monitorResult(standing, own !== null), standing };
    })
    .sort(
      (a, b) =>
        RESULT_SCORE.get(a.result)! - RESULT_SCORE.get(b.result)! ||
        rank(a.standing.urgency) - rank(b.standing.urgency) ||
        (a.subject < b.subject ? -1 : 1),
    );
  const worst = ranked[0]!;
  return {
    scopeUuid: scope.uuid,
    scopeName: worst.standing.scopeName,
    scopeId: worst.standing.scopeId,
    short: worst.standing.short,
    day,
    members: ranked,
    worst,
    retestBy: earliest(
      ranked,
      (s) => (s.retestBy ? { day: s.retestBy } : null),
      (t) => t.day,
    ),
    due: earliest(
      ranked,
      (s) => (s.due ? { ...s.due, version: s.reliesOn!.version } : null),
      (t) => t.date,
    ),
    overdue: earliest(
      ranked,
      (s) => (s.overdue ? { ...s.overdue, version: s.reliesOn!.version } : null),
      (t) => t.since,
    ),
    urgency: URGENCIES[Math.min(...ranked.map((m) => rank(m.standing.urgency)))]!,
  };
}

/** A group's standing in every scope any member has results in (by scope name). */
export function groupStanding(
  group: SubjectGroup,
  file: Pick<SubjectsFile, 'subjects'>,
  scopes: readonly Scope[],
  day: Day,
): GroupStanding {
  const byUuid = new Map<string, SubjectScope>();
  for (const s of file.subjects)
    if (group.members.includes(s.id)) for (const sc of s.scopes) if (!byUuid.has(sc.uuid)) byUuid.set(sc.uuid, sc);
  const perScope = [...byUuid.values()]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((sc) => groupScopeStanding(group.members, file, sc, findScope(scopes, sc.uuid), day));
  // Members none of which has results anywhere: the monitor shows such a group as failing.
  const urgency: Urgency = perScope.length
    ? URGENCIES[Math.min(...perScope.map((s) => rank(s.urgency)))]!
    : 'non-compliant';
  return {
    subject: group.id,
    group: true,
    members: [...group.members],
    linked: group.linked,
    scopes: perScope,
    urgency,
  };
}

export function findGroup(file: Pick<SubjectsFile, 'groups'>, name: string): SubjectGroup | null {
  const n = name.trim().toLowerCase();
  return file.groups.find((g) => g.id === name) ?? file.groups.find((g) => g.id.toLowerCase() === n) ?? null;
}

/** The groups a subject is a member of. */
export function groupsOf(file: Pick<SubjectsFile, 'groups'>, subject: string): SubjectGroup[] {
  return file.groups.filter((g) => g.members.includes(subject));
}
