import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/days/day.ts';
import {
  entryOn,
  periodAround,
  periodOn,
  periodsOf,
  periodsOfAll,
  sortedTimeline,
  transitionsOf,
  validitiesOn,
  validityOn,
  versionNames,
} from '../../../src/domain/scopes/validity.ts';
import type { TimelineEntry } from '../../../src/domain/schemas/scope-file.ts';

// Entries deliberately out of order: scs-0003-v1 says order does not matter.
const timeline: TimelineEntry[] = [
  { date: '2025-02-01', versions: { 'v5.1': 'effective', v4: 'warn' } },
  { date: '2024-12-19', versions: { 'v5.1': 'effective', v4: 'effective', v3: 'deprecated' } },
  { date: '2025-07-01', versions: { 'v5.1': 'effective' } },
];

/** The day before, of and after `day`, with the validity expected on each. */
function around(tl: TimelineEntry[], version: string, day: string, before: string, after: string) {
  expect(validityOn(tl, version, addDays(day, -1)), `${version} on ${addDays(day, -1)}`).toBe(before);
  expect(validityOn(tl, version, day), `${version} on ${day}`).toBe(after);
  expect(validityOn(tl, version, addDays(day, 1)), `${version} on ${addDays(day, 1)}`).toBe(after);
}

describe('validityOn (scs-0003-v1)', () => {
  it('is deprecated before the first entry, for every version', () => {
    expect(validityOn(timeline, 'v4', '2024-12-18')).toBe('deprecated');
    expect(validityOn(timeline, 'v5.1', '2024-12-18')).toBe('deprecated');
    expect(validityOn(timeline, 'v4', '1970-01-01')).toBe('deprecated');
    expect(entryOn(timeline, '2024-12-18')).toBeNull();
  });
  it('applies an entry from its own day on (day before, of, after each transition)', () => {
    around(timeline, 'v4', '2024-12-19', 'deprecated', 'effective');
    around(timeline, 'v4', '2025-02-01', 'effective', 'warn');
    around(timeline, 'v4', '2025-07-01', 'warn', 'deprecated');
    around(timeline, 'v5.1', '2024-12-19', 'deprecated', 'effective');
    expect(validityOn(timeline, 'v5.1', '2099-12-31')).toBe('effective');
  });
  it('treats a version the entry does not list as deprecated, and an unknown version too', () => {
    expect(validityOn(timeline, 'v4', '2025-07-01')).toBe('deprecated');
    expect(validityOn(timeline, 'v3', '2025-01-01')).toBe('deprecated');
    expect(validityOn(timeline, 'v9', '2025-01-01')).toBe('deprecated');
  });
  it('does not depend on entry order', () => {
    const orders = [timeline, [...timeline].reverse(), [timeline[2]!, timeline[0]!, timeline[1]!]];
    for (const day of ['2024-12-18', '2024-12-19', '2025-01-31', '2025-02-01', '2025-06-30', '2025-07-01']) {
      const answers = orders.map((tl) => validitiesOn(tl, ['v3', 'v4', 'v5.1'], day));
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[2]).toEqual(answers[0]);
    }
  });
  it('handles two entries on adjacent days', () => {
    const tl: TimelineEntry[] = [
      { date: '2024-03-02', versions: { v1: 'warn' } },
      { date: '2024-03-01', versions: { v1: 'effective' } },
    ];
    expect(validityOn(tl, 'v1', '2024-02-29')).toBe('deprecated');
    expect(validityOn(tl, 'v1', '2024-03-01')).toBe('effective');
    expect(validityOn(tl, 'v1', '2024-03-02')).toBe('warn');
    expect(validityOn(tl, 'v1', '2024-03-03')).toBe('warn');
    expect(periodsOf(tl, 'v1')).toEqual([
      { validity: 'deprecated', from: null, to: '2024-03-01' },
      { validity: 'effective', from: '2024-03-01', to: '2024-03-02' },
      { validity: 'warn', from: '2024-03-02', to: null },
    ]);
  });
  it('keeps the first entry in file order when two share a date (like the reference max())', () => {
    const tl: TimelineEntry[] = [
      { date: '2024-01-01', versions: { v1: 'effective' } },
      { date: '2024-06-01', versions: { v1: 'warn' } },
      { date: '2024-06-01', versions: { v1: 'draft' } },
    ];
    expect(validityOn(tl, 'v1', '2024-06-01')).toBe('warn');
    expect(validityOn([tl[0]!, tl[2]!, tl[1]!], 'v1', '2024-06-01')).toBe('draft');
    expect(sortedTimeline(tl).map((e) => e.versions.v1)).toEqual(['effective', 'warn']);
    expect(periodsOf(tl, 'v1').map((p) => p.validity)).toEqual(['deprecated', 'effective', 'warn']);
  });
  it('treats a version named like an object property as unlisted (toString, constructor)', () => {
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      expect(validityOn(timeline, name, '2025-03-01'), name).toBe('deprecated');
      expect(periodsOf(timeline, name), name).toEqual([{ validity: 'deprecated', from: null, to: null }]);
      expect(validitiesOn(timeline, [name], '2025-03-01'), name).toEqual([{ version: name, validity: 'deprecated' }]);
    }
  });
  it('answers for an empty timeline: deprecated forever', () => {
    expect(validityOn([], 'v1', '2024-01-01')).toBe('deprecated');
    expect(periodsOf([], 'v1')).toEqual([{ validity: 'deprecated', from: null, to: null }]);
  });
  it('gives validities in the order of the version list', () => {
    expect(validitiesOn(timeline, ['v5.1', 'v3', 'v4'], '2025-03-01')).toEqual([
      { version: 'v5.1', validity: 'effective' },
      { version: 'v3', validity: 'deprecated' },
      { version: 'v4', validity: 'warn' },
    ]);
  });
});

describe('periodsOf', () => {
  it('gives consecutive periods with exclusive ends', () => {
    expect(periodsOf(timeline, 'v4')).toEqual([
      { validity: 'deprecated', from: null, to: '2024-12-19' },
      { validity: 'effective', from: '2024-12-19', to: '2025-02-01' },
      { validity: 'warn', from: '2025-02-01', to: '2025-07-01' },
      { validity: 'deprecated', from: '2025-07-01', to: null },
    ]);
  });
  it('merges entries that do not change a version, and is open-ended at the end', () => {
    expect(periodsOf(timeline, 'v5.1')).toEqual([
      { validity: 'deprecated', from: null, to: '2024-12-19' },
      { validity: 'effective', from: '2024-12-19', to: null },
    ]);
    // v3 is listed as deprecated, then unlisted: one period throughout.
    expect(periodsOf(timeline, 'v3')).toEqual([{ validity: 'deprecated', from: null, to: null }]);
  });
  it('has each period agree with validityOn on its first and last day', () => {
    for (const version of ['v3', 'v4', 'v5.1']) {
      const periods = periodsOf(timeline, version);
      for (let i = 0; i < periods.length; i++) {
        const p = periods[i]!;
        if (i > 0) expect(p.from).toBe(periods[i - 1]!.to);
        if (p.from) expect(validityOn(timeline, version, p.from)).toBe(p.validity);
        if (p.to) expect(validityOn(timeline, version, addDays(p.to, -1))).toBe(p.validity);
        if (p.to) expect(periodOn(periods, p.to)).toBe(periods[i + 1]);
      }
    }
  });
  it('flattens periods of several versions in version order', () => {
    const all = periodsOfAll(timeline, ['v5.1', 'v4']);
    expect(all.map((p) => p.version)).toEqual(['v5.1', 'v5.1', 'v4', 'v4', 'v4', 'v4']);
  });
  it('periodOn finds the period containing a day, with to exclusive', () => {
    const periods = periodsOf(timeline, 'v4');
    expect(periodOn(periods, '2025-01-31').validity).toBe('effective');
    expect(periodOn(periods, '2025-02-01').validity).toBe('warn');
    expect(periodOn(periods, '1999-01-01').validity).toBe('deprecated');
    expect(periodOn(periods, '2999-01-01').validity).toBe('deprecated');
    expect(() => periodOn([], '2025-01-01')).toThrow(/do not cover 2025-01-01/);
  });
  it('periodAround gives the period of a day and the one after it, the day before, of and after a change', () => {
    const periods = periodsOf(timeline, 'v4');
    const around = (day: string) => {
      const { period, next } = periodAround(periods, day);
      return [period.validity, period.to, next?.validity ?? null];
    };
    expect(around('2025-01-31')).toEqual(['effective', '2025-02-01', 'warn']);
    expect(around('2025-02-01')).toEqual([
      'warn',
      periods.find((p) => p.validity === 'warn')!.to,
      periods.at(-1)!.validity,
    ]);
    expect(periodAround(periods, '2999-01-01').next).toBeNull();
  });
});

describe('transitionsOf', () => {
  it('lists each change in date order, with the previous validity', () => {
    expect(transitionsOf(timeline, ['v4', 'v5.1'])).toEqual([
      { version: 'v4', validity: 'effective', previous: 'deprecated', date: '2024-12-19', occurrence: 0 },
      { version: 'v5.1', validity: 'effective', previous: 'deprecated', date: '2024-12-19', occurrence: 0 },
      { version: 'v4', validity: 'warn', previous: 'effective', date: '2025-02-01', occurrence: 0 },
      { version: 'v4', validity: 'deprecated', previous: 'warn', date: '2025-07-01', occurrence: 0 },
    ]);
  });
  it('counts occurrences when a version turns the same validity again', () => {
    const tl: TimelineEntry[] = [
      { date: '2024-01-01', versions: { v1: 'effective' } },
      { date: '2024-02-01', versions: { v1: 'warn' } },
      { date: '2024-03-01', versions: { v1: 'effective' } },
      { date: '2024-04-01', versions: { v1: 'warn' } },
      { date: '2024-05-01', versions: {} },
    ];
    expect(transitionsOf(tl, ['v1']).map((t) => `${t.date} ${t.validity} ${t.occurrence}`)).toEqual([
      '2024-01-01 effective 0',
      '2024-02-01 warn 0',
      '2024-03-01 effective 1',
      '2024-04-01 warn 1',
      '2024-05-01 deprecated 0',
    ]);
  });
});

describe('versionNames', () => {
  it('adds names the timeline mentions that the version list lacks, in order', () => {
    expect(versionNames([{ name: 'v4' }], timeline)).toEqual(['v4', 'v5.1', 'v3']);
  });
});
