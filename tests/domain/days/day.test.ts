import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  Day,
  daysBetween,
  dayOfTimestamp,
  eachDay,
  isDay,
  maxDay,
  utcMidnight,
  minDay,
  quarterOf,
  startOfMonth,
  startOfQuarter,
  todayOf,
  utcDayOf,
} from '../../../src/domain/days/day.ts';

describe('isDay', () => {
  it('accepts real calendar days', () => {
    for (const d of ['2024-02-29', '2000-02-29', '2023-12-31', '2024-01-01', '2021-01-01'])
      expect(isDay(d), d).toBe(true);
  });
  it('rejects impossible days and other shapes', () => {
    for (const d of [
      '2024-02-30',
      '2023-02-29',
      '1900-02-29',
      '2024-04-31',
      '2024-13-01',
      '2024-00-10',
      '2024-01-00',
      '2024-1-01',
      '24-01-01',
      '2024-01-01T00:00:00Z',
      ' 2024-01-01',
      '2024/01/01',
      '',
    ]) {
      expect(isDay(d), d).toBe(false);
    }
  });
  it('is the check behind the Day schema, with an actionable message', () => {
    expect(Day.safeParse('2024-02-29').success).toBe(true);
    const bad = Day.safeParse('2024-02-30');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('expected a calendar day YYYY-MM-DD');
  });
});

describe('todayOf', () => {
  const now = new Date('2025-01-15T23:30:00-05:00');
  it('takes SCS_TODAY when it is set, else the UTC date of now', () => {
    expect(todayOf('2024-11-21', now)).toBe('2024-11-21');
    expect(todayOf(undefined, now)).toBe('2025-01-16');
    expect(todayOf('', now)).toBe('2025-01-16');
  });
  it('refuses a value that is not a calendar day, naming it', () => {
    expect(() => todayOf('2025-13-01', now)).toThrow(
      new RangeError('SCS_TODAY "2025-13-01" is not a calendar day; expected YYYY-MM-DD'),
    );
    expect(() => todayOf('2024-02-30', now)).toThrow(RangeError);
  });
  it('refuses a day outside the range the schemas accept, naming the range', () => {
    expect(() => todayOf('9999-12-31', now)).toThrow(
      new RangeError('SCS_TODAY 9999-12-31 is out of range; expected a day from 1970-01-01 to 9000-12-31'),
    );
    expect(todayOf('9000-12-31', now)).toBe('9000-12-31');
  });
});

describe('day arithmetic', () => {
  it('starts quarters on their first month', () => {
    expect(startOfQuarter('2024-12-19')).toBe('2024-10-01');
    expect(startOfQuarter('2025-01-01')).toBe('2025-01-01');
    expect(startOfQuarter('2025-06-30')).toBe('2025-04-01');
  });

  it('names the quarter a day falls in', () => {
    expect([quarterOf('2024-03-31'), quarterOf('2024-04-01'), quarterOf('2024-12-31')]).toEqual([
      '2024-Q1',
      '2024-Q2',
      '2024-Q4',
    ]);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
    expect(addDays('2024-06-15', 0)).toBe('2024-06-15');
  });
  it('adds days across daylight-saving changes without losing or repeating a day', () => {
    // US: 2024-03-10 and 2024-11-03; EU: 2024-03-31 and 2024-10-27.
    expect(eachDay('2024-03-09', '2024-03-12')).toEqual(['2024-03-09', '2024-03-10', '2024-03-11', '2024-03-12']);
    expect(eachDay('2024-10-26', '2024-10-28')).toEqual(['2024-10-26', '2024-10-27', '2024-10-28']);
    expect(addDays('2024-03-30', 2)).toBe('2024-04-01');
    expect(addDays('2024-11-02', 2)).toBe('2024-11-04');
  });
  it('counts whole days between two days', () => {
    expect(daysBetween('2024-11-21', '2025-01-01')).toBe(41);
    expect(daysBetween('2025-01-01', '2024-11-21')).toBe(-41);
    expect(daysBetween('2024-03-09', '2024-03-11')).toBe(2);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(eachDay('2021-01-01', '2027-12-31')).toHaveLength(2556);
  });
  it('takes the day of a timestamp in the offset it was written with', () => {
    expect(dayOfTimestamp('2024-11-26T00:12:00+01:00')).toBe('2024-11-26');
    expect(dayOfTimestamp('2024-11-26T23:59:59-08:00')).toBe('2024-11-26');
    expect(dayOfTimestamp('2024-11-26T21:14:33Z')).toBe('2024-11-26');
    expect(() => dayOfTimestamp('yesterday')).toThrow(RangeError);
  });
  it('gives the UTC day of an instant', () => {
    expect(utcDayOf(new Date(Date.UTC(2024, 10, 25, 23, 30)))).toBe('2024-11-25');
    expect(utcDayOf(new Date('2024-11-26T00:30:00+01:00'))).toBe('2024-11-25');
  });
  it('does month arithmetic for axes', () => {
    expect(startOfMonth('2024-02-29')).toBe('2024-02-01');
    expect(addMonths('2024-11-15', 2)).toBe('2025-01-01');
    expect(addMonths('2024-01-31', -1)).toBe('2023-12-01');
    expect(addMonths('2024-01-01', -13)).toBe('2022-12-01');
    expect(minDay('2024-01-02', '2024-01-01')).toBe('2024-01-01');
    expect(maxDay('2024-01-02', '2024-01-01')).toBe('2024-01-02');
  });
  it('computes on years before 100 too (Date would read them as 19xx)', () => {
    expect(isDay('0048-02-29')).toBe(true);
    expect(isDay('0050-02-29')).toBe(false);
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
    expect(addDays('0048-02-28', 1)).toBe('0048-02-29');
    expect(addDays('0001-01-01', -1)).toBe('0000-12-31');
    expect(daysBetween('0099-12-31', '0100-01-01')).toBe(1);
  });
  it('refuses to compute on something that is not a day', () => {
    expect(() => addDays('2024-1-1', 1)).toThrow(RangeError);
  });
});

/**
 * Every day computation, run in a separate Node process under a given TZ. The results must
 * be the same in every zone: the furthest ahead of UTC (+14), the furthest behind (-11),
 * and one with daylight saving time.
 */
const DAY_MODULE = resolve(import.meta.dirname, '../../../src/domain/days/day.ts');
const VALIDITY_MODULE = resolve(import.meta.dirname, '../../../src/domain/scopes/validity.ts');
const STATE_MODULE = resolve(import.meta.dirname, '../../../src/domain/documents/document-state.ts');
const PROBE = `
const d = await import(${JSON.stringify(DAY_MODULE)});
const v = await import(${JSON.stringify(VALIDITY_MODULE)});
const s = await import(${JSON.stringify(STATE_MODULE)});
const tl = [{ date: '2024-03-10', versions: { v1: 'effective' } }, { date: '2024-11-03', versions: { v1: 'warn' } }];
const days = d.eachDay('2024-03-08', '2024-03-12').concat(d.eachDay('2024-10-26', '2024-11-04'), d.eachDay('2024-02-27', '2024-03-02'));
console.log(JSON.stringify({
  offset: new Date(2024, 5, 1).getTimezoneOffset(),
  days,
  added: days.map((x) => [d.addDays(x, 1), d.addDays(x, -1), d.addDays(x, 365)]),
  between: days.map((x) => d.daysBetween('2024-01-01', x)),
  valid: ['2024-02-29', '2024-02-30', '2023-02-29', '2024-03-10', '2024-11-03'].map(d.isDay),
  stamps: ['2024-11-26T00:12:00+01:00', '2024-11-26T23:59:00-08:00', '2024-03-10T02:30:00-08:00'].map(d.dayOfTimestamp),
  validity: days.map((x) => v.validityOn(tl, 'v1', x)),
  periods: v.periodsOf(tl, 'v1'),
  state: days.map((x) => s.documentStateOn({ status: 'Stable', stabilizedAt: '2024-03-10', deprecatedAt: null }, x)),
  transitions: s.documentTransitions({ status: 'Deprecated', stabilizedAt: '2024-03-10', deprecatedAt: '2024-11-03' }),
  count: d.eachDay('2021-01-01', '2027-12-31').length,
}));
`;
const NODE = resolve(import.meta.dirname, '../../../node_modules/.bin/node');

function probe(tz: string) {
  const out = execFileSync(NODE, ['--input-type=module', '-e', PROBE], {
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
  });
  return JSON.parse(out) as { offset: number } & Record<string, unknown>;
}

describe('no time zone moves a day', () => {
  const utc = probe('UTC');
  it('computes the expected days in UTC', () => {
    expect(utc.offset).toBe(0);
    expect(utc.valid).toEqual([true, false, false, true, true]);
    expect(utc.stamps).toEqual(['2024-11-26', '2024-11-26', '2024-03-10']);
    expect(utc.count).toBe(2556);
    expect((utc.validity as string[]).slice(0, 5)).toEqual([
      'deprecated',
      'deprecated',
      'effective',
      'effective',
      'effective',
    ]);
    expect((utc.days as string[]).length).toBe(20);
  });
  for (const tz of [
    'Pacific/Kiritimati',
    'America/Los_Angeles',
    'Pacific/Pago_Pago',
    'Europe/Berlin',
    'Australia/Lord_Howe',
  ]) {
    it(`gives the same answers under TZ=${tz}`, () => {
      const there = probe(tz);
      // The zone really applies in the child (Kiritimati is UTC+14: offset -840 minutes).
      if (tz === 'Pacific/Kiritimati') expect(there.offset).toBe(-840);
      if (tz === 'America/Los_Angeles') expect(there.offset).toBe(420);
      const { offset: _o, ...rest } = there;
      const { offset: _u, ...expected } = utc;
      expect(rest).toEqual(expected);
    });
  }
});

describe('utcMidnight', () => {
  it('is midnight UTC of exactly the day, years before 100 included', () => {
    expect(utcMidnight('2025-02-01').toISOString()).toBe('2025-02-01T00:00:00.000Z');
    expect(utcMidnight('2024-02-29').toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(utcMidnight('0050-01-01').toISOString()).toBe('0050-01-01T00:00:00.000Z');
  });
});
