import { describe, expect, it } from 'vitest';
import {
  findGroup,
  groupScopeStanding,
  groupsOf,
  groupStanding,
  monitorResult,
  RESULT_SCORE,
} from '../../../src/domain/subjects/groups.ts';
import type { SubjectResult, SubjectScope, SubjectsFile } from '../../../src/domain/subjects/schema.ts';
import { standingOf } from '../../../src/domain/subjects/standing.ts';
import { monitorScopeX, result as r, TRACKER_X as tracker } from '../../support/build-subject.ts';

const monitorScope = (results: SubjectResult[], uuid = 'uuid-x', name = 'SCS-compatible X'): SubjectScope =>
  monitorScopeX(results, { uuid, name });
const DAY = '2025-07-02';

/** p passes v2; m misses c of v2; o fails c, so relies on v1 (warn); f fails a; z aborted c; n has no results. */
const file: SubjectsFile = {
  monitor: 'https://monitor.example.test/',
  subjects: [
    { id: 'p', scopes: [monitorScope([r('a', 1), r('b', 1), r('c', 1)])] },
    { id: 'm', scopes: [monitorScope([r('a', 1), r('b', 1)])] },
    { id: 'o', scopes: [monitorScope([r('a', 1), r('b', 1), r('c', -1)])] },
    { id: 'f', scopes: [monitorScope([r('a', -1), r('b', 1), r('c', 1)])] },
    { id: 'z', scopes: [monitorScope([r('a', 1), r('b', 1), r('c', 0)])] },
    { id: 'q', scopes: [monitorScope([r('a', 1)], 'uuid-y', 'SCS-compatible Y')] },
  ],
  groups: [
    { id: 'group-acme', members: ['m', 'p'], linked: true },
    { id: 'group-Solo', members: ['o'], linked: false },
  ],
};
const x = monitorScope([]);
const inX = (members: string[]) => groupScopeStanding(members, file, x, tracker, DAY);

describe('the monitor’s result of a member', () => {
  it('is the result of the version relied on here, ranked as summary_filter ranks it', () => {
    const of = (id: string) =>
      monitorResult(standingOf(id, file.subjects.find((s) => s.id === id)!.scopes[0]!, tracker, DAY), true);
    expect(['p', 'm', 'o', 'f', 'z'].map(of)).toEqual([1, null, 1, -1, 0]);
    expect(monitorResult(standingOf('n', x, tracker, DAY), false)).toBe('none');
    // RESULT_SCORE in monitor.py: fail < missing < no result (NIL) < aborted < pass.
    expect(([-1, null, 'none', 0, 1] as const).map((v) => RESULT_SCORE.get(v))).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('a group in one scope', () => {
  it('stands by its worst member, with the earliest re-test day among all members', () => {
    const g = inX(['p', 'm']);
    expect(g.worst.subject).toBe('m');
    expect(g.worst.result).toBeNull();
    expect(g.members.map((m) => m.subject)).toEqual(['m', 'p']);
    // b (lifetime `day`) expires 2025-07-03 for both.
    expect(g.retestBy).toEqual({ day: '2025-07-02', members: ['m', 'p'] });
    expect(g).toMatchObject({
      due: null,
      overdue: null,
      urgency: 're-test soon',
      scopeId: 'x',
      short: 'X',
      scopeName: 'SCS-compatible X',
    });
  });

  it('a member without results in the scope ranks below a pass and above a fail, and makes the group non-compliant', () => {
    const g = inX(['p', 'n']);
    expect(g.worst).toMatchObject({ subject: 'n', reported: false, result: 'none' });
    expect(g.worst.standing.reliesOn).toBeNull();
    expect(g.urgency).toBe('non-compliant');
    expect(inX(['n', 'f']).worst.subject).toBe('f');
    expect(inX(['n', 'z']).worst.subject).toBe('n');
  });

  it('ranks fail, missing, no result, aborted, pass; equal results by urgency, then name', () => {
    expect(inX(['p', 'm', 'o', 'f', 'z', 'n']).members.map((m) => m.subject)).toEqual(['f', 'm', 'n', 'z', 'o', 'p']);
    // o and p both pass; o is overdue (relies on v1, warn since 2025-06-01).
    expect(inX(['p', 'o']).worst.subject).toBe('o');
  });

  it('the earliest overdue and due among members, with the version and whose it is', () => {
    const g = inX(['p', 'o']);
    expect(g.overdue).toEqual({ validity: 'warn', since: '2025-06-01', version: 'v1', members: ['o'] });
    expect(g.due).toEqual({ validity: 'deprecated', date: '2025-09-01', daysLeft: 61, version: 'v1', members: ['o'] });
    expect(g.retestBy).toEqual({ day: '2025-07-02', members: ['o', 'p'] });
    expect(g.urgency).toBe('overdue');
  });
});

describe('a group in every scope', () => {
  it('has each scope any member has results in, by name; a member without results there ranks as none', () => {
    const g = groupStanding({ id: 'group-xy', members: ['p', 'q'], linked: false }, file, [tracker], DAY);
    expect(g).toMatchObject({
      subject: 'group-xy',
      group: true,
      members: ['p', 'q'],
      linked: false,
      urgency: 'non-compliant',
    });
    expect(g.scopes.map((s) => [s.scopeName, s.worst.subject, s.scopeId])).toEqual([
      ['SCS-compatible X', 'q', 'x'],
      // In Y, which this tracker does not know, q relies on v3 with testcases missing: worse than no result.
      ['SCS-compatible Y', 'q', null],
    ]);
    expect(g.scopes[0]!.members.map((m) => [m.subject, m.reported, m.result])).toEqual([
      ['q', false, 'none'],
      ['p', true, 1],
    ]);
    expect(g.scopes[1]!.members.map((m) => [m.subject, m.reported, m.result])).toEqual([
      ['q', true, null],
      ['p', false, 'none'],
    ]);
  });

  it('a group whose members have no results anywhere has no scopes and is non-compliant', () => {
    const g = groupStanding({ id: 'group-none', members: ['n'], linked: true }, file, [tracker], DAY);
    expect(g.scopes).toEqual([]);
    expect(g.urgency).toBe('non-compliant');
  });

  it('finds a group by its name, case-insensitively, and the groups of a member', () => {
    expect(findGroup(file, 'group-acme')?.members).toEqual(['m', 'p']);
    expect(findGroup(file, ' GROUP-solo ')?.id).toBe('group-Solo');
    expect(findGroup(file, 'acme')).toBeNull();
    expect(groupsOf(file, 'p').map((g) => g.id)).toEqual(['group-acme']);
    expect(groupsOf(file, 'f')).toEqual([]);
  });
});
