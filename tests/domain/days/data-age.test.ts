import { describe, expect, it } from 'vitest';
import { dataAge, outdatedDays } from '../../../src/domain/days/data-age.ts';

describe('outdatedDays', () => {
  it('warns only past the limit: the day before, of and after the boundary', () => {
    expect(outdatedDays('2026-07-24', '2026-08-06', 14)).toBeNull();
    expect(outdatedDays('2026-07-24', '2026-08-07', 14)).toBeNull();
    expect(outdatedDays('2026-07-24', '2026-08-08', 14)).toBe(15);
  });
  it('never warns for a build day before the data (a past as-of build)', () => {
    expect(outdatedDays('2026-07-24', '2025-01-15', 14)).toBeNull();
  });
  it('counts calendar days across a month and a leap day', () => {
    expect(outdatedDays('2024-02-15', '2024-03-01', 14)).toBe(15);
  });
});

describe('dataAge', () => {
  const limits = { checked: 2, head: 14 };
  it('warns on the last check when it is known: the day before, of and after the boundary', () => {
    expect(dataAge('2026-08-21', '2026-11-29', '2026-12-01', limits).warning).toBeNull();
    expect(dataAge('2026-08-21', '2026-11-28', '2026-12-01', limits).warning).toEqual({ kind: 'checked', days: 3 });
    expect(dataAge('2026-08-21', '2026-11-30', '2026-12-01', limits)).toEqual({
      headDays: 102,
      checkedDays: 1,
      warning: null,
    });
  });
  it('a quiet upstream checked today is no warning, however old its head', () => {
    expect(dataAge('2025-01-01', '2026-12-01', '2026-12-01', limits)).toEqual({
      headDays: 699,
      checkedDays: 0,
      warning: null,
    });
  });
  it('without a known check, falls back to the age of the head', () => {
    expect(dataAge('2026-08-21', null, '2026-09-04', limits).warning).toBeNull();
    expect(dataAge('2026-08-21', null, '2026-09-05', limits).warning).toEqual({ kind: 'head', days: 15 });
  });
});
