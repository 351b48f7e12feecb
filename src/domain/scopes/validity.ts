/**
 * Validity of scope versions over time, by scs-0003-v1 ("timeline"):
 *
 * - on a day, the timeline entry with the latest `date <= day` applies;
 * - a version that entry does not list is `deprecated`;
 * - before the first entry nothing is listed, so every version is `deprecated`;
 * - entries may come in any order.
 *
 * This mirrors the reference implementation `annotate_validity` in upstream
 * `Tests/scs_cert_lib.py`; like its `max()`, of two entries with the same date the
 * first one in the file wins.
 */
import type { Day } from '../days/day.ts';
import type { TimelineEntry } from '../schemas/scope-file.ts';
import type { Validity } from '../schemas/validity.ts';

/** The entry that applies on `day`, or null before the first entry. */
export function entryOn(timeline: readonly TimelineEntry[], day: Day): TimelineEntry | null {
  let best: TimelineEntry | null = null;
  for (const entry of timeline) {
    if (entry.date <= day && (best === null || entry.date > best.date)) best = entry;
  }
  return best;
}

/** What an entry says of a version: `deprecated` when it does not list it (own keys only). */
function listed(entry: TimelineEntry | null, version: string): Validity {
  return entry !== null && Object.hasOwn(entry.versions, version) ? entry.versions[version]! : 'deprecated';
}

/** The validity of one version on a day. */
export function validityOn(timeline: readonly TimelineEntry[], version: string, day: Day): Validity {
  return listed(entryOn(timeline, day), version);
}

/** The validity of every version on a day, in the order given. */
export function validitiesOn(
  timeline: readonly TimelineEntry[],
  versions: readonly string[],
  day: Day,
): { version: string; validity: Validity }[] {
  const entry = entryOn(timeline, day);
  return versions.map((version) => ({ version, validity: listed(entry, version) }));
}

/** A stretch of days with one validity: `from` inclusive, `to` exclusive; null = unbounded. */
export interface Period {
  validity: Validity;
  from: Day | null;
  to: Day | null;
}

/**
 * The entries in date order, one per date (the first in file order wins a tie,
 * as in the reference implementation).
 */
export function sortedTimeline(timeline: readonly TimelineEntry[]): TimelineEntry[] {
  const byDate = new Map<Day, TimelineEntry>();
  for (const entry of timeline) if (!byDate.has(entry.date)) byDate.set(entry.date, entry);
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * Consecutive periods of one version: the first starts at the beginning of time as
 * `deprecated` (nothing is listed before the first entry), and a new period starts on
 * each entry date where the validity changes.
 */
export function periodsOf(timeline: readonly TimelineEntry[], version: string): Period[] {
  const periods: Period[] = [{ validity: 'deprecated', from: null, to: null }];
  for (const entry of sortedTimeline(timeline)) {
    const validity = listed(entry, version);
    const current = periods[periods.length - 1]!;
    if (validity !== current.validity) {
      current.to = entry.date;
      periods.push({ validity, from: entry.date, to: null });
    }
  }
  return periods;
}

export interface VersionPeriod extends Period {
  version: string;
}

/** Periods of every version, flattened in version order then time. */
export function periodsOfAll(timeline: readonly TimelineEntry[], versions: readonly string[]): VersionPeriod[] {
  return versions.flatMap((version) => periodsOf(timeline, version).map((p) => ({ version, ...p })));
}

/** The period of a version that contains a day. */
export function periodOn(periods: readonly Period[], day: Day): Period {
  const found = periods.find((p) => (p.from === null || p.from <= day) && (p.to === null || day < p.to));
  if (!found) throw new Error(`periods do not cover ${day}`);
  return found;
}

/** The period that contains a day and the one after it (null: it lasts): "effective until 2025-02-01, then warn". */
export function periodAround(periods: readonly Period[], day: Day): { period: Period; next: Period | null } {
  const period = periodOn(periods, day);
  return { period, next: periods[periods.indexOf(period) + 1] ?? null };
}

/** A change of validity of a version on a day. */
export interface Transition {
  version: string;
  validity: Validity;
  previous: Validity;
  date: Day;
  /** 0 for the first time this version turns `validity`, 1 for the second, … */
  occurrence: number;
}

/** Every change of validity of the given versions, in date order. */
export function transitionsOf(timeline: readonly TimelineEntry[], versions: readonly string[]): Transition[] {
  const out: Transition[] = [];
  for (const version of versions) {
    const seen = new Map<Validity, number>();
    const periods = periodsOf(timeline, version);
    for (let i = 1; i < periods.length; i++) {
      const p = periods[i]!;
      const occurrence = seen.get(p.validity) ?? 0;
      seen.set(p.validity, occurrence + 1);
      out.push({ version, validity: p.validity, previous: periods[i - 1]!.validity, date: p.from!, occurrence });
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Version names a timeline mentions that a version list lacks, or the union of both, in order. */
export function versionNames(versions: readonly { name: string }[], timeline: readonly TimelineEntry[]): string[] {
  const names = versions.map((v) => v.name);
  for (const entry of timeline) for (const n of Object.keys(entry.versions)) if (!names.includes(n)) names.push(n);
  return names;
}
