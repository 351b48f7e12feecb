/**
 * All subjects and groups on a day, most urgent first (the order of `/subjects/`), and the
 * words the CLI, the pages and the feeds say about a standing, so that they say the same.
 */
import type { Day } from '../days/day.ts';
import type { Scope } from '../schemas/data.ts';
import { findScope } from '../scopes/scopes.ts';
import { groupStanding, type GroupScopeStanding, type GroupStanding, type MemberStanding } from './groups.ts';
import type { Subject, SubjectsFile } from './schema.ts';
import { standingOf, URGENCIES, type Standing, type Urgency, type VersionStanding } from './standing.ts';

export interface SubjectStanding {
  subject: string;
  /** A subject is one account; groups are ./groups.ts. */
  group: false;
  scopes: Standing[];
  urgency: Urgency;
}

export function subjectStanding(subject: Subject, scopes: readonly Scope[], day: Day): SubjectStanding {
  const standings = subject.scopes.map((s) => standingOf(subject.id, s, findScope(scopes, s.uuid), day));
  const rank = Math.min(...standings.map((s) => URGENCIES.indexOf(s.urgency)), URGENCIES.length - 1);
  return { subject: subject.id, group: false, scopes: standings, urgency: URGENCIES[rank]! };
}

const byUrgency = (a: { urgency: Urgency; subject: string }, b: { urgency: Urgency; subject: string }) =>
  URGENCIES.indexOf(a.urgency) - URGENCIES.indexOf(b.urgency) ||
  (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0);

/** Every subject, most urgent first, then by name. */
export function subjectStandings(file: SubjectsFile, scopes: readonly Scope[], day: Day): SubjectStanding[] {
  return file.subjects.map((s) => subjectStanding(s, scopes, day)).sort(byUrgency);
}

/** Every group, most urgent first, then by name. */
export function groupStandings(file: SubjectsFile, scopes: readonly Scope[], day: Day): GroupStanding[] {
  return file.groups.map((g) => groupStanding(g, file, scopes, day)).sort(byUrgency);
}

/** Subjects and groups together, most urgent first, then by name: the list of `/subjects/`. */
export function allStandings(
  file: SubjectsFile,
  scopes: readonly Scope[],
  day: Day,
): (SubjectStanding | GroupStanding)[] {
  return [...subjectStandings(file, scopes, day), ...groupStandings(file, scopes, day)].sort(byUrgency);
}

export function findSubject(file: SubjectsFile, name: string): Subject | null {
  return (
    file.subjects.find((s) => s.id === name) ??
    file.subjects.find((s) => s.id.toLowerCase() === name.trim().toLowerCase()) ??
    null
  );
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Testcase lists in words name this many, then say how many more (pages list them all). */
export const NAMED_TESTCASES = 5;

function names(ids: readonly string[]): string {
  const shown = ids.slice(0, NAMED_TESTCASES).join(', ');
  return ids.length > NAMED_TESTCASES ? `${shown} and ${ids.length - NAMED_TESTCASES} more` : shown;
}

function gaps(v: VersionStanding): string {
  const parts = [];
  if (v.failed.length) parts.push(`${plural(v.failed.length, 'testcase')} failed: ${names(v.failed)}`);
  if (v.missing.length) parts.push(`${plural(v.missing.length, 'testcase')} missing: ${names(v.missing)}`);
  if (v.aborted.length) parts.push(`${plural(v.aborted.length, 'testcase')} aborted: ${names(v.aborted)}`);
  return parts.join('; ');
}

/** What it passes or relies on: "passes IaaS v5.1", "relies on IaaS v4 (tentative: …)". */
export function reliesWords(s: Standing): string {
  const r = s.reliesOn;
  if (!r) return `non-compliant: passes no version of ${s.short} that is or was in force`;
  if (r.outcome === 'pass') return `passes ${s.short} ${r.version}`;
  return `relies on ${s.short} ${r.version} (tentative: ${gaps(r)})`;
}

/** The state of the relied-on version and what is due. */
export function dueWords(s: Standing): string {
  const r = s.reliesOn;
  if (!r) return s.toward ? `needs ${s.short} ${s.toward.version}` : `no version of ${s.short} to pass`;
  if (r.validity === null) return `this tracker has no timeline of ${s.scopeName}: what is due is unknown`;
  const next = s.due
    ? `${r.version} turns ${s.due.validity} on ${s.due.date} (in ${plural(s.due.daysLeft, 'day')})`
    : null;
  if (s.overdue)
    return `${r.version} ${s.overdue.validity} since ${s.overdue.since}, so overdue${next ? `; ${next}` : ''}`;
  return next ? `due: ${next}` : 'nothing due';
}

/** When the results expire: "results expire on 2026-12-14 (re-test by 2026-12-13)". */
export function expiryWords(s: Standing): string {
  if (!s.expires || !s.retestBy) return 'no live results';
  return `results expire on ${s.expires} (re-test by ${s.retestBy})`;
}

/** "passes 38 of 54 testcases of v5.1". */
export function progressWords(s: Standing): string | null {
  const t = s.toward;
  if (!t) return null;
  const state = t.validity ? ` (${t.validity})` : '';
  return `passes ${t.passed.length} of ${plural(t.total, 'testcase')} of ${s.short} ${t.version}${state}${t.outcome === 'pass' ? '' : `; ${gaps(t)}`}`;
}

/** scs-0004-v1: a certificate is valid for one year, but the monitor publishes no issue dates. */
export const CERTIFICATE_WORDS =
  'certificate expiry: not published (scs-0004-v1 makes a certificate valid for one year; the monitor publishes no issue dates)';

/** One line per scope: the answer of `scs-timeline subject` and of `/subjects/`. */
export function standingLine(s: Standing): string {
  return [reliesWords(s), s.reliesOn ? expiryWords(s) : null, dueWords(s)].filter((x) => x !== null).join('; ');
}

/** A member's standing in a group's scope, in one line. */
export function memberLine(m: MemberStanding): string {
  return m.reported ? standingLine(m.standing) : `no result in ${m.standing.short} at the monitor`;
}

/** The tracker's deadlines over all members: "re-test by 2026-12-13 (acme-cloud); nothing due". */
export function groupDeadlineWords(g: GroupScopeStanding): string {
  const who = (members: string[]) => members.join(', ');
  const parts = [
    g.retestBy
      ? `re-test by ${g.retestBy.day} (${who(g.retestBy.members)})`
      : 'no re-test day (no member relies on live results)',
  ];
  if (g.overdue)
    parts.push(
      `${g.overdue.version} ${g.overdue.validity} since ${g.overdue.since}, so overdue (${who(g.overdue.members)})`,
    );
  if (g.due)
    parts.push(
      `due: ${g.due.version} turns ${g.due.validity} on ${g.due.date} (in ${plural(g.due.daysLeft, 'day')}; ${who(g.due.members)})`,
    );
  if (!g.overdue && !g.due) parts.push('nothing due');
  return parts.join('; ');
}

/** One line per scope of a group: its worst member as the monitor ranks it, then the deadlines over all members. */
export function groupLine(g: GroupScopeStanding): string {
  return `worst member ${g.worst.subject}: ${memberLine(g.worst)}; for the group: ${groupDeadlineWords(g)}`;
}
