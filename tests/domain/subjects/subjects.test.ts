import { describe, expect, it } from 'vitest';
import { groupScopeStanding } from '../../../src/domain/subjects/groups.ts';
import type { SubjectResult, SubjectScope, SubjectsFile } from '../../../src/domain/subjects/schema.ts';
import { allStandings, findSubject, groupDeadlineWords, groupLine, memberLine, standingLine, subjectStanding } from '../../../src/domain/subjects/subjects.ts';
import { revision, scope } from '../../support/build-scope.ts';

// X v1 effective 2025-01-01, warn 2025-06-01, deprecated 2025-09-01; v2 effective 2025-05-01.
const tracker = scope([
  revision('2024-12-01', [
    { date: '2025-01-01', versions: { v1: 'effective' } },
    { date: '2025-05-01', versions: { v1: 'effective', v2: 'effective' } },
    { date: '2025-06-01', versions: { v1: 'warn', v2: 'effective' } },
    { date: '2025-09-01', versions: { v1: 'deprecated', v2: 'effective' } },
  ]),
]);
const monitorScope = (results: SubjectResult[]): SubjectScope => ({
  uuid: 'uuid-x',
  name: 'SCS-compatible X',
  testcases: ['a', 'b'].map((id) => ({ id, lifetime: null, description: null, url: null })),
  results,
  versions: [
    { name: 'v2', targets: [{ name: 'main', testcases: ['a', 'b'] }] },
    { name: 'v1', targets: [{ name: 'main', testcases: ['a'] }] },
  ],
});
// Checked Tuesday 2025-07-01: results expire 2025-07-14.
const r = (testcase: string, result: 1 | -1): SubjectResult => ({ testcase, result, checkedAt: '2025-07-01T10:00:00', report: null });
const DAY = '2025-07-02';

const file: SubjectsFile = {
  monitor: 'https://monitor.example.test/',
  subjects: [
    { id: 'fine-cloud', scopes: [monitorScope([r('a', 1), r('b', 1)])] },
    // b fails: relies on v1, warn since 2025-06-01.
    { id: 'old-cloud', scopes: [monitorScope([r('a', 1), r('b', -1)])] },
  ],
  groups: [
    { id: 'group-fine', members: ['fine-cloud'], linked: true },
    { id: 'group-mixed', members: ['fine-cloud', 'old-cloud', 'silent-cloud'], linked: false },
    { id: 'group-quiet', members: ['silent-cloud'], linked: false },
  ],
};

describe('subjects and groups together', () => {
  it('most urgent first, then by name, subjects and groups alike', () => {
    const all = allStandings(file, [tracker], DAY);
    expect(all.map((s) => [s.subject, s.group, s.urgency])).toEqual([
      ['group-mixed', true, 'non-compliant'],
      ['group-quiet', true, 'non-compliant'],
      ['old-cloud', false, 'overdue'],
      ['fine-cloud', false, 're-test soon'],
      ['group-fine', true, 're-test soon'],
    ]);
  });

  it('a subject is no group, whatever its name; it is found by name, case-insensitively', () => {
    expect(subjectStanding({ id: 'group-x', scopes: [] }, [tracker], DAY).group).toBe(false);
    expect(findSubject(file, ' OLD-Cloud')?.id).toBe('old-cloud');
    expect(findSubject(file, 'group-fine')).toBeNull();
  });
});

describe('the words of a group', () => {
  const g = groupScopeStanding(['fine-cloud', 'old-cloud'], file, monitorScope([]), tracker, DAY);

  it('its worst member as the monitor ranks it, then the deadlines over all members', () => {
    // Both pass a version: the overdue one ranks first.
    expect(g.worst.subject).toBe('old-cloud');
    expect(groupDeadlineWords(g)).toBe('re-test by 2025-07-13 (old-cloud, fine-cloud); v1 warn since 2025-06-01, so overdue (old-cloud); due: v1 turns deprecated on 2025-09-01 (in 61 days; old-cloud)');
    expect(groupLine(g)).toBe(`worst member old-cloud: ${standingLine(g.worst.standing)}; for the group: ${groupDeadlineWords(g)}`);
    expect(groupLine(g)).toContain('worst member old-cloud: passes X v1; results expire on 2025-07-14 (re-test by 2025-07-13); v1 warn since 2025-06-01, so overdue');
  });

  it('a member without results, and a group without live results relied on', () => {
    const quiet = groupScopeStanding(['silent-cloud'], file, monitorScope([]), tracker, DAY);
    expect(memberLine(quiet.worst)).toBe('no result in X at the monitor');
    expect(groupDeadlineWords(quiet)).toBe('no re-test day (no member relies on live results); nothing due');
    expect(groupLine(quiet)).toBe('worst member silent-cloud: no result in X at the monitor; for the group: no re-test day (no member relies on live results); nothing due');
  });
});
