/**
 * Properties of the scs-0003-v1 timeline semantics ("the entry with the latest
 * `date <= day` applies; a version it does not list is `deprecated`; entries may come in
 * any order") and of the periods and legacy timelines derived from it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { legacyTimeline, legacyValidityOn } from '../../src/domain/scopes/legacy.ts';
import type { TimelineEntry } from '../../src/domain/schemas/scope-file.ts';
import type { Validity } from '../../src/domain/schemas/validity.ts';
import { periodOn, periodsOf, sortedTimeline, validityOn } from '../../src/domain/scopes/validity.ts';
import { ALL_DAYS, day, entry, legacyVersions, timeline, uniqueTimeline, VERSIONS } from './arbitraries.ts';

const RUNS = { numRuns: 200 };

/** Validity of every version on every day of the range: the whole meaning of a timeline. */
function table(t: readonly TimelineEntry[]): Validity[][] {
  return ALL_DAYS.map((d) => VERSIONS.map((v) => validityOn(t, v, d)));
}

/** The rule as scs-0003-v1 words it, written out naively, with upstream's tie rule (max() keeps the first). */
function reference(t: readonly TimelineEntry[], version: string, d: string): Validity {
  let best: TimelineEntry | null = null;
  for (const e of t) if (e.date <= d && (best === null || e.date > best.date)) best = e;
  return best?.versions[version] ?? 'deprecated';
}

describe('scs-0003-v1: order of timeline entries', () => {
  it('permuting entries with distinct dates never changes validity', () => {
    const permuted = uniqueTimeline.chain((t) =>
      fc.tuple(fc.constant(t), fc.shuffledSubarray(t, { minLength: t.length })),
    );
    fc.assert(
      fc.property(permuted, ([t, p]) => {
        expect(table(p)).toEqual(table(t));
        for (const v of VERSIONS) expect(periodsOf(p, v)).toEqual(periodsOf(t, v));
      }),
      RUNS,
    );
  });

  it('of entries with the same date, the first in file order wins (upstream max() keeps the first)', () => {
    fc.assert(
      fc.property(timeline, (t) => {
        for (const d of ALL_DAYS) for (const v of VERSIONS) expect(validityOn(t, v, d)).toBe(reference(t, v, d));
      }),
      RUNS,
    );
  });

  it('any reordering that keeps same-date entries in their file order keeps validity', () => {
    fc.assert(
      fc.property(timeline, (t) => {
        // Array.prototype.sort is stable: ties stay in file order.
        const byDate = [...t].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
        const newestFirst = [...byDate].reverse();
        const hasTies = new Set(t.map((e) => e.date)).size < t.length;
        expect(table(byDate)).toEqual(table(t));
        // Reversing the file also reverses ties: only then may validity change.
        if (!hasTies) expect(table(newestFirst)).toEqual(table(t));
      }),
      RUNS,
    );
  });

  it('a tie is decided by file order: a different first entry of the day changes the answer', () => {
    const first: TimelineEntry = { date: '2024-03-01', versions: { v4: 'effective' } };
    const second: TimelineEntry = { date: '2024-03-01', versions: { v4: 'warn' } };
    expect(validityOn([first, second], 'v4', '2024-03-01')).toBe('effective');
    expect(validityOn([second, first], 'v4', '2024-03-01')).toBe('warn');
    expect(sortedTimeline([second, first])).toEqual([second]);
  });
});

describe('scs-0003-v1: the future does not change the past', () => {
  it('an entry dated after a day never changes validity on that day', () => {
    fc.assert(
      fc.property(timeline, day, entry, fc.nat(), (t, d, e, at) => {
        fc.pre(e.date > d);
        const i = at % (t.length + 1);
        const withLater = [...t.slice(0, i), e, ...t.slice(i)];
        for (const v of VERSIONS) expect(validityOn(withLater, v, d)).toBe(validityOn(t, v, d));
      }),
      RUNS,
    );
  });
});

describe('periodsOf agrees with validityOn', () => {
  it('on every day of the range, for every version, ties included', () => {
    fc.assert(
      fc.property(timeline, (t) => {
        for (const v of VERSIONS) {
          const periods = periodsOf(t, v);
          // Consecutive, and each period differs from the one before.
          expect(periods[0]!.from).toBeNull();
          expect(periods.at(-1)!.to).toBeNull();
          for (let i = 1; i < periods.length; i++) {
            expect(periods[i]!.from).toBe(periods[i - 1]!.to);
            expect(periods[i]!.validity).not.toBe(periods[i - 1]!.validity);
          }
          for (const d of ALL_DAYS) expect(periodOn(periods, d).validity).toBe(validityOn(t, v, d));
        }
      }),
      RUNS,
    );
  });
});

describe('legacy timelines (scope files before August 2024)', () => {
  it('the derived timeline agrees with legacyValidityOn on every day, when each version has a first appearance', () => {
    const sinces = fc.tuple(...VERSIONS.map(() => day));
    fc.assert(
      fc.property(legacyVersions, sinces, (versions, since) => {
        const sinceOf = (name: string) => since[VERSIONS.indexOf(name as (typeof VERSIONS)[number])] ?? null;
        const derived = legacyTimeline(versions, sinceOf);
        for (const v of versions) {
          for (const d of ALL_DAYS)
            expect(validityOn(derived, v.version, d)).toBe(legacyValidityOn(v, d, sinceOf(v.version)));
        }
      }),
      RUNS,
    );
  });

  it('without a first appearance, they agree from the first derived entry on (before it nothing is listed)', () => {
    fc.assert(
      fc.property(legacyVersions, (versions) => {
        const derived = legacyTimeline(versions);
        const first = sortedTimeline(derived)[0]?.date;
        for (const v of versions) {
          for (const d of ALL_DAYS) {
            const expected = first !== undefined && d >= first ? legacyValidityOn(v, d) : 'deprecated';
            expect(validityOn(derived, v.version, d)).toBe(expected);
          }
        }
      }),
      RUNS,
    );
  });

  it('derives one entry per date, newest first, listing no deprecated version', () => {
    fc.assert(
      fc.property(legacyVersions, (versions) => {
        const dates = legacyTimeline(versions).map((e) => e.date);
        expect(dates).toEqual([...new Set(dates)].sort().reverse());
        for (const e of legacyTimeline(versions)) expect(Object.values(e.versions)).not.toContain('deprecated');
      }),
      RUNS,
    );
  });
});
