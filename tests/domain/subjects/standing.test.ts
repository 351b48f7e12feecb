import { describe, expect, it } from 'vitest';
import { standingOf } from '../../../src/domain/subjects/standing.ts';
import { dueWords, expiryWords, reliesWords } from '../../../src/domain/subjects/subjects.ts';
import { monitorScopeX as monitorScope, result as r, TRACKER_X as tracker } from '../../support/build-subject.ts';

describe('standingOf', () => {
  it('passes only with result 1 on every testcase of main; a missing or aborted one is tentative', () => {
    const pass = standingOf('s', monitorScope([r('a', 1), r('b', 1), r('c', 1)]), tracker, '2025-07-02');
    expect(pass.reliesOn?.version).toBe('v2');
    expect(pass.reliesOn?.outcome).toBe('pass');
    expect(pass.compliant).toBe(true);
    expect(reliesWords(pass)).toBe('passes X v2');

    const missing = standingOf('s', monitorScope([r('a', 1), r('b', 1)]), tracker, '2025-07-02');
    expect(missing.reliesOn).toMatchObject({ version: 'v2', outcome: 'tentative', missing: ['c'] });
    expect(missing.compliant).toBe(false);
    expect(reliesWords(missing)).toBe('relies on X v2 (tentative: 1 testcase missing: c)');

    const aborted = standingOf('s', monitorScope([r('a', 1), r('b', 1), r('c', 0)]), tracker, '2025-07-02');
    expect(aborted.reliesOn).toMatchObject({ version: 'v2', outcome: 'tentative', aborted: ['c'] });
  });

  it('a failed testcase falls back to the older version; a draft never counts', () => {
    const on = '2025-09-02T08:00:00';
    const s = standingOf(
      's',
      monitorScope([r('a', 1, on), r('b', 1, on), r('c', -1, on), r('d', 1, on)]),
      tracker,
      '2025-09-02',
    );
    expect(s.versions.find((v) => v.version === 'v3')?.validity).toBe('draft');
    expect(s.reliesOn?.version).toBe('v1');
    expect(s.toward).toMatchObject({ version: 'v2', passed: ['a', 'b'], failed: ['c'], total: 3 });
  });

  it('non-compliant when nothing passes: progress toward the newest version in force', () => {
    const s = standingOf('s', monitorScope([r('a', -1), r('b', 1), r('c', 1)]), tracker, '2025-07-02');
    expect(s.reliesOn).toBeNull();
    expect(s.urgency).toBe('non-compliant');
    expect(s.toward).toMatchObject({ version: 'v2', passed: ['b', 'c'] });
    expect(reliesWords(s)).toMatch(/^non-compliant/);
  });

  it('due and overdue by this tracker’s timeline, on the day before, of and after each transition', () => {
    // Checked on the day itself, so that no result has expired.
    const only1Scope = (day: string) =>
      monitorScope([r('a', 1, `${day}T09:00:00`)], {
        versions: [{ name: 'v1', targets: [{ name: 'main', testcases: ['a'] }] }],
      });
    const standing = (day: string) => standingOf('s', only1Scope(day), tracker, day);
    const before = standing('2025-05-31');
    expect(before.due).toEqual({ validity: 'warn', date: '2025-06-01', daysLeft: 1 });
    expect(before.overdue).toBeNull();
    expect(before.urgency).toBe('due soon');
    expect(dueWords(before)).toBe('due: v1 turns warn on 2025-06-01 (in 1 day)');
    const on = standing('2025-06-01');
    expect(on.overdue).toEqual({ validity: 'warn', since: '2025-06-01' });
    expect(on.due).toEqual({ validity: 'deprecated', date: '2025-09-01', daysLeft: 92 });
    expect(on.urgency).toBe('overdue');
    expect(on.compliant).toBe(true);
    const after = standing('2025-09-01');
    expect(after.overdue).toEqual({ validity: 'deprecated', since: '2025-09-01' });
    expect(after.due).toBeNull();
    expect(after.compliant).toBe(false);
    expect(dueWords(after)).toBe('v1 deprecated since 2025-09-01, so overdue');
    expect(standing('2025-08-31').overdue).toEqual({ validity: 'warn', since: '2025-06-01' });
  });

  it('results expire by their lifetime: re-test by the day before the earliest expiry; expired counts as missing', () => {
    // Checked Tuesday 2025-07-01: `week` expires 2025-07-14, `day` (testcase b) 2025-07-03.
    const s = monitorScope([r('a', 1), r('b', 1), r('c', 1)]);
    const first = standingOf('s', s, tracker, '2025-07-01');
    expect(first).toMatchObject({ expires: '2025-07-03', retestBy: '2025-07-02', expiring: ['b'] });
    expect(expiryWords(first)).toBe('results expire on 2025-07-03 (re-test by 2025-07-02)');
    expect(standingOf('s', s, tracker, '2025-07-02').reliesOn?.outcome).toBe('pass');
    const expired = standingOf('s', s, tracker, '2025-07-03');
    expect(expired.reliesOn).toMatchObject({ version: 'v2', outcome: 'tentative', missing: ['b'] });
    expect(expired).toMatchObject({ expires: '2025-07-14', retestBy: '2025-07-13' });
    expect(standingOf('s', s, tracker, '2025-07-13').reliesOn?.version).toBe('v2');
    // Nothing live any more: nothing is relied on.
    expect(standingOf('s', s, tracker, '2025-07-14').reliesOn).toBeNull();
  });

  it('the newest result of a testcase counts, in whichever order the monitor lists them', () => {
    // a failed on 2025-07-01 and passed on 2025-07-02.
    const a = [r('a', -1, '2025-07-01T09:00:00'), r('a', 1, '2025-07-02T09:00:00')];
    for (const results of [
      [...a, r('b', 1, '2025-07-02T09:00:00'), r('c', 1)],
      [...a.reverse(), r('b', 1, '2025-07-02T09:00:00'), r('c', 1)],
    ]) {
      expect(standingOf('s', monitorScope(results), tracker, '2025-07-02').reliesOn).toMatchObject({
        version: 'v2',
        outcome: 'pass',
      });
    }
    // Passed on 2025-07-01, failed on 2025-07-02: failed, even when the monitor lists the pass last.
    const b = [r('b', -1, '2025-07-02T09:00:00'), r('b', 1, '2025-07-01T09:00:00')];
    const failing = standingOf('s', monitorScope([r('a', 1), ...b, r('c', 1)]), tracker, '2025-07-02');
    expect(failing.versions.find((v) => v.version === 'v2')?.failed).toEqual(['b']);
  });

  it('like the monitor with its clock set back, a result counts on a day before it was checked', () => {
    const s = monitorScope([r('a', 1), r('b', 1), r('c', 1, '2025-07-02T08:00:00')]);
    expect(standingOf('s', s, tracker, '2025-07-01').reliesOn).toMatchObject({ version: 'v2', outcome: 'pass' });
  });

  it('a scope this tracker does not know: what it passes, and that what is due is unknown', () => {
    const s = standingOf('s', monitorScope([r('a', 1), r('b', 1), r('c', 1), r('d', 1)]), null, '2025-07-02');
    expect(s.reliesOn?.version).toBe('v3');
    expect(s.reliesOn?.validity).toBeNull();
    expect(dueWords(s)).toMatch(/no timeline of SCS-compatible X/);
  });
});
