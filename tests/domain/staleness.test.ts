import { describe, expect, it } from 'vitest';
import { staleDays } from '../../src/domain/staleness.ts';

describe('staleDays', () => {
  it('warns only past the limit: the day before, of and after the boundary', () => {
    expect(staleDays('2026-07-24', '2026-08-06', 14)).toBeNull();
    expect(staleDays('2026-07-24', '2026-08-07', 14)).toBeNull();
    expect(staleDays('2026-07-24', '2026-08-08', 14)).toBe(15);
  });
  it('never warns for a build day before the data (a past as-of build)', () => {
    expect(staleDays('2026-07-24', '2025-01-15', 14)).toBeNull();
  });
  it('counts calendar days across a month and a leap day', () => {
    expect(staleDays('2024-02-15', '2024-03-01', 14)).toBe(15);
  });
});
