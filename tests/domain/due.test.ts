import { describe, expect, it } from 'vitest';
import { dueView } from '../../src/domain/due.ts';
import type { Document, Revision, Scope } from '../../src/domain/schemas/data.ts';
import type { TimelineEntry } from '../../src/domain/schemas/scope-file.ts';

const sha = (n: number) => String(n).padStart(40, '0');
const rev = (n: number, date: string, timeline: TimelineEntry[]): Revision => ({
  commit: sha(n), date, pr: 800 + n, title: `change ${n}`, file: 'f', format: 'timeline', error: null, timeline,
  versions: [{ name: 'v5', stabilizedAt: null, include: [] }, { name: 'v4', stabilizedAt: null, include: [] }],
});
const before: TimelineEntry[] = [{ date: '2024-11-21', versions: { v5: 'effective', v4: 'effective' } }, { date: '2025-01-01', versions: { v5: 'effective', v4: 'warn' } }];
const after: TimelineEntry[] = [{ date: '2024-11-21', versions: { v5: 'effective', v4: 'effective' } }, { date: '2025-02-01', versions: { v5: 'effective', v4: 'warn' } }];
const revisions = [rev(1, '2024-11-21', before), rev(2, '2024-12-20', after)];
const scope: Scope = { id: 'iaas', uuid: null, name: 'SCS-compatible IaaS', url: null, file: 'f', modules: [], versions: revisions[1]!.versions, timeline: after, revisions, facts: [] };
const doc: Document = {
  id: 'scs-0214-v2', series: 'scs-0214', version: 'v2', slug: 'x', file: 'Standards/scs-0214-v2-x.md', title: 'Node distribution', type: 'Standard',
  status: 'Stable', track: 'KaaS', stabilizedAt: '2025-01-20', deprecatedAt: null, rejectedAt: null, replaces: [], replacedBy: [], supplements: [], description: null,
  history: [
    { commit: sha(7), date: '2024-06-17', pr: 524, status: 'Draft', stabilizedAt: null, deprecatedAt: null, rejectedAt: null },
    { commit: sha(8), date: '2025-01-02', pr: 835, status: 'Stable', stabilizedAt: '2025-01-20', deprecatedAt: null, rejectedAt: null },
  ],
};
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
    expect(v.next.map((n) => [n.date, n.daysLeft, n.version ?? n.document, n.validity ?? n.state, n.source?.pr, n.leadDays])).toEqual([
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
