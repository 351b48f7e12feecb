import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eachDay } from '../../../src/domain/days/day.ts';
import { expiryDay, Lifetime } from '../../../src/domain/subjects/add-period.ts';
import { HAVE_SNAPSHOT, snapshotClone } from '../../support/snapshot.ts';

describe('expiryDay (add_period of scs_cert_lib.py)', () => {
  it('week, the default: midnight of the Monday after the check day + 7 days', () => {
    // 2026-11-30 is a Monday: checks Monday to Sunday of that week all expire on 2026-12-14.
    expect(expiryDay('2026-11-29', null)).toBe('2026-12-07');
    expect(expiryDay('2026-11-30', null)).toBe('2026-12-14');
    expect(expiryDay('2026-12-01', null)).toBe('2026-12-14');
    expect(expiryDay('2026-12-01', 'week')).toBe('2026-12-14');
    expect(expiryDay('2026-12-06', 'week')).toBe('2026-12-14');
    expect(expiryDay('2026-12-07', 'week')).toBe('2026-12-21');
  });
  it('day: two days on', () => {
    expect(expiryDay('2026-12-31', 'day')).toBe('2027-01-02');
    expect(expiryDay('2024-02-28', 'day')).toBe('2024-03-01');
    expect(expiryDay('2025-02-28', 'day')).toBe('2025-03-02');
  });
  it('month: the first of the month after next, across the year end', () => {
    expect(expiryDay('2026-10-31', 'month')).toBe('2026-12-01');
    expect(expiryDay('2026-11-01', 'month')).toBe('2027-01-01');
    expect(expiryDay('2026-12-01', 'month')).toBe('2027-02-01');
    expect(expiryDay('2027-01-01', 'month')).toBe('2027-03-01');
  });
  it('quarter: the first day of the quarter after next', () => {
    expect(expiryDay('2026-03-31', 'quarter')).toBe('2026-07-01');
    expect(expiryDay('2026-04-01', 'quarter')).toBe('2026-10-01');
    expect(expiryDay('2026-06-30', 'quarter')).toBe('2026-10-01');
    expect(expiryDay('2026-07-01', 'quarter')).toBe('2027-01-01');
    expect(expiryDay('2026-09-30', 'quarter')).toBe('2027-01-01');
    expect(expiryDay('2026-10-01', 'quarter')).toBe('2027-04-01');
  });
  it('year: the first of the month after next, a year on', () => {
    expect(expiryDay('2026-10-31', 'year')).toBe('2027-12-01');
    expect(expiryDay('2026-11-01', 'year')).toBe('2028-01-01');
    expect(expiryDay('2026-12-31', 'year')).toBe('2028-02-01');
  });
});

describe.skipIf(!HAVE_SNAPSHOT)('expiryDay agrees with upstream add_period on every day of 2024–2028', () => {
  it('for every lifetime', () => {
    const lib = readFileSync(join(snapshotClone(), 'Tests/scs_cert_lib.py'), 'utf8');
    // The function itself, taken from upstream's file (the module imports packages we do not need).
    const source = /^def add_period\(.*?(?=^\S)/ms.exec(lib)?.[0];
    expect(source, 'add_period in Tests/scs_cert_lib.py').toBeTruthy();
    const days = eachDay('2024-01-01', '2028-12-31');
    const script = [
      'import sys, json',
      'from datetime import datetime, timedelta',
      source!,
      'days = json.loads(sys.stdin.read())',
      'out = {}',
      'for p in [None, "day", "week", "month", "quarter", "year"]:',
      '    out[str(p)] = [add_period(datetime.fromisoformat(d + "T13:45:00"), p).isoformat() for d in days]',
      'print(json.dumps(out))',
    ].join('\n');
    const reference = JSON.parse(
      execFileSync('python3', ['-c', script], { input: JSON.stringify(days), maxBuffer: 64 * 1024 * 1024 }).toString(),
    ) as Record<string, string[]>;
    for (const lifetime of [null, ...Lifetime.options]) {
      const theirs = reference[lifetime ?? 'None']!;
      const ours = days.map((d) => `${expiryDay(d, lifetime)}T00:00:00`);
      expect(theirs, 'reference answered').toHaveLength(days.length);
      expect(ours, lifetime ?? 'None').toEqual(theirs);
    }
  });
});
