import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/days/day.ts';
import { documentPeriods, timelineOfPeriods } from '../../../src/domain/scope-model/document-periods.ts';
import { validityOn } from '../../../src/domain/scopes/validity.ts';
import { addedOn } from '../../support/build-scope.ts';

type Dates = Parameters<typeof documentPeriods>[0];
const dated = (extra: Partial<Dates>): Dates => ({
  stabilizedAt: null,
  deprecatedAt: null,
  status: 'Draft',
  history: [],
  ...extra,
});

describe('documentPeriods (scs-0001-v1 dates read as scs-0003-v1 validity)', () => {
  const doc = dated({
    stabilizedAt: '2024-03-01',
    deprecatedAt: '2025-03-01',
    status: 'Deprecated',
    history: addedOn('2024-01-10'),
  });

  it('deprecated before the document was added, draft until stabilized_at, effective until deprecated_at, deprecated from then', () => {
    expect(documentPeriods(doc)).toEqual([
      { validity: 'deprecated', from: null, to: '2024-01-10' },
      { validity: 'draft', from: '2024-01-10', to: '2024-03-01' },
      { validity: 'effective', from: '2024-03-01', to: '2025-03-01' },
      { validity: 'deprecated', from: '2025-03-01', to: null },
    ]);
  });

  it('is draft until stabilized_at, effective until deprecated_at, deprecated from then (day before, of, after)', () => {
    const tl = timelineOfPeriods(new Map([['v1', documentPeriods(doc)]]));
    const on = (d: string) => validityOn(tl, 'v1', d);
    expect([
      on('2024-01-09'),
      on('2024-01-10'),
      on('2024-02-29'),
      on('2024-03-01'),
      on('2025-02-28'),
      on('2025-03-01'),
      on('2025-03-02'),
    ]).toEqual(['deprecated', 'draft', 'draft', 'effective', 'effective', 'deprecated', 'deprecated']);
  });

  it('a document added on or after its stabilization day is never a draft', () => {
    const late = [
      { validity: 'deprecated', from: null, to: '2024-11-26' },
      { validity: 'effective', from: '2024-11-26', to: null },
    ];
    expect(
      documentPeriods(dated({ stabilizedAt: '2024-11-26', status: 'Stable', history: addedOn('2024-12-01') })),
    ).toEqual(late);
    expect(
      documentPeriods(dated({ stabilizedAt: '2024-11-26', status: 'Stable', history: addedOn('2024-11-26') })),
    ).toEqual(late);
    expect(
      documentPeriods(dated({ stabilizedAt: '2024-11-26', status: 'Stable', history: addedOn('2024-11-25') }))[1],
    ).toEqual({ validity: 'draft', from: '2024-11-25', to: '2024-11-26' });
  });

  it('a draft stays a draft from the day it was added', () => {
    expect(documentPeriods(dated({ history: addedOn('2025-06-01') }))).toEqual([
      { validity: 'deprecated', from: null, to: '2025-06-01' },
      { validity: 'draft', from: '2025-06-01', to: null },
    ]);
  });

  it('a rejected document never turns effective, whatever its stabilized_at says', () => {
    expect(
      documentPeriods(dated({ stabilizedAt: '2024-03-01', status: 'Rejected', history: addedOn('2024-01-10') })),
    ).toEqual([
      { validity: 'deprecated', from: null, to: '2024-01-10' },
      { validity: 'draft', from: '2024-01-10', to: null },
    ]);
  });

  it('a document deprecated on the day it is stabilized is never effective', () => {
    const ps = documentPeriods(
      dated({
        stabilizedAt: '2025-03-01',
        deprecatedAt: '2025-03-01',
        status: 'Deprecated',
        history: addedOn('2024-01-10'),
      }),
    );
    expect(ps.map((p) => p.validity)).toEqual(['deprecated', 'draft', 'deprecated']);
    expect(ps[1]).toEqual({ validity: 'draft', from: '2024-01-10', to: '2025-03-01' });
  });

  it('without any date it is deprecated on every day, as a version no timeline lists', () => {
    expect(documentPeriods(dated({}))).toEqual([{ validity: 'deprecated', from: null, to: null }]);
    expect(
      documentPeriods(dated({ deprecatedAt: '2025-03-01', status: 'Deprecated' })).every(
        (p) => p.validity === 'deprecated',
      ),
    ).toBe(true);
  });

  it('counts from the first change of its history, the day the document was added', () => {
    const history = [
      ...addedOn('2024-01-10'),
      { ...addedOn('2024-02-01')[0]!, status: 'Stable' as const, stabilizedAt: '2024-03-01' },
    ];
    expect(documentPeriods(dated({ stabilizedAt: '2024-03-01', status: 'Stable', history }))[1]).toEqual({
      validity: 'draft',
      from: '2024-01-10',
      to: '2024-03-01',
    });
  });
});

describe('timelineOfPeriods', () => {
  const doc = dated({
    stabilizedAt: '2024-03-01',
    deprecatedAt: '2025-03-01',
    status: 'Deprecated',
    history: addedOn('2024-01-10'),
  });

  it('has one entry per day a period starts, newest first, listing every version not deprecated then', () => {
    const periods = new Map([
      ['v1', documentPeriods(doc)],
      ['v2', documentPeriods(dated({ stabilizedAt: '2025-01-01', status: 'Stable', history: addedOn('2024-06-01') }))],
    ]);
    expect(timelineOfPeriods(periods)).toEqual([
      { date: '2025-03-01', versions: { v2: 'effective' } },
      { date: '2025-01-01', versions: { v1: 'effective', v2: 'effective' } },
      { date: '2024-06-01', versions: { v1: 'effective', v2: 'draft' } },
      { date: '2024-03-01', versions: { v1: 'effective' } },
      { date: '2024-01-10', versions: { v1: 'draft' } },
    ]);
  });

  it('the timeline of several versions says what each one’s periods say on every day', () => {
    const periods = new Map([
      ['v1', documentPeriods(doc)],
      [
        'v2',
        documentPeriods(
          dated({ stabilizedAt: '2025-01-01', deprecatedAt: null, status: 'Stable', history: addedOn('2024-06-01') }),
        ),
      ],
    ]);
    const tl = timelineOfPeriods(periods);
    for (let d = '2023-12-30'; d <= '2025-04-01'; d = addDays(d, 1)) {
      for (const [name, ps] of periods) {
        const p = ps.find((x) => (x.from === null || x.from <= d) && (x.to === null || d < x.to))!;
        expect(validityOn(tl, name, d), `${name} on ${d}`).toBe(p.validity);
      }
    }
  });

  it('keeps an entry that lists nothing, so a version ends on its day; and is empty without any dated period', () => {
    const once = new Map([
      ['v1', documentPeriods(dated({ stabilizedAt: '2024-03-01', deprecatedAt: '2025-03-01', status: 'Deprecated' }))],
    ]);
    expect(timelineOfPeriods(once)).toEqual([
      { date: '2025-03-01', versions: {} },
      { date: '2024-03-01', versions: { v1: 'effective' } },
    ]);
    expect(timelineOfPeriods(new Map([['v1', documentPeriods(dated({}))]]))).toEqual([]);
    expect(timelineOfPeriods(new Map())).toEqual([]);
  });
});
