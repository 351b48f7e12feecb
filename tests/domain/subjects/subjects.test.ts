import { describe, expect, it } from 'vitest';
import { groupScopeStanding } from '../../../src/domain/subjects/groups.ts';
import type { Subject, SubjectResult, SubjectScope, SubjectsFile } from '../../../src/domain/subjects/schema.ts';
import { standingOf } from '../../../src/domain/subjects/standing.ts';
import {
  allStandings,
  CERTIFICATE_WORDS,
  dueWords,
  expiryWords,
  findSubject,
  groupDeadlineWords,
  groupLine,
  memberLine,
  NAMED_TESTCASES,
  progressWords,
  reliesWords,
  standingLine,
  subjectStanding,
  subjectStandings,
} from '../../../src/domain/subjects/subjects.ts';
import { result as r, TRACKER_X as tracker } from '../../support/build-subject.ts';

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
    expect(groupDeadlineWords(g)).toBe(
      're-test by 2025-07-13 (old-cloud, fine-cloud); v1 warn since 2025-06-01, so overdue (old-cloud); due: v1 turns deprecated on 2025-09-01 (in 61 days; old-cloud)',
    );
    expect(groupLine(g)).toBe(
      `worst member old-cloud: ${standingLine(g.worst.standing)}; for the group: ${groupDeadlineWords(g)}`,
    );
    expect(groupLine(g)).toContain(
      'worst member old-cloud: passes X v1; results expire on 2025-07-14 (re-test by 2025-07-13); v1 warn since 2025-06-01, so overdue',
    );
  });

  it('a member without results, and a group without live results relied on', () => {
    const quiet = groupScopeStanding(['silent-cloud'], file, monitorScope([]), tracker, DAY);
    expect(memberLine(quiet.worst)).toBe('no result in X at the monitor');
    expect(groupDeadlineWords(quiet)).toBe('no re-test day (no member relies on live results); nothing due');
    expect(groupLine(quiet)).toBe(
      'worst member silent-cloud: no result in X at the monitor; for the group: no re-test day (no member relies on live results); nothing due',
    );
  });
});

/** Results checked on 2025-05-01 that live a year (until 2026-07-01); v2 needs a, b and c, v1 only a. */
function scopeWith(passing: Record<string, 1 | 0 | -1>, extra: Partial<SubjectScope> = {}): SubjectScope {
  return {
    uuid: 'uuid-x',
    name: 'SCS-compatible X',
    testcases: ['a', 'b', 'c'].map((id) => ({ id, lifetime: 'year' as const, description: null, url: null })),
    results: Object.entries(passing).map(([testcase, result]) => ({
      testcase,
      result,
      checkedAt: '2025-05-01T10:00:00',
      report: null,
    })),
    versions: [
      { name: 'v2', targets: [{ name: 'main', testcases: ['a', 'b', 'c'] }] },
      { name: 'v1', targets: [{ name: 'main', testcases: ['a'] }] },
    ],
    ...extra,
  };
}
const subject = (id: string, ...scopes: SubjectScope[]): Subject => ({ id, scopes });
const fine = scopeWith({ a: 1, b: 1, c: 1 });
// v2 fails (b), v1 passes: relied on, and warn from 2025-06-01.
const overdue = scopeWith({ a: 1, b: -1 });
const failing = scopeWith({ a: -1, b: 1 });
const standing = (s: SubjectScope, day = DAY) => standingOf('s', s, tracker, day);

describe('subjectStanding', () => {
  it('is as urgent as its most urgent scope', () => {
    const s = subjectStanding(subject('acme', fine, overdue), [tracker], DAY);
    expect(s.scopes.map((x) => x.urgency)).toEqual(['fine', 'overdue']);
    expect(s).toMatchObject({ subject: 'acme', group: false, urgency: 'overdue' });
    expect(subjectStanding(subject('acme', fine), [tracker], DAY).urgency).toBe('fine');
  });

  it('finds the tracker’s scope by the monitor’s scope uuid, and knows no timeline without it', () => {
    expect(subjectStanding(subject('acme', fine), [tracker], DAY).scopes[0]).toMatchObject({
      scopeId: 'x',
      short: 'X',
    });
    const unknown = subjectStanding(subject('acme', fine), [], DAY).scopes[0]!;
    expect(unknown).toMatchObject({ scopeId: null, short: 'X' });
    expect(unknown.reliesOn?.validity).toBeNull();
  });

  it('a subject without scopes has nothing urgent', () => {
    expect(subjectStanding(subject('empty'), [tracker], DAY)).toEqual({
      subject: 'empty',
      group: false,
      scopes: [],
      urgency: 'fine',
    });
  });
});

describe('subjectStandings', () => {
  const several: SubjectsFile = {
    monitor: 'https://monitor.example/',
    subjects: [subject('acme', fine), subject('zeta', overdue), subject('beta', overdue), subject('gx-cloud', failing)],
    groups: [],
  };
  it('lists every subject, most urgent first, then by name', () => {
    expect(subjectStandings(several, [tracker], DAY).map((s) => [s.subject, s.urgency])).toEqual([
      ['gx-cloud', 'non-compliant'],
      ['beta', 'overdue'],
      ['zeta', 'overdue'],
      ['acme', 'fine'],
    ]);
  });
  it('changes with the day: before v1 turns warn, relying on it is only due soon', () => {
    expect(subjectStandings(several, [tracker], '2025-05-31').map((s) => [s.subject, s.urgency])).toEqual([
      ['gx-cloud', 'non-compliant'],
      ['beta', 'due soon'],
      ['zeta', 'due soon'],
      ['acme', 'fine'],
    ]);
  });
});

describe('findSubject', () => {
  const cased: SubjectsFile = {
    monitor: 'https://monitor.example/',
    subjects: [subject('Acme'), subject('acme'), subject('beta-cloud')],
    groups: [],
  };
  it('by its exact name first, else ignoring case and surrounding spaces', () => {
    expect(findSubject(cased, 'acme')).toBe(cased.subjects[1]);
    expect(findSubject(cased, 'Acme')).toBe(cased.subjects[0]);
    expect(findSubject(cased, ' BETA-Cloud ')).toBe(cased.subjects[2]);
  });
  it('is null for a name no subject has', () => {
    expect(findSubject(cased, 'gamma')).toBeNull();
    expect(findSubject(cased, '')).toBeNull();
  });
});

describe('the words about a standing', () => {
  it('what it passes or relies on', () => {
    expect(reliesWords(standing(fine))).toBe('passes X v2');
    expect(reliesWords(standing(scopeWith({ a: 1, b: 1, c: 0 })))).toBe(
      'relies on X v2 (tentative: 1 testcase aborted: c)',
    );
    expect(reliesWords(standing(failing))).toBe('non-compliant: passes no version of X that is or was in force');
  });

  it('what is due: nothing, a transition ahead, overdue since a day and what comes next', () => {
    expect(dueWords(standing(fine))).toBe('nothing due');
    expect(dueWords(standing(overdue, '2025-05-31'))).toBe('due: v1 turns warn on 2025-06-01 (in 1 day)');
    expect(dueWords(standing(overdue))).toBe(
      'v1 warn since 2025-06-01, so overdue; v1 turns deprecated on 2025-09-01 (in 61 days)',
    );
    expect(dueWords(standing(overdue, '2025-09-01'))).toBe('v1 deprecated since 2025-09-01, so overdue');
  });

  it('what is due without a relied-on version: the version to pass, if there is one; unknown without a timeline', () => {
    expect(dueWords(standing(failing))).toBe('needs X v2');
    expect(dueWords(standing(scopeWith({}, { versions: [] })))).toBe('no version of X to pass');
    expect(dueWords(standingOf('s', fine, null, DAY))).toBe(
      'this tracker has no timeline of SCS-compatible X: what is due is unknown',
    );
  });

  it('when the results expire, the day before it the last to re-test', () => {
    expect(expiryWords(standing(fine))).toBe('results expire on 2026-07-01 (re-test by 2026-06-30)');
    expect(expiryWords(standing(failing))).toBe('no live results');
  });

  it('progress toward the next version: counts and gaps, failed before missing before aborted', () => {
    expect(progressWords(standing(overdue))).toBe(
      'passes 1 of 3 testcases of X v2 (effective); 1 testcase failed: b; 1 testcase missing: c',
    );
    expect(progressWords(standing(scopeWith({ a: 1, b: -1, c: 0 })))).toBe(
      'passes 1 of 3 testcases of X v2 (effective); 1 testcase failed: b; 1 testcase aborted: c',
    );
    expect(progressWords(standing(failing))).toBe(
      'passes 1 of 3 testcases of X v2 (effective); 1 testcase failed: a; 1 testcase missing: c',
    );
    // Relying on the newest version: nothing to progress toward.
    expect(progressWords(standing(fine))).toBeNull();
  });

  it(`names ${NAMED_TESTCASES} testcases, then says how many more`, () => {
    const ids = ['t1', 't2', 't3', 't4', 't5', 't6', 't7'];
    const many = scopeWith(
      {},
      {
        testcases: ids.map((id) => ({ id, lifetime: 'year', description: null, url: null })),
        versions: [{ name: 'v2', targets: [{ name: 'main', testcases: ids }] }],
      },
    );
    expect(NAMED_TESTCASES).toBe(5);
    expect(progressWords(standing(many))).toBe(
      'passes 0 of 7 testcases of X v2 (effective); 7 testcases missing: t1, t2, t3, t4, t5 and 2 more',
    );
  });

  it('one line per scope: what it relies on, when results expire, what is due', () => {
    expect(standingLine(standing(fine))).toBe(
      'passes X v2; results expire on 2026-07-01 (re-test by 2026-06-30); nothing due',
    );
    expect(standingLine(standing(failing))).toBe(
      'non-compliant: passes no version of X that is or was in force; needs X v2',
    );
  });

  it('says that the monitor publishes no certificate dates (scs-0004-v1: valid for one year)', () => {
    expect(CERTIFICATE_WORDS).toBe(
      'certificate expiry: not published (scs-0004-v1 makes a certificate valid for one year; the monitor publishes no issue dates)',
    );
  });
});
