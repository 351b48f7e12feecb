/** What is coming beside what is due, on the project's data (the snapshot; data ends on 2026-08-21). */
import { describe, expect, it } from 'vitest';
import { dueView } from '../../../src/domain/events/due.ts';
import { comingView, hasComing } from '../../../src/domain/report/coming.ts';
import type { Dataset } from '../../../src/domain/schemas/data.ts';
import { buildPull } from '../../support/build-pull.ts';
import { realData } from '../../support/real-data.ts';

const data = await realData();
const home = (today: string, d: Dataset = data) => comingView(d, dueView(d, today));
const asOf = (day: string) => comingView(data, dueView(data, day, { knownOn: day }));

describe('comingView', () => {
  it('built on 2026-12-01 (home): nothing announced; IaaS next in preparation; the latest changes with their notice', () => {
    const c = home('2026-12-01');
    expect(c.nothingAhead).toBe(true);
    expect(hasComing(c)).toBe(true);
    expect(c.drafts.map((r) => r.label)).toEqual(['IaaS next']);
    // What next includes beyond v5.1 (scs-0102-v2, scs-0123-v2) and scs-0128-v1 are not Stable; no pull request open on them.
    expect(c.drafts[0]!.notStable).toEqual(['scs-0102-v2', 'scs-0123-v2', 'scs-0128-v1']);
    expect(c.drafts[0]!.words).toBe(
      'IaaS next: scs-0100-v3, scs-0101-v1, scs-0103-v1, scs-0104-v1, scs-0114-v1, scs-0115-v1, scs-0116-v1, scs-0117-v1, scs-0121-v1 and scs-0302-v1 Stable; scs-0102-v2 Draft, no pull request open; scs-0123-v2 Draft, no pull request open; scs-0128-v1 Draft, no pull request open',
    );
    expect(c.latest.map((t) => [t.scope, t.version, t.validity, t.date, t.source?.pr, t.leadDays])).toEqual([
      ['iaas', 'v4', 'deprecated', '2025-07-01', 955, 5],
      ['kaas', 'v1', 'effective', '2024-11-26', 844, 0],
    ]);
    // Past the data's end: readiness counts the pull requests open on 2026-08-21, and says so.
    expect(c).toMatchObject({ day: '2026-12-01', dataEnd: '2026-08-21', pastDataEnd: true, horizonDays: 365 });
    expect(c.drafts[0]!.pullsAsOf).toBe('2026-08-21');
  });

  it('on the data’s last day, the day after and the day before: past its end only from 2026-08-22', () => {
    expect(home('2026-08-20').pastDataEnd).toBe(false);
    expect(home('2026-08-21').pastDataEnd).toBe(false);
    expect(home('2026-08-22').pastDataEnd).toBe(true);
  });

  it('on 2025-01-15 (the e2e build day): transitions ahead and no draft version, so nothing to add', () => {
    const c = home('2025-01-15');
    expect(c).toMatchObject({ nothingAhead: false, drafts: [], latest: [] });
    expect(hasComing(c)).toBe(false);
  });

  it('as known on 2024-11-21: transitions ahead, and KaaS v1 in preparation alongside, as on the SIG slide', () => {
    const c = asOf('2024-11-21');
    expect(c.nothingAhead).toBe(false);
    expect(c.latest).toEqual([]); // the next transitions say what changes; the latest change is not needed
    expect(c.drafts.map((r) => r.words)).toEqual([
      'KaaS v1: scs-0210-v2 and scs-0219-v1 Stable, CNCF Kubernetes conformance (external test); scs-0214-v2 Draft, stabilization PR #835 open 1 day',
    ]);
    expect(c.pastDataEnd).toBe(false);
  });

  it('as known on 2025-07-02, the day after IaaS v4 was deprecated: nothing ahead, nothing in preparation, the latest changes', () => {
    const c = asOf('2025-07-02');
    expect(c).toMatchObject({ nothingAhead: true, drafts: [] });
    expect(hasComing(c)).toBe(true);
    expect(c.latest.map((t) => `${t.scopeName} ${t.version} ${t.validity} ${t.date}`)).toEqual([
      'IaaS v4 deprecated 2025-07-01',
      'KaaS v1 effective 2024-11-26',
    ]);
    // On 2025-07-01 itself the deprecation is still due (today).
    expect(asOf('2025-07-01').nothingAhead).toBe(false);
  });
});

const dated = (c: ReturnType<typeof home>) => c.proposed.transitions.map((t) => `#${t.pr} ${t.subject} ${t.phrase}`);

describe('comingView: dates proposed by pull requests open on the day', () => {
  it('built on 2026-12-01: counted on 2026-08-21, the data’s end; none of the pull requests open then proposes a date', () => {
    const c = home('2026-12-01');
    expect(c.proposed).toEqual({ openOn: '2026-08-21', known: true, transitions: [], others: 3 });
    expect(home('2026-08-20').proposed.openOn).toBe('2026-08-20');
  });

  it('from commit messages only, which pull requests were open is not known, and it says so', () => {
    const git = { ...data, meta: { ...data.meta, pullRequestSource: 'git' as const } };
    expect(comingView(git, dueView(git, '2026-12-01')).proposed.known).toBe(false);
  });

  it('#824 proposes IaaS v5 effective and v4 warn from the day it opened (2024-11-13) until it merged (2024-11-21)', () => {
    expect(dated(asOf('2024-11-12'))).toEqual([]);
    for (const day of ['2024-11-13', '2024-11-19', '2024-11-20'])
      expect(dated(asOf(day))).toEqual([
        '#824 IaaS v5 becomes effective on 2024-11-21',
        '#824 IaaS v4 enters its warn period on 2025-01-01',
      ]);
    // Merged on 2024-11-21: announced from then on, no longer proposed.
    expect(dated(asOf('2024-11-21'))).toEqual([]);
    expect(asOf('2024-11-19').proposed.transitions[0]).toMatchObject({ source: 'merged', opened: '2024-11-13' });
  });

  it('only dates from the day on: on 2024-11-22 a proposal for 2024-11-21 would be past', () => {
    const c = comingView(data, dueView(data, '2024-11-20', { knownOn: '2024-11-20' }));
    expect(c.proposed.transitions.map((t) => t.date)).toEqual(['2024-11-21', '2025-01-01']);
  });

  it('a synthetic open pull request proposing IaaS next effective on 2027-03-01: listed, and what is coming is shown', () => {
    const c = home('2026-12-01', withOpenProposal(data, '2027-03-01'));
    expect(dated(c)).toEqual(['#9001 IaaS next becomes effective on 2027-03-01']);
    expect(c.proposed).toMatchObject({ openOn: '2026-08-21', others: 3 });
    expect(c.proposed.transitions[0]).toMatchObject({ source: 'head', title: 'Announce next', opened: '2026-08-20' });
    // On 2027-03-01 the date is still ahead (inclusive), the day after it is not.
    expect(dated(home('2027-03-01', withOpenProposal(data, '2027-03-01')))).toHaveLength(1);
    expect(dated(home('2027-03-02', withOpenProposal(data, '2027-03-01')))).toEqual([]);
  });

  it('a day with transitions ahead and no draft shows what is coming when a date is proposed', () => {
    expect(hasComing(home('2025-01-15'))).toBe(false);
    expect(hasComing(home('2025-01-15', withOpenProposal(data, '2025-06-01', '2025-01-10')))).toBe(true);
  });
});

/** The data plus an open pull request (#9001) whose head prepends `next` effective on `date` to the IaaS timeline. */
function withOpenProposal(d: Dataset, date: string, opened = '2026-08-20'): Dataset {
  const iaas = d.scopes.find((s) => s.id === 'iaas')!;
  const last = iaas.revisions.at(-1)!;
  const head = 'f'.repeat(40);
  const versions = Object.fromEntries(Object.keys(last.timeline[0]!.versions).map((v) => [v, 'effective' as const]));
  const revision = {
    ...last,
    commit: head,
    date: d.meta.pullsAsOf,
    pr: 9001,
    title: 'Announce next',
    timeline: [{ date, versions: { ...versions, next: 'effective' as const } }, ...last.timeline],
  };
  const pr = buildPull({
    number: 9001,
    title: 'Announce next',
    createdAt: `${opened}T09:00:00Z`,
    updatedAt: `${opened}T09:00:00Z`,
    files: [last.file],
    scopes: ['iaas'],
    proposal: { head, base: d.meta.source.commit, scopes: [{ scope: 'iaas', revision }], documents: [], conflicts: [] },
  });
  return { ...d, pulls: [...d.pulls, pr] };
}
