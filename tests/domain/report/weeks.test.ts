/**
 * Call weeks: from one Thursday call to the next, both days included, on their boundary days,
 * and on the snapshot (data from 2022-09-23, pull requests as of 2026-08-21).
 */
import { describe, expect, it } from 'vitest';
import { weekdayOf } from '../../../src/domain/days/day.ts';
import { callWeeks, dataStart, neighbours, omittedWeeks, reportWeeks } from '../../../src/domain/report/weeks.ts';
import { realData } from '../../support/real-data.ts';
import { MAX_REPORT_WEEKS } from '../../../src/domain/parse/caps.ts';
import type { Dataset } from '../../../src/domain/schemas/data.ts';

describe('callWeeks', () => {
  it('knows the weekday of a calendar day: 2024-11-21 was a Thursday', () => {
    expect([
      weekdayOf('2024-11-20'),
      weekdayOf('2024-11-21'),
      weekdayOf('2024-11-22'),
      weekdayOf('2024-11-24'),
    ]).toEqual([3, 4, 5, 0]);
  });
  it('runs from the previous call day to the call day, both included', () => {
    expect(callWeeks('2024-11-14', '2024-11-28')).toEqual([
      { since: '2024-11-07', until: '2024-11-14' },
      { since: '2024-11-14', until: '2024-11-21' },
      { since: '2024-11-21', until: '2024-11-28' },
    ]);
  });
  it('starts with the first call on or after the first day, and ends with the last on or before the last day', () => {
    // The day before, of and after a call day, at either end.
    expect(callWeeks('2024-11-13', '2024-11-21').map((w) => w.until)).toEqual(['2024-11-14', '2024-11-21']);
    expect(callWeeks('2024-11-15', '2024-11-21').map((w) => w.until)).toEqual(['2024-11-21']);
    expect(callWeeks('2024-11-15', '2024-11-20')).toEqual([]);
    expect(callWeeks('2024-11-15', '2024-11-22').map((w) => w.until)).toEqual(['2024-11-21']);
  });
  it('crosses a year and a leap day', () => {
    expect(callWeeks('2024-12-25', '2025-01-03').map((w) => `${w.since}..${w.until}`)).toEqual([
      '2024-12-19..2024-12-26',
      '2024-12-26..2025-01-02',
    ]);
    expect(callWeeks('2024-02-27', '2024-03-01').map((w) => w.until)).toEqual(['2024-02-29']);
  });
  it('neighbours: the week before and after, none at the ends or for a day that is no call', () => {
    const weeks = callWeeks('2024-11-14', '2024-11-28');
    expect(neighbours(weeks, '2024-11-21')).toEqual({ previous: weeks[0], next: weeks[2] });
    expect(neighbours(weeks, '2024-11-14')).toEqual({ previous: null, next: weeks[1] });
    expect(neighbours(weeks, '2024-11-28')).toEqual({ previous: weeks[1], next: null });
    expect(neighbours(weeks, '2024-11-20')).toEqual({ previous: null, next: null });
  });
});

describe('reportWeeks on the snapshot', () => {
  it('has every call week from the data’s first day to its end, the call of 2024-11-21 among them', async () => {
    const data = await realData();
    expect(dataStart(data)).toBe('2022-09-23');
    const weeks = reportWeeks(data, MAX_REPORT_WEEKS);
    expect(weeks[0]).toEqual({ since: '2022-09-22', until: '2022-09-29' });
    // pullsAsOf 2026-08-21 is a Friday: the last call the data reaches is the day before.
    expect(data.meta.pullsAsOf).toBe('2026-08-21');
    expect(weeks.at(-1)).toEqual({ since: '2026-08-13', until: '2026-08-20' });
    expect(weeks).toContainEqual({ since: '2024-11-14', until: '2024-11-21' });
    expect(weeks).toHaveLength(204);
    for (let i = 1; i < weeks.length; i++) expect(weeks[i]!.since).toBe(weeks[i - 1]!.until);
  });
  it('is empty for data with nothing in it', () => {
    expect(
      reportWeeks({ documents: [], scopes: [], pulls: [], meta: { pullsAsOf: '2026-08-21' } }, MAX_REPORT_WEEKS),
    ).toEqual([]);
  });
});

describe('reportWeeks within the cap', () => {
  const pr = (createdAt: string) => ({ createdAt }) as Dataset['pulls'][number];
  const data = { documents: [], scopes: [], pulls: [pr('2024-01-04T10:00:00Z')], meta: { pullsAsOf: '2024-02-01' } };
  it('keeps the newest weeks up to the cap and counts the older ones', () => {
    // Thursdays 2024-01-04 … 2024-02-01: five call weeks.
    expect(reportWeeks(data, MAX_REPORT_WEEKS).map((w) => w.until)).toEqual([
      '2024-01-04',
      '2024-01-11',
      '2024-01-18',
      '2024-01-25',
      '2024-02-01',
    ]);
    expect(reportWeeks(data, 5)).toHaveLength(5);
    expect(omittedWeeks(data, 5)).toEqual({ count: 0, first: null });
    expect(reportWeeks(data, 4).map((w) => w.until)).toEqual(['2024-01-11', '2024-01-18', '2024-01-25', '2024-02-01']);
    expect(omittedWeeks(data, 4)).toEqual({ count: 1, first: '2024-01-04' });
  });
  it('a pull request dated 1971 does not mean thousands of pages', () => {
    const old = { ...data, pulls: [...data.pulls, pr('1971-01-01T00:00:00Z')] };
    expect(reportWeeks(old, MAX_REPORT_WEEKS)).toHaveLength(MAX_REPORT_WEEKS);
    expect(reportWeeks(old, MAX_REPORT_WEEKS).at(-1)!.until).toBe('2024-02-01');
    expect(omittedWeeks(old, MAX_REPORT_WEEKS).count).toBeGreaterThan(2_000);
  });
});
