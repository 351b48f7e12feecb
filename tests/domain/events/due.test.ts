import { describe, expect, it } from 'vitest';
import { dueView, type DueView } from '../../../src/domain/events/due.ts';
import { realData } from '../../support/real-data.ts';
import type { Document, Revision, Scope } from '../../../src/domain/schemas/data.ts';
import { documentOf, scope as buildScope } from '../../support/build-scope.ts';
import type { VersionFacts } from '../../../src/domain/schemas/scope-facts.ts';
import type { TimelineEntry } from '../../../src/domain/schemas/scope-file.ts';

const snapshot = await realData();
const sha = (n: number) => String(n).padStart(40, '0');
const rev = (n: number, date: string, timeline: TimelineEntry[]): Revision => ({
  commit: sha(n),
  date,
  pr: 800 + n,
  title: `change ${n}`,
  file: 'f',
  format: 'timeline',
  error: null,
  timeline,
  versions: [
    { name: 'v5', stabilizedAt: null, include: [] },
    { name: 'v4', stabilizedAt: null, include: [] },
  ],
});
const before: TimelineEntry[] = [
  { date: '2024-11-21', versions: { v5: 'effective', v4: 'effective' } },
  { date: '2025-01-01', versions: { v5: 'effective', v4: 'warn' } },
];
const after: TimelineEntry[] = [
  { date: '2024-11-21', versions: { v5: 'effective', v4: 'effective' } },
  { date: '2025-02-01', versions: { v5: 'effective', v4: 'warn' } },
];
const revisions = [rev(1, '2024-11-21', before), rev(2, '2024-12-20', after)];
const scope = buildScope(revisions, { id: 'iaas', uuid: null, name: 'SCS-compatible IaaS', file: 'f' });
const doc = documentOf({
  id: 'scs-0214-v2',
  slug: 'x',
  file: 'Standards/scs-0214-v2-x.md',
  title: 'Node distribution',
  status: 'Stable',
  track: 'KaaS',
  stabilizedAt: '2025-01-20',
  history: [
    {
      commit: sha(7),
      date: '2024-06-17',
      pr: 524,
      status: 'Draft',
      stabilizedAt: null,
      deprecatedAt: null,
      rejectedAt: null,
    },
    {
      commit: sha(8),
      date: '2025-01-02',
      pr: 835,
      status: 'Stable',
      stabilizedAt: '2025-01-20',
      deprecatedAt: null,
      rejectedAt: null,
    },
  ],
});
const data = { scopes: [scope], documents: [doc] };

describe('dueView', () => {
  it('lists certifiable versions with since, until and what follows (with everything known)', () => {
    const v = dueView(data, '2025-01-15');
    expect(v.scopes[0]!.certifiable).toEqual([
      { version: 'v5', validity: 'effective', since: '2024-11-21', until: null, then: null },
      { version: 'v4', validity: 'effective', since: '2024-11-21', until: '2025-02-01', then: 'warn' },
    ]);
  });
  it('lists next transitions with days left, the pull request that set the date and the lead time', () => {
    const v = dueView(data, '2025-01-15');
    expect(
      v.next.map((n) => [n.date, n.daysLeft, n.version ?? n.document, n.validity ?? n.state, n.source?.pr, n.leadDays]),
    ).toEqual([
      ['2025-01-20', 5, 'scs-0214-v2', 'Stable', 835, 18],
      ['2025-02-01', 17, 'v4', 'warn', 802, 43],
    ]);
  });
  it('names the pull request that first announced a transition whose date was moved later', () => {
    const v4 = dueView(data, '2025-01-15').next.find((n) => n.version === 'v4')!;
    expect([v4.source?.pr, v4.announced?.pr]).toEqual([802, 801]);
    const doc = dueView(data, '2025-01-15').next.find((n) => n.document === 'scs-0214-v2')!;
    expect([doc.source?.pr, doc.announced?.pr]).toEqual([835, 835]);
  });
  it('includes a transition on the day itself, not the day after', () => {
    expect(dueView(data, '2025-02-01').next.map((n) => n.date)).toEqual(['2025-02-01']);
    expect(dueView(data, '2025-02-02').next).toEqual([]);
  });
  it('uses the timeline and front matter as they stood on knownOn', () => {
    const v = dueView(data, '2024-12-01', { knownOn: '2024-12-01' });
    expect(v.scopes[0]!.revision?.pr).toBe(801);
    expect(v.scopes[0]!.certifiable.find((c) => c.version === 'v4')!.until).toBe('2025-01-01');
    // scs-0214-v2 was still a Draft with no date on 2024-12-01.
    expect(v.next.map((n) => [n.date, n.version, n.source?.pr, n.leadDays])).toEqual([['2025-01-01', 'v4', 801, 41]]);
  });
  it('knows nothing before the first revision', () => {
    const v = dueView(data, '2024-01-01', { knownOn: '2024-01-01' });
    expect(v.scopes[0]!.revision).toBeNull();
    expect(v.scopes[0]!.certifiable).toEqual([]);
  });
});

describe('a scope version and its scope document', () => {
  // IaaS v5.1 is scs-0501-v5 (its body says "This is v5.1"): v5.1 effective and the document Stable on 2024-12-19 are one transition.
  const v51: Revision = {
    ...rev(3, '2024-11-01', [{ date: '2024-12-19', versions: { 'v5.1': 'effective' } }]),
    versions: [{ name: 'v5.1', stabilizedAt: null, include: [] }],
  };
  const facts: VersionFacts = {
    name: 'v5.1',
    document: 'scs-0501-v5',
    mappedBy: 'document body',
    inScopeFile: true,
    periodsFrom: 'timeline',
    periods: [],
    stabilizedAt: '2024-12-19',
    stabilizedFrom: 'document',
    standards: [],
    standardsFrom: null,
    subjectMatter: [],
    disagreements: [],
  };
  const iaas: Scope = { ...scope, versions: v51.versions, timeline: v51.timeline, revisions: [v51], facts: [facts] };
  const document = (stabilizedAt: string): Document => ({
    ...doc,
    id: 'scs-0501-v5',
    series: 'scs-0501',
    version: 'v5',
    title: 'SCS-compatible IaaS',
    track: 'Scopes',
    stabilizedAt,
    history: [
      {
        commit: sha(9),
        date: '2024-11-02',
        pr: 860,
        status: 'Stable',
        stabilizedAt,
        deprecatedAt: null,
        rejectedAt: null,
      },
    ],
  });
  const entries = (d: Document, day: string) =>
    dueView({ scopes: [iaas], documents: [d] }, day).next.map((n) => [
      n.date,
      n.kind,
      n.version,
      n.validity,
      n.document,
      n.state,
    ]);

  it('is one entry naming both when they turn on the same day, from the day before to the day of it', () => {
    for (const day of ['2024-12-18', '2024-12-19'])
      expect(entries(document('2024-12-19'), day)).toEqual([
        ['2024-12-19', 'scope', 'v5.1', 'effective', 'scs-0501-v5', 'Stable'],
      ]);
    expect(entries(document('2024-12-19'), '2024-12-20')).toEqual([]);
  });

  it('stays two entries when the days differ', () => {
    expect(entries(document('2024-12-20'), '2024-12-18')).toEqual([
      ['2024-12-19', 'scope', 'v5.1', 'effective', null, null],
      ['2024-12-20', 'document', null, null, 'scs-0501-v5', 'Stable'],
    ]);
  });
});

describe('latest: each scope’s latest certification change before the day, on the snapshot', () => {
  const brief = (v: DueView) =>
    v.latest.map(
      (t) => `${t.scopeName} ${t.version} ${t.validity} ${t.date} ${t.document ?? '-'} #${t.source?.pr} ${t.leadDays}`,
    );

  it('built on 2026-12-01: nothing ahead; IaaS v4 deprecated on 2025-07-01, 5 days after #955 set it; KaaS v1 effective', () => {
    const v = dueView(snapshot, '2026-12-01');
    expect(v.next).toEqual([]);
    // Newest first; IaaS next turning `draft` on 2025-09-09 is no certification change.
    expect(brief(v)).toEqual([
      'IaaS v4 deprecated 2025-07-01 scs-0501-v4 #955 5',
      'KaaS v1 effective 2024-11-26 scs-0502-v1 #844 0',
    ]);
    expect(v.latest[0]!.source).toEqual({ commit: expect.any(String), date: '2025-06-26', pr: 955 });
    expect(v.latest[0]!.daysLeft).toBe(-518);
  });

  it('on the day before, of and after IaaS v4 turns deprecated (2025-07-01): the change counts as latest only after it', () => {
    expect(brief(dueView(snapshot, '2025-06-30'))[0]).toBe('IaaS v4 warn 2025-02-01 - #859 43');
    expect(brief(dueView(snapshot, '2025-07-01'))[0]).toBe('IaaS v4 warn 2025-02-01 - #859 43');
    expect(dueView(snapshot, '2025-07-01').next[0]).toMatchObject({
      version: 'v4',
      validity: 'deprecated',
      daysLeft: 0,
    });
    expect(brief(dueView(snapshot, '2025-07-02'))[0]).toBe('IaaS v4 deprecated 2025-07-01 scs-0501-v4 #955 5');
  });

  it('names every change of the scope’s latest day: v5 deprecated and v5.1 effective on 2024-12-19, a day before #859', () => {
    expect(brief(dueView(snapshot, '2025-01-15'))).toEqual([
      'IaaS v5 deprecated 2024-12-19 - #859 -1',
      'IaaS v5.1 effective 2024-12-19 scs-0501-v5 #859 -1',
      'KaaS v1 effective 2024-11-26 scs-0502-v1 #844 0',
    ]);
  });

  it('as known on a day: on 2025-07-02 the scope documents did not exist yet', () => {
    const v = dueView(snapshot, '2025-07-02', { knownOn: '2025-07-02' });
    expect(v.next).toEqual([]);
    expect(brief(v)).toEqual(['IaaS v4 deprecated 2025-07-01 - #955 5', 'KaaS v1 effective 2024-11-26 - #844 0']);
    expect(dueView(snapshot, '2023-01-01', { knownOn: '2023-01-01' }).latest).toEqual([]);
  });
});
