/** Where the pull-request data ends, and the day a view is measured on (pulls/data-end.ts). */
import { describe, expect, it } from 'vitest';
import { coverageOf, measuredDay, pullsDataEnd } from '../../../src/domain/pulls/data-end.ts';

const pull = (
  createdAt: string | null,
  updatedAt: string | null = null,
  mergedAt: string | null = null,
  closedAt: string | null = null,
) => ({ createdAt, updatedAt, mergedAt, closedAt });

describe('pullsDataEnd', () => {
  it('is the day of the newest timestamp, read off as written (no time-zone shift)', () => {
    expect(
      pullsDataEnd(
        [pull('2026-08-01T10:00:00Z', '2026-08-21T23:59:59Z'), pull('2026-08-21T17:06:47+02:00')],
        '2026-07-24',
      ),
    ).toBe('2026-08-21');
    // 00:05 at +01:00 is still the 26th, though it is the 25th in UTC.
    expect(
      pullsDataEnd(
        [pull('2024-11-20T10:00:00Z', null, '2024-11-26T00:05:00+01:00', '2024-11-26T00:05:00+01:00')],
        '2024-11-01',
      ),
    ).toBe('2024-11-26');
  });
  it('is at least the day of the upstream head (pull requests read from commit messages)', () => {
    expect(pullsDataEnd([], '2026-07-24')).toBe('2026-07-24');
    expect(pullsDataEnd([pull('2024-01-01T00:00:00Z')], '2026-07-24')).toBe('2026-07-24');
  });
});

describe('measuredDay and coverageOf', () => {
  const meta = { pullsAsOf: '2026-08-21' };
  it('measures on today, or on the data’s end when today is later', () => {
    expect(measuredDay('2026-08-20', meta)).toBe('2026-08-20');
    expect(measuredDay('2026-08-21', meta)).toBe('2026-08-21');
    expect(measuredDay('2026-08-22', meta)).toBe('2026-08-21');
    expect(measuredDay('2026-12-01', meta)).toBe('2026-08-21');
  });
  it('covers a period up to the data’s end, and none of one that starts after it', () => {
    expect(coverageOf({ since: '2026-08-15', until: '2026-08-21' }, meta)).toEqual({
      pullsAsOf: '2026-08-21',
      covered: '2026-08-21',
    });
    expect(coverageOf({ since: '2026-08-15', until: '2026-08-22' }, meta)).toEqual({
      pullsAsOf: '2026-08-21',
      covered: '2026-08-21',
    });
    expect(coverageOf({ since: '2026-08-21', until: '2026-08-27' }, meta)).toEqual({
      pullsAsOf: '2026-08-21',
      covered: '2026-08-21',
    });
    expect(coverageOf({ since: '2026-08-22', until: '2026-08-28' }, meta)).toEqual({
      pullsAsOf: '2026-08-21',
      covered: null,
    });
    expect(coverageOf({ since: '2024-11-14', until: '2024-11-21' }, meta)).toEqual({
      pullsAsOf: '2026-08-21',
      covered: '2024-11-21',
    });
  });
});
