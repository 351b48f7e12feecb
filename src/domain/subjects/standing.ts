/**
 * What a subject must do, by when, in one scope on one day: the monitor's results
 * (./schema.ts) joined with this tracker's own timeline of the scope (scs-0003-v1), never
 * the monitor's `validity`, which it computes once at start-up.
 *
 * - A version passes only when every testcase of its `main` target has a live result 1;
 *   a missing (null) or aborted (0) result makes it tentative, a failed one (-1) fails it.
 *   As in the monitor, a result has expired from the day `add_period` gives (scs-0004-v1,
 *   Regulations 2 and 3) and counts as missing from then on.
 * - The version the subject relies on is, as the monitor's winner, the newest version in
 *   force on the day (effective, warn, or deprecated after having been in force) whose result
 *   is not a fail and that has a live result at all; a draft does not count.
 */
import { addDays, daysBetween, type Day } from '../days/day.ts';
import type { Scope } from '../schemas/data.ts';
import type { Validity } from '../schemas/validity.ts';
import { fullTimeline, shortName } from '../scopes/scopes.ts';
import { periodOn, periodsOf, type Period } from '../scopes/validity.ts';
import { expiryDay } from './add-period.ts';
import type { Verdict } from './monitor-status.ts';
import type { SubjectScope, SubjectVersion } from './schema.ts';

/** A transition of the relied-on version this close is "due soon". */
export const DUE_SOON_DAYS = 90;
/** Results expiring this close make "re-test soon". */
export const RETEST_SOON_DAYS = 14;

export type Outcome = 'pass' | 'tentative' | 'fail';

export interface VersionStanding {
  version: string;
  /** By this tracker's timeline on the day; null when it does not know the scope. */
  validity: Validity | null;
  since: Day | null;
  outcome: Outcome;
  total: number;
  passed: string[];
  failed: string[];
  aborted: string[];
  /** No result, or only an expired one. */
  missing: string[];
}

export interface Standing {
  subject: string;
  scopeUuid: string;
  scopeName: string;
  /** This tracker's scope id (`iaas`) and short name, or null when `data/scopes.json` lacks the scope. */
  scopeId: string | null;
  short: string;
  day: Day;
  versions: VersionStanding[];
  reliesOn: VersionStanding | null;
  /** The relied-on version passes and is effective or warn. */
  compliant: boolean;
  /** Earliest expiry among the results the relied-on version needs, and which testcases expire then. */
  expires: Day | null;
  retestBy: Day | null;
  expiring: string[];
  /** The next day the relied-on version turns warn or deprecated. */
  due: { validity: Validity; date: Day; daysLeft: number } | null;
  /** Since when the relied-on version is warn or deprecated already. */
  overdue: { validity: Validity; since: Day } | null;
  /** Progress toward the next newer version (or, when nothing is relied on, the newest in force). */
  toward: VersionStanding | null;
  urgency: Urgency;
}

/** Most urgent first: the order of `/subjects/`. */
export const URGENCIES = ['non-compliant', 'overdue', 'due soon', 're-test soon', 'fine'] as const;
export type Urgency = (typeof URGENCIES)[number];

const inForce = (v: Validity | null) => v === 'effective' || v === 'warn';

/**
 * Per testcase, its newest result, live on `day` unless it has expired then: as the compliance
 * monitor does (`db_get_relevant_results2`: the most recent result of each testcase; then
 * `now >= add_period(checked_at, lifetime)` drops it), whatever order the results come in.
 * Like the monitor with its clock set back, a result counts on a day before it was checked.
 */
function liveResults(scope: SubjectScope, day: Day): Map<string, { result: Verdict; expires: Day }> {
  const lifetimes = new Map(scope.testcases.map((t) => [t.id, t.lifetime]));
  const newest = new Map<string, SubjectScope['results'][number]>();
  for (const r of scope.results) {
    const held = newest.get(r.testcase);
    if (!held || held.checkedAt < r.checkedAt) newest.set(r.testcase, r);
  }
  const live = new Map<string, { result: Verdict; expires: Day }>();
  for (const r of newest.values()) {
    const expires = expiryDay(r.checkedAt.slice(0, 10), lifetimes.get(r.testcase) ?? null);
    if (day < expires) live.set(r.testcase, { result: r.result, expires });
  }
  return live;
}

function mainTestcases(version: SubjectVersion): string[] {
  return version.targets.find((t) => t.name === 'main')?.testcases ?? [];
}

function versionStanding(
  version: SubjectVersion,
  live: ReturnType<typeof liveResults>,
  periods: Period[] | null,
  day: Day,
): VersionStanding {
  const testcases = mainTestcases(version);
  const by = (value: Verdict | null) => testcases.filter((t) => (live.get(t)?.result ?? null) === value);
  const [passed, failed, aborted, missing] = [by(1), by(-1), by(0), by(null)];
  // scs_cert_lib.py `evaluate`: a fail decides, then a missing, then an aborted result.
  const outcome: Outcome = failed.length ? 'fail' : missing.length || aborted.length ? 'tentative' : 'pass';
  const period = periods ? periodOn(periods, day) : null;
  return {
    version: version.name,
    validity: period?.validity ?? null,
    since: period?.from ?? null,
    outcome,
    total: testcases.length,
    passed,
    failed,
    aborted,
    missing,
  };
}

/** The standing of a subject in one scope on a day. */
export function standingOf(subject: string, scope: SubjectScope, trackerScope: Scope | null, day: Day): Standing {
  const live = liveResults(scope, day);
  const timeline = trackerScope ? fullTimeline(trackerScope) : null;
  const periodsByVersion = new Map(scope.versions.map((v) => [v.name, timeline ? periodsOf(timeline, v.name) : null]));
  const versions = scope.versions.map((v) => versionStanding(v, live, periodsByVersion.get(v.name)!, day));
  const hasBeenInForce = (name: string) =>
    (periodsByVersion.get(name) ?? []).some((p) => inForce(p.validity) && p.from !== null && p.from <= day);
  const candidates = versions.filter((v) => (timeline ? hasBeenInForce(v.version) : true));
  // A version none of whose results is live any more (all expired or never sent) is not relied on.
  const reliesOn = candidates.find((v) => v.outcome !== 'fail' && v.passed.length + v.aborted.length > 0) ?? null;

  let expires: Day | null = null;
  let expiring: string[] = [];
  if (reliesOn) {
    for (const t of reliesOn.passed.concat(reliesOn.aborted, reliesOn.failed)) {
      const e = live.get(t)!.expires;
      if (expires === null || e < expires) [expires, expiring] = [e, [t]];
      else if (e === expires) expiring.push(t);
    }
  }
  let due: Standing['due'] = null;
  let overdue: Standing['overdue'] = null;
  const periods = reliesOn ? periodsByVersion.get(reliesOn.version) : null;
  if (reliesOn && periods) {
    if (reliesOn.validity === 'warn' || reliesOn.validity === 'deprecated')
      overdue = { validity: reliesOn.validity, since: reliesOn.since! };
    const next = periods.find(
      (p) =>
        p.from !== null &&
        p.from > day &&
        (p.validity === 'warn' || p.validity === 'deprecated') &&
        p.validity !== reliesOn.validity,
    );
    if (next) due = { validity: next.validity, date: next.from!, daysLeft: daysBetween(day, next.from!) };
  }
  const index = reliesOn ? versions.indexOf(reliesOn) : -1;
  const toward = reliesOn
    ? index > 0
      ? versions[index - 1]!
      : null
    : (candidates.find((v) => inForce(v.validity)) ?? candidates[0] ?? null);
  const compliant =
    reliesOn !== null && reliesOn.outcome === 'pass' && (reliesOn.validity === null || inForce(reliesOn.validity));
  const retestBy = expires === null ? null : addDays(expires, -1);
  const urgency: Urgency = !reliesOn
    ? 'non-compliant'
    : overdue
      ? 'overdue'
      : due && due.daysLeft <= DUE_SOON_DAYS
        ? 'due soon'
        : reliesOn.outcome !== 'pass' || (retestBy !== null && daysBetween(day, retestBy) <= RETEST_SOON_DAYS)
          ? 're-test soon'
          : 'fine';
  return {
    subject,
    scopeUuid: scope.uuid,
    scopeName: scope.name,
    scopeId: trackerScope?.id ?? null,
    short: trackerScope ? shortName(trackerScope) : shortName(scope),
    day,
    versions,
    reliesOn,
    compliant,
    expires,
    retestBy,
    expiring,
    due,
    overdue,
    toward,
    urgency,
  };
}
