import { describe, expect, it } from 'vitest';
import {
  describeChange,
  describeLead,
  firstAnnouncers,
  lastSetters,
  revisionChanges,
} from '../../../src/domain/events/revision-changes.ts';
import type { Revision, Scope } from '../../../src/domain/schemas/data.ts';
import type { TimelineEntry } from '../../../src/domain/schemas/scope-file.ts';
import { scope as buildScope } from '../../support/build-scope.ts';

const sha = (n: number) => String(n).padStart(40, '0');
const rev = (
  n: number,
  date: string,
  timeline: TimelineEntry[],
  versions: string[],
  format: Revision['format'] = 'timeline',
): Revision => ({
  commit: sha(n),
  date,
  pr: 800 + n,
  title: `change ${n}`,
  file: 'Tests/scs-compatible-iaas.yaml',
  format,
  error: null,
  timeline,
  versions: versions.map((name) => ({ name, stabilizedAt: null, include: [] })),
});
const scope = (revisions: Revision[]): Scope =>
  buildScope(revisions, {
    id: 'iaas',
    uuid: null,
    name: 'SCS-compatible IaaS',
    file: 'Tests/scs-compatible-iaas.yaml',
  });

// The shape of the real IaaS history around #824 and #859 (v4 `warn` moved by a month).
const s = scope([
  rev(
    1,
    '2024-11-21',
    [
      { date: '2024-11-21', versions: { v5: 'effective', v4: 'effective' } },
      { date: '2025-01-01', versions: { v5: 'effective', v4: 'warn' } },
    ],
    ['v5', 'v4'],
  ),
  rev(
    2,
    '2024-12-10',
    [
      { date: '2024-11-21', versions: { v5: 'effective', v4: 'effective' } },
      { date: '2025-01-01', versions: { v5: 'effective', v4: 'warn' } },
    ],
    ['v5', 'v4'],
    'unparseable',
  ),
  rev(
    3,
    '2024-12-20',
    [
      { date: '2024-11-21', versions: { v5: 'effective', v4: 'effective' } },
      { date: '2025-02-01', versions: { v5: 'effective', v4: 'warn' } },
    ],
    ['v5.1', 'v5', 'v4'],
  ),
  rev(4, '2025-01-05', [{ date: '2024-11-21', versions: { v5: 'effective', v4: 'effective' } }], ['v5.1', 'v5', 'v4']),
]);

describe('revisionChanges', () => {
  const all = revisionChanges(s);
  it('marks the first parseable revision as the import of the timeline', () => {
    expect(all[0]!.initial).toBe(true);
    expect(all[0]!.changes.map(describeChange)).toEqual([
      'v4 `effective` on 2024-11-21',
      'v5 `effective` on 2024-11-21',
      'v4 `warn` on 2025-01-01',
    ]);
  });
  it('lists an unparseable revision with no changes', () => {
    expect(all[1]!.changes).toEqual([]);
  });
  it('says a moved date in words, with the lead time from the revision', () => {
    const moved = all[2]!.changes;
    expect(moved.map(describeChange)).toEqual(['v4 `warn` moved from 2025-01-01 to 2025-02-01']);
    expect(moved[0]!.leadDays).toBe(43);
    expect(all[2]!.versionsAdded).toEqual(['v5.1']);
  });
  it('says a withdrawn transition', () => {
    expect(all[3]!.changes.map(describeChange)).toEqual(['v4 `warn` on 2025-02-01 withdrawn']);
  });
  it('finds the revision that last set a date, as known on a day', () => {
    expect(lastSetters(all, '2024-12-19').get('v4/warn')).toEqual({
      at: { commit: sha(1), date: '2024-11-21', pr: 801 },
      date: '2025-01-01',
    });
    expect(lastSetters(all, '2024-12-20').get('v4/warn')?.date).toBe('2025-02-01');
    expect(lastSetters(all, null).has('v4/warn')).toBe(false);
  });
  it('finds the revision that first announced a transition, forgotten when withdrawn', () => {
    expect(firstAnnouncers(all, '2024-12-20').get('v4/warn')?.pr).toBe(801);
    expect(firstAnnouncers(all, null).has('v4/warn')).toBe(false);
    expect(firstAnnouncers(all, null).get('v5/effective')?.pr).toBe(801);
  });
});

describe('describeLead', () => {
  it('words the lead time', () => {
    expect(describeLead(43)).toBe('43 days ahead');
    expect(describeLead(1)).toBe('1 day ahead');
    expect(describeLead(0)).toBe('on the day');
    expect(describeLead(-1)).toBe('1 day after the fact');
    expect(describeLead(null)).toBe('—');
  });
});
