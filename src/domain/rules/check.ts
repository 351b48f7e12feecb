/**
 * scs-0003-v1 checked on every revision of a scope file. Each revision is compared with the
 * one before it (the last that parsed): R2/R3 look at what it did to the timeline, R4 at the
 * stable descriptors, and R1, R5 and the advisories at the timeline it left, reported only
 * where the revision introduced them (a problem carried over is the earlier revision's).
 * Legacy revisions (before August 2024) have a timeline derived from their descriptors, not
 * written, so only R4 applies to them, and only between two legacy revisions.
 */
import { addDays, addMonths, daysBetween, type Day } from '../days/day.ts';
import { parseableRevisions } from '../scopes/scopes.ts';
import type { Revision, Scope, ScopeVersion } from '../schemas/data.ts';
import type { TimelineEntry } from '../schemas/scope-file.ts';
import { sortedTimeline } from '../scopes/validity.ts';
import { findingKey, RULES, type Finding, type RuleId } from './finding.ts';

/** Days of announcement before a vote (scs-0003-v1, Process). */
export const NOTICE_DAYS = 14;
/** The intended grace period of two effective versions: 4 to 6 weeks (scs-0003-v1, Timeline entry). */
export const OVERLAP_DAYS = { min: 28, max: 42 } as const;
/** Pruning: entries not valid for at least this many months (scs-0003-v1, Process). */
export const PRUNE_MONTHS = 6;

type Draft = { rule: RuleId; message: string; values: Record<string, string> };

/** The same calendar day `n` months earlier, or the month's last day when it has fewer days. */
export function monthsBefore(day: Day, n: number): Day {
  const month = addMonths(day, -n);
  const last = addDays(addMonths(month, 1), -1);
  const wanted = `${month.slice(0, 8)}${day.slice(8, 10)}`;
  return wanted <= last ? wanted : last;
}

/** What an entry says, `deprecated` left out: a version it does not list is deprecated anyway. */
function meaning(entry: TimelineEntry): string {
  return (
    Object.entries(entry.versions)
      .filter(([, v]) => v !== 'deprecated')
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${k} ${v}`)
      .join(', ') || 'every version deprecated'
  );
}

/** The versions an entry lets providers certify against (effective, warn), with their validity. */
const certifiable = (entry: TimelineEntry | undefined) =>
  entry === undefined
    ? ''
    : Object.entries(entry.versions)
        .filter(([, v]) => v === 'effective' || v === 'warn')
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => `${k} ${v}`)
        .join(', ');

const byDate = (timeline: readonly TimelineEntry[]) => new Map(sortedTimeline(timeline).map((e) => [e.date, e]));
const effective = (e: TimelineEntry) =>
  Object.entries(e.versions)
    .filter(([, v]) => v === 'effective')
    .map(([k]) => k)
    .sort();

/** R1, R5 and the advisories about the timeline a revision leaves. */
function stateFindings(r: Revision): Draft[] {
  const out: Draft[] = [];
  const descriptors = new Map(r.versions.map((v) => [v.name, v]));
  const sorted = sortedTimeline(r.timeline);
  const undefinedVersions = new Map<string, Day>();
  for (const e of sorted) {
    for (const [version, validity] of Object.entries(e.versions)) {
      const d = descriptors.get(version);
      if (!d) {
        if (!undefinedVersions.has(version)) undefinedVersions.set(version, e.date);
        continue;
      }
      if ((validity === 'effective' || validity === 'warn') && (d.stabilizedAt === null || d.stabilizedAt > e.date)) {
        out.push({
          rule: 'R1',
          message: `${version} is ${validity} from ${e.date}, but ${d.stabilizedAt === null ? 'has no stabilized_at' : `is stable only from ${d.stabilizedAt}`}`,
          values: { version, validity, date: e.date, stabilizedAt: d.stabilizedAt ?? 'none' },
        });
      }
    }
    const eff = effective(e);
    if (eff.length > 2)
      out.push({
        rule: 'effective-count',
        message: `${eff.length} versions effective from ${e.date}: ${eff.join(', ')}`,
        values: { date: e.date, versions: eff.join(',') },
      });
  }
  for (const [version, date] of undefinedVersions) {
    out.push({
      rule: 'R5',
      message: `the timeline names ${version} (from ${date}), which the file does not define under versions`,
      values: { version },
    });
  }
  // Runs of consecutive entries with two or more effective versions.
  for (let i = 0; i < sorted.length; i++) {
    if (effective(sorted[i]!).length < 2 || (i > 0 && effective(sorted[i - 1]!).length >= 2)) continue;
    let j = i;
    while (j < sorted.length && effective(sorted[j]!).length >= 2) j++;
    const from = sorted[i]!.date;
    const to = sorted[j]?.date ?? null;
    const days = to === null ? null : daysBetween(from, to);
    if (days === null || days < OVERLAP_DAYS.min || days > OVERLAP_DAYS.max) {
      out.push({
        rule: 'overlap',
        message:
          to === null
            ? `two versions effective from ${from} with no end announced`
            : `two versions effective from ${from} to ${addDays(to, -1)}: ${days} days, not 4 to 6 weeks`,
        values: { from, to: to ?? 'none' },
      });
    }
  }
  return out;
}

/** R2, R3 and short notice: what a revision did to the timeline of the one before. */
function changeFindings(prev: Revision, r: Revision): Draft[] {
  const out: Draft[] = [];
  const landed = r.date;
  const before = byDate(prev.timeline);
  const after = byDate(r.timeline);
  const pruned: TimelineEntry[] = [];
  for (const [date, e] of before) {
    const now = after.get(date);
    if (now !== undefined) {
      // What can be certified is what the entry promises; a draft listed or dropped promises nothing.
      if (certifiable(now) !== certifiable(e)) {
        out.push({
          rule: 'R2',
          message: `edited the entry of ${date}: ${meaning(e)} → ${meaning(now)}`,
          values: { date, before: meaning(e), after: meaning(now) },
        });
        if (date >= landed && daysBetween(landed, date) < NOTICE_DAYS) out.push(notice(date, landed));
      }
    } else if (date > landed) {
      out.push({
        rule: 'R2',
        message: `removed the entry of ${date} (${meaning(e)}), dated after it landed on ${landed}`,
        values: { date, before: meaning(e), removed: 'true' },
      });
    } else {
      pruned.push(e);
    }
  }
  const sortedAfter = sortedTimeline(r.timeline);
  for (const [date, e] of after) {
    if (before.has(date)) continue;
    if (date < landed)
      out.push({
        rule: 'R2',
        message: `added an entry dated ${date} (${meaning(e)}), before the day it landed (${landed})`,
        values: { date, after: meaning(e) },
      });
    // Only a change of what can be certified needs the vote's notice; a new draft does not.
    else if (
      daysBetween(landed, date) < NOTICE_DAYS &&
      certifiable(e) !== certifiable(sortedAfter.filter((x) => x.date < date).at(-1))
    )
      out.push(notice(date, landed));
  }
  out.push(...pruneFindings(prev, r, pruned));
  return out;
}

function notice(date: Day, landed: Day): Draft {
  const days = daysBetween(landed, date);
  return {
    rule: 'notice',
    message: `sets ${date} ${days} day${days === 1 ? '' : 's'} ahead, less than the ${NOTICE_DAYS} days of announcement`,
    values: { date, days: String(days) },
  };
}

/** R3: a deleted past entry must have ended at least six months before, and all earlier ones go with it. */
function pruneFindings(prev: Revision, r: Revision, pruned: readonly TimelineEntry[]): Draft[] {
  if (pruned.length === 0) return [];
  const out: Draft[] = [];
  const sorted = sortedTimeline(prev.timeline);
  const limit = monthsBefore(r.date, PRUNE_MONTHS);
  const kept = byDate(r.timeline);
  for (const e of pruned) {
    const next = sorted.find((x) => x.date > e.date);
    if (next === undefined || next.date > limit) {
      out.push({
        rule: 'R3',
        message:
          next === undefined
            ? `deleted the entry of ${e.date}, which was still valid`
            : `deleted the entry of ${e.date}, valid until ${addDays(next.date, -1)}: not yet ${PRUNE_MONTHS} months before ${r.date} (that is ${limit})`,
        values: { date: e.date, validUntil: next === undefined ? 'now' : addDays(next.date, -1) },
      });
    }
  }
  const latestPruned = pruned.reduce((m, e) => (e.date > m ? e.date : m), pruned[0]!.date);
  for (const [date] of kept) {
    if (date < latestPruned)
      out.push({
        rule: 'R3',
        message: `deleted the entry of ${latestPruned} but kept the earlier one of ${date}`,
        values: { date, keptBefore: latestPruned },
      });
  }
  return out;
}

const describeInclude = (v: ScopeVersion) =>
  [...v.include]
    .sort((a, b) => (a.ref < b.ref ? -1 : 1))
    .map(
      (i) =>
        `${i.ref}${
          Object.keys(i.parameters).length
            ? `(${Object.entries(i.parameters)
                .sort()
                .map(([k, x]) => `${k}=${x}`)
                .join(',')})`
            : ''
        }`,
    );

/** R4: a version that had stabilized_at in the previous revision, changed in this one. */
function descriptorFindings(prev: Revision, r: Revision): Draft[] {
  const out: Draft[] = [];
  const now = new Map(r.versions.map((v) => [v.name, v]));
  for (const old of prev.versions) {
    if (old.stabilizedAt === null) continue;
    const v = now.get(old.name);
    if (!v) continue;
    if (v.stabilizedAt !== old.stabilizedAt) {
      out.push({
        rule: 'R4',
        message: `changed stable ${old.name}: stabilized_at ${old.stabilizedAt} → ${v.stabilizedAt ?? 'none'}`,
        values: {
          version: old.name,
          field: 'stabilized_at',
          before: old.stabilizedAt,
          after: v.stabilizedAt ?? 'none',
        },
      });
    }
    const a = describeInclude(old);
    const b = describeInclude(v);
    if (a.join(' ') !== b.join(' ')) {
      const removed = a.filter((x) => !b.includes(x));
      const added = b.filter((x) => !a.includes(x));
      out.push({
        rule: 'R4',
        message: `changed stable ${old.name}'s include:${removed.length ? ` removed ${removed.join(', ')}` : ''}${added.length ? ` added ${added.join(', ')}` : ''}`,
        values: { version: old.name, field: 'include', before: a.join(' '), after: b.join(' ') },
      });
    }
  }
  return out;
}

/** Every finding of every revision of a scope, oldest revision first. */
export function checkScope(scope: Scope): Finding[] {
  const out: Finding[] = [];
  let prev: Revision | null = null;
  let prevState = new Set<string>();
  for (const r of parseableRevisions(scope)) {
    const drafts: Draft[] = [];
    // Legacy includes name modules by title, the timeline format by id: not comparable.
    if (prev && prev.format === r.format) drafts.push(...descriptorFindings(prev, r));
    if (r.format === 'timeline') {
      const state = stateFindings(r);
      drafts.push(...state.filter((d) => !prevState.has(findingKey(d))));
      prevState = new Set(state.map(findingKey));
      if (prev?.format === 'timeline') drafts.push(...changeFindings(prev, r));
    } else {
      prevState = new Set();
    }
    for (const d of drafts) {
      const rule = RULES[d.rule];
      out.push({
        ...d,
        severity: rule.severity,
        section: rule.section,
        scope: scope.id,
        commit: r.commit,
        landed: r.date,
        pr: r.pr,
      });
    }
    prev = r;
  }
  return out;
}

export function checkScopes(scopes: readonly Scope[]): Finding[] {
  return scopes.flatMap(checkScope);
}
