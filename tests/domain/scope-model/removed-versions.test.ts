import { describe, expect, it } from 'vitest';
import { announcedThen } from '../../../src/domain/scope-model/removed-versions.ts';
import { revision, scope } from '../../support/build-scope.ts';

// As KaaS v2: a draft from 2024-02-28, announced effective, then removed from the file (#753).
const first = revision('2024-02-28', [{ date: '2024-02-28', versions: { v1: 'effective', v2: 'draft' } }], { pr: 700 });
const last = revision(
  '2024-08-01',
  [
    { date: '2025-06-01', versions: { v1: 'warn' } },
    { date: '2023-01-01', versions: { v1: 'effective' } },
    { date: '2024-02-28', versions: { v1: 'effective', v2: 'draft' } },
    { date: '2025-03-01', versions: { v1: 'effective' } },
    { date: '2024-11-01', versions: { v1: 'effective', v2: 'effective' } },
  ],
  { pr: 720 },
);
const broken = revision('2024-09-01', [], { pr: 740, format: 'unparseable', error: 'bad indentation' });
const removal = revision('2024-09-10', [{ date: '2024-02-28', versions: { v1: 'effective' } }], { pr: 753 });

describe('announcedThen', () => {
  const then = announcedThen(scope([first, last, broken, removal]), 'v2')!;

  it('names the first and the last revision that listed the version, and the one that removed it', () => {
    expect([then.first.pr, then.last.pr, then.removedBy?.pr]).toEqual([700, 720, 753]);
  });

  it('skips an unparseable revision: it neither lists nor removes the version', () => {
    expect(announcedThen(scope([first, last, broken]), 'v2')!.removedBy).toBeNull();
  });

  it('tells the periods as the last listing said them, entry by entry in date order, each until the day before the next', () => {
    expect(then.periods).toEqual([
      { validity: 'draft', from: '2024-02-28', until: '2024-10-31' },
      { validity: 'effective', from: '2024-11-01', until: '2025-02-28' },
      // Unlisted from 2025-03-01 (scs-0003-v1: deprecated), and still on 2025-06-01: one period, open.
      { validity: 'deprecated', from: '2025-03-01', until: null },
    ]);
  });

  it('starts at the first entry that lists the version, not before', () => {
    expect(then.periods[0]!.from).toBe('2024-02-28');
    expect(announcedThen(scope([last]), 'v1')!.periods).toEqual([
      { validity: 'effective', from: '2023-01-01', until: '2025-05-31' },
      { validity: 'warn', from: '2025-06-01', until: null },
    ]);
  });

  it('has no removing revision while the head still lists the version', () => {
    const still = announcedThen(scope([first, last, removal]), 'v1')!;
    expect([still.first.pr, still.last.pr, still.removedBy]).toEqual([700, 753, null]);
  });

  it('is null for a version no revision’s timeline named, even one its versions list', () => {
    expect(announcedThen(scope([first, last]), 'v3')).toBeNull();
    expect(
      announcedThen(
        scope([revision('2024-01-01', [], { versions: [{ name: 'v3', stabilizedAt: null, include: [] }] })]),
        'v3',
      ),
    ).toBeNull();
    expect(announcedThen(scope([]), 'v2')).toBeNull();
  });
});
