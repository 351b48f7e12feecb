import { describe, expect, it } from 'vitest';
import {
  accumulatedTimelines,
  allVersionNames,
  findScope,
  fullTimeline,
  revisionAsOf,
  shortName,
  timelineKnownOn,
} from '../../../src/domain/scopes/scopes.ts';
import { validityOn } from '../../../src/domain/scopes/validity.ts';
import { revision, scope } from '../../support/build-scope.ts';

const r1 = revision('2024-11-21', [
  { date: '2025-01-01', versions: { v4: 'warn', v5: 'effective' } },
  { date: '2024-11-21', versions: { v4: 'effective', v5: 'effective' } },
  { date: '2024-02-28', versions: { v3: 'effective', v4: 'effective' } },
]);
const broken = revision('2024-11-26', [], { format: 'unparseable', error: 'YAML syntax error', versions: [] });
// Pruned: only entries from 2025-01-01 on are left in the file (scs-0003-v1 allows it).
const r2 = revision('2025-05-23', [{ date: '2025-01-01', versions: { v4: 'warn', v5: 'effective' } }]);
const s = scope([r1, broken, r2]);

describe('accumulatedTimelines', () => {
  it('puts back entries older than everything the next revision lists', () => {
    const acc = accumulatedTimelines(s);
    expect(acc.map((a) => a.revision.date)).toEqual(['2024-11-21', '2025-05-23']);
    expect(acc[1]!.timeline.map((e) => e.date)).toEqual(['2025-01-01', '2024-11-21', '2024-02-28']);
  });
  it('does not put back an entry a revision replaced (same or later date)', () => {
    const moved = revision('2024-12-20', [
      { date: '2025-02-01', versions: { v4: 'warn', v5: 'effective' } },
      { date: '2024-11-21', versions: { v4: 'effective', v5: 'effective' } },
    ]);
    const acc = accumulatedTimelines(scope([r1, moved]));
    expect(acc[1]!.timeline.map((e) => e.date)).toEqual(['2025-02-01', '2024-11-21', '2024-02-28']);
  });

  it('does not put back a future entry a revision dropped: that is a withdrawal, not pruning', () => {
    const announced = revision('2024-11-01', [{ date: '2024-12-01', versions: { v1: 'draft' } }]);
    const withdrawn = revision('2024-11-15', [{ date: '2025-01-01', versions: { v1: 'effective' } }]);
    const acc = accumulatedTimelines(scope([announced, withdrawn]));
    expect(acc[1]!.timeline.map((e) => e.date)).toEqual(['2025-01-01']);
    expect(validityOn(fullTimeline(scope([announced, withdrawn])), 'v1', '2024-12-15')).toBe('deprecated');
  });
});

describe('fullTimeline', () => {
  it('answers for days whose entries were pruned', () => {
    expect(validityOn(s.timeline, 'v4', '2024-12-01')).toBe('deprecated'); // the pruned file alone
    const full = fullTimeline(s);
    expect(validityOn(full, 'v4', '2024-12-01')).toBe('effective');
    expect(validityOn(full, 'v3', '2024-02-28')).toBe('effective');
    expect(validityOn(full, 'v3', '2024-11-21')).toBe('deprecated');
    expect(validityOn(full, 'v4', '2025-01-01')).toBe('warn');
  });
  it('is the head timeline when there is no history', () => {
    const head = scope([], { timeline: r1.timeline });
    expect(fullTimeline(head)).toBe(head.timeline);
  });
});

describe('timelineKnownOn', () => {
  it('is the accumulated timeline after the latest parseable revision on or before the day, with it', () => {
    expect(timelineKnownOn(s, '2024-11-20')).toEqual({ timeline: [], revision: null });
    expect(timelineKnownOn(s, '2024-11-21')).toEqual({ timeline: r1.timeline, revision: r1 });
    expect(timelineKnownOn(s, '2025-05-22').revision).toBe(r1); // the unparseable one is passed over
    const after = timelineKnownOn(s, '2025-05-23');
    expect(after.revision).toBe(r2);
    expect(after.timeline.map((e) => e.date)).toEqual(['2025-01-01', '2024-11-21', '2024-02-28']);
  });
  it('without a day, is the whole known timeline and the last parseable revision', () => {
    expect(timelineKnownOn(s, null)).toEqual({ timeline: fullTimeline(s), revision: r2 });
  });
});

describe('revisionAsOf', () => {
  it('takes the latest parseable revision that landed on or before the day', () => {
    expect(revisionAsOf(s, '2024-11-20')).toBeNull();
    expect(revisionAsOf(s, '2024-11-21')).toBe(r1);
    expect(revisionAsOf(s, '2024-11-26')).toBe(r1); // the unparseable one is passed over
    expect(revisionAsOf(s, '2025-05-22')).toBe(r1);
    expect(revisionAsOf(s, '2025-05-23')).toBe(r2);
  });
});

describe('scope names', () => {
  it('finds a scope by id, uuid, full or short name, in any case', () => {
    for (const key of ['x', 'X', 'uuid-x', 'UUID-X', 'SCS-compatible X', 'scs-compatible x', ' x '])
      expect(findScope([s], key), key).toBe(s);
    expect(findScope([s], 'y')).toBeNull();
    expect(shortName(s)).toBe('X');
    expect(shortName({ name: 'SCS Compatible IaaS' })).toBe('IaaS');
  });
  it('lists every version the scope ever had, current ones first', () => {
    expect(allVersionNames(s)).toEqual(['v4', 'v5', 'v3']);
  });
});
