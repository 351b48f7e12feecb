import { describe, expect, it } from 'vitest';
import { deriveEvents, upcoming } from '../../../src/domain/events/events.ts';
import { TimelineEvent } from '../../../src/domain/schemas/event.ts';
import { documentOf, revision, scope, sha } from '../../support/build-scope.ts';

// IaaS-like history: v4 `warn` announced for 2025-01-01, moved to 2025-02-01 (#859), old
// entries pruned (#932), v4 `deprecated` announced (#955).
const r824 = revision(
  '2024-11-21',
  [
    { date: '2025-01-01', versions: { v4: 'warn', v5: 'effective' } },
    { date: '2024-11-21', versions: { v4: 'effective', v5: 'effective' } },
  ],
  { pr: 824 },
);
const r859 = revision(
  '2024-12-20',
  [
    { date: '2025-02-01', versions: { v4: 'warn', v5: 'effective' } },
    { date: '2024-11-21', versions: { v4: 'effective', v5: 'effective' } },
  ],
  { pr: 859 },
);
const r932 = revision('2025-05-23', [{ date: '2025-02-01', versions: { v4: 'warn', v5: 'effective' } }], { pr: 932 });
const r955 = revision(
  '2025-06-26',
  [
    { date: '2025-07-01', versions: { v5: 'effective' } },
    { date: '2025-02-01', versions: { v4: 'warn', v5: 'effective' } },
  ],
  { pr: 955 },
);

const byId = (events: TimelineEvent[]) => new Map(events.map((e) => [e.id, e]));

describe('deriveEvents: scope validity', () => {
  const events = deriveEvents({ scopes: [scope([r824, r859, r932, r955])], documents: [] });
  const ids = byId(events);

  it('gives every event a valid shape and a unique id', () => {
    for (const e of events) TimelineEvent.parse(e);
    expect(ids.size).toBe(events.length);
  });
  it('lists each transition once, with the date of the newest revision', () => {
    const validity = events.filter((e) => e.kind === 'validity').map((e) => `${e.date} ${e.id}`);
    expect(validity).toEqual([
      '2024-11-21 scope/x/v4/effective',
      '2024-11-21 scope/x/v5/effective',
      '2025-02-01 scope/x/v4/warn',
      '2025-07-01 scope/x/v4/deprecated',
    ]);
  });
  it('keeps the id when the date moves, and counts the move in sequence', () => {
    const before = byId(deriveEvents({ scopes: [scope([r824])], documents: [] })).get('scope/x/v4/warn')!;
    const after = ids.get('scope/x/v4/warn')!;
    expect(before.date).toBe('2025-01-01');
    expect(before.sequence).toBe(0);
    expect(after.date).toBe('2025-02-01');
    expect(after.sequence).toBe(1);
    expect(after.announced).toEqual({ commit: r824.commit, date: '2024-11-21', pr: 824 });
    expect(after.source).toEqual({ commit: r859.commit, date: '2024-12-20', pr: 859 });
    expect(after.leadDays).toBe(43);
  });
  it('reports the move, with the previous and the new day', () => {
    const moved = events.filter((e) => e.kind === 'moved');
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatchObject({
      // The test's commit ids (hex of "2024-1…") share 13 digits: the id takes the 14 that are unique.
      id: `moved/x/v4/warn/${r859.commit.slice(0, 14)}`,
      date: '2024-12-20',
      target: '2025-02-01',
      previous: '2025-01-01',
      leadDays: 43,
      title: 'X v4 enters its warn period on 2025-02-01 instead of 2025-01-01',
      transition: 'scope/x/v4/warn',
    });
  });
  it('reports announcements with their lead time', () => {
    const announced = events
      .filter((e) => e.kind === 'announced')
      .map((e) => `${e.date} ${e.version}/${e.validity} → ${e.target} (${e.leadDays})`);
    expect(announced).toEqual([
      '2024-11-21 v4/effective → 2024-11-21 (0)',
      '2024-11-21 v4/warn → 2025-01-01 (41)',
      '2024-11-21 v5/effective → 2024-11-21 (0)',
      '2025-06-26 v4/deprecated → 2025-07-01 (5)',
    ]);
  });
  it('does not take pruning for a withdrawal: pruned entries survive', () => {
    expect(events.filter((e) => e.kind === 'withdrawn')).toEqual([]);
    expect(ids.get('scope/x/v4/effective')?.date).toBe('2024-11-21');
  });
  it('reports a real withdrawal', () => {
    const withdrawn = revision('2024-12-01', [{ date: '2024-11-21', versions: { v4: 'effective', v5: 'effective' } }], {
      pr: 900,
    });
    const withdrawals = deriveEvents({ scopes: [scope([r824, withdrawn])], documents: [] }).filter(
      (e) => e.kind === 'withdrawn',
    );
    expect(withdrawals.map((e) => [e.title, e.transition, e.source?.pr])).toEqual([
      ['Withdrawn: X v4 enters its warn period on 2025-01-01', 'scope/x/v4/warn', 900],
    ]);
  });
  it('does not take the first recording of a date long past for news, but a move or a withdrawal of it, even in the past', () => {
    // Recorded 152 days after the fact, then corrected by a day, then v2's date withdrawn.
    const imported = revision('2024-06-01', [{ date: '2024-01-01', versions: { v1: 'effective', v2: 'draft' } }], {
      pr: 1,
    });
    const corrected = revision(
      '2024-07-01',
      [
        { date: '2024-01-01', versions: { v1: 'effective', v2: 'draft' } },
        { date: '2023-12-31', versions: { v1: 'effective' } },
      ],
      { pr: 2 },
    );
    const dropped = revision('2024-08-01', [{ date: '2023-12-31', versions: { v1: 'effective' } }], { pr: 3 });
    const events = deriveEvents({ scopes: [scope([imported, corrected, dropped])], documents: [] });
    expect(
      events.filter((e) => e.kind !== 'validity').map((e) => `${e.date} ${e.kind} ${e.title} #${e.source?.pr}`),
    ).toEqual([
      '2024-07-01 moved X v1 becomes effective on 2023-12-31 instead of 2024-01-01 #2',
      '2024-08-01 withdrawn Withdrawn: X v2 becomes a draft on 2024-01-01 #3',
    ]);
  });
  it('takes a date recorded at most 31 days after the fact for news, and one 32 days after not', () => {
    const announced = (late: string) =>
      deriveEvents({
        scopes: [scope([revision('2024-02-01', [{ date: late, versions: { v1: 'effective' } }])])],
        documents: [],
      }).filter((e) => e.kind === 'announced').length;
    expect(announced('2024-01-01')).toBe(1);
    expect(announced('2023-12-31')).toBe(0);
    expect(announced('2024-02-02')).toBe(1);
  });
  it('takes a date set again after its withdrawal for news, however late', () => {
    const a = revision('2024-01-01', [{ date: '2024-01-10', versions: { v1: 'effective' } }]);
    const b = revision('2024-01-05', [{ date: '2024-03-01', versions: { v2: 'effective' } }]);
    const c = revision('2024-06-01', [
      { date: '2024-03-01', versions: { v2: 'effective' } },
      { date: '2024-01-10', versions: { v1: 'effective' } },
    ]);
    const kinds = deriveEvents({ scopes: [scope([a, b, c])], documents: [] }).filter(
      (e) => e.transition === 'scope/x/v1/effective' && e.kind !== 'validity',
    );
    expect(kinds.map((e) => `${e.date} ${e.kind}`)).toEqual([
      '2024-01-01 announced',
      '2024-01-05 withdrawn',
      '2024-06-01 announced',
    ]);
  });
  it('reports versions added after the first revision', () => {
    const r2 = revision(
      '2025-01-10',
      [...r859.timeline, { date: '2025-03-01', versions: { v4: 'warn', v5: 'effective', v6: 'draft' } }],
      { pr: 870 },
    );
    const added = deriveEvents({ scopes: [scope([r824, r2])], documents: [] }).filter(
      (e) => e.kind === 'version-added',
    );
    expect(added.map((e) => `${e.date} ${e.version}`)).toEqual(['2025-01-10 v6']);
  });
  it('is sorted by date, then kind', () => {
    for (let i = 1; i < events.length; i++) expect(events[i - 1]!.date <= events[i]!.date).toBe(true);
  });
  it('ignores unparseable revisions', () => {
    const broken = revision('2024-12-01', [], {
      format: 'unparseable',
      error: 'bad',
      versions: [],
      commit: sha('broken'),
    });
    const withBroken = deriveEvents({ scopes: [scope([r824, broken, r859, r932, r955])], documents: [] });
    expect(withBroken.map((e) => e.id)).toEqual(events.map((e) => e.id));
  });
});

describe('deriveEvents: documents', () => {
  const doc = documentOf({
    id: 'scs-0214-v2',
    title: 'K8s node distribution',
    status: 'Stable',
    stabilizedAt: '2024-11-21',
    history: [
      {
        commit: sha('a'),
        date: '2024-02-01',
        pr: 500,
        status: 'Draft',
        stabilizedAt: null,
        deprecatedAt: null,
        rejectedAt: null,
      },
      {
        commit: sha('b'),
        date: '2024-11-20',
        pr: 830,
        status: 'Stable',
        stabilizedAt: '2024-11-21',
        deprecatedAt: null,
        rejectedAt: null,
      },
    ],
  });
  const events = deriveEvents({ scopes: [], documents: [doc] });
  it('lists the document added and stabilized, with the pull request that set the date', () => {
    expect(events.map((e) => `${e.date} ${e.kind} ${e.id}`)).toEqual([
      '2024-02-01 document-added document-added/scs-0214-v2',
      '2024-11-21 document document/scs-0214-v2/stable',
    ]);
    expect(events[1]).toMatchObject({ state: 'Stable', leadDays: 1, source: { pr: 830 } });
  });
  it('gives a document stabilized and deprecated on one day one event, with one id', () => {
    const both = documentOf({
      id: 'scs-0301-v1',
      status: 'Deprecated',
      stabilizedAt: '2024-05-02',
      deprecatedAt: '2024-05-02',
      history: [
        {
          commit: sha('c'),
          date: '2024-04-01',
          pr: 600,
          status: 'Deprecated',
          stabilizedAt: '2024-05-02',
          deprecatedAt: '2024-05-02',
          rejectedAt: null,
        },
      ],
    });
    const listed = deriveEvents({ scopes: [], documents: [both] }).filter((e) => e.kind === 'document');
    expect(listed.map((e) => `${e.date} ${e.id} ${e.state}`)).toEqual([
      '2024-05-02 document/scs-0301-v1/deprecated Deprecated',
    ]);
    expect(listed[0]).toMatchObject({ source: { pr: 600 }, leadDays: 31 });
  });
  it('lists a rejection on its rejected_at day', () => {
    const rejected = documentOf({ id: 'scs-0300-v1', status: 'Rejected', rejectedAt: '2024-05-02' });
    expect(deriveEvents({ scopes: [], documents: [rejected] }).map((e) => `${e.date} ${e.id}`)).toEqual([
      '2024-05-02 document/scs-0300-v1/rejected',
    ]);
  });
});

describe('upcoming', () => {
  const events = deriveEvents({ scopes: [scope([r824, r859, r932, r955])], documents: [] });
  it('keeps transitions from the first day to the last, both included', () => {
    expect(upcoming(events, '2025-02-01', 150).map((e) => e.id)).toEqual(['scope/x/v4/warn', 'scope/x/v4/deprecated']);
    expect(upcoming(events, '2025-02-02', 149).map((e) => e.id)).toEqual(['scope/x/v4/deprecated']);
    expect(upcoming(events, '2025-01-31', 0)).toEqual([]);
  });
});
