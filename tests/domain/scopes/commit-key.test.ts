import { describe, expect, it } from 'vitest';
import { commitKey, uniquePrefixes } from '../../../src/domain/scopes/commit-key.ts';
import { deriveEvents } from '../../../src/domain/events/events.ts';
import { revision, scope } from '../../support/build-scope.ts';

const real = 'a3f9c1e0b8d2467f9e1c3b5a7d9f0e2c4b6a8d0f';
/** Shares the first 7 digits with `real` (what a forger brute-forces), and then 9 more with `close`. */
const forged = `a3f9c1e${'1'.repeat(33)}`;
const close = `a3f9c1e${'1'.repeat(9)}${'2'.repeat(24)}`;

describe('uniquePrefixes', () => {
  it('gives 7 digits where no other commit shares them', () => {
    expect(uniquePrefixes([real, 'b'.repeat(40)])).toEqual(
      new Map([
        [real, 'a3f9c1e'],
        ['b'.repeat(40), 'bbbbbbb'],
      ]),
    );
  });
  it('lengthens each prefix just past what another commit shares, on both sides', () => {
    const keys = uniquePrefixes([forged, real, close]);
    expect(keys.get(real)).toBe('a3f9c1e0');
    expect(keys.get(forged)).toBe(`a3f9c1e${'1'.repeat(10)}`);
    expect(keys.get(close)).toBe(`a3f9c1e${'1'.repeat(9)}2`);
    expect(new Set(keys.values()).size).toBe(3);
    for (const [commit, key] of keys) expect(commit.startsWith(key)).toBe(true);
  });
  it('is the same whatever the order, and takes a commit listed twice once', () => {
    expect(uniquePrefixes([close, real, forged, real])).toEqual(uniquePrefixes([real, forged, close]));
  });
});

describe('a forged prefix never shares a page or an event id', () => {
  const first = revision('2024-11-21', [{ date: '2025-01-01', versions: { v4: 'warn' } }], { commit: real, pr: 1 });
  const second = revision('2024-12-20', [{ date: '2025-02-01', versions: { v4: 'warn' } }], { commit: forged, pr: 2 });
  const s = scope([first, second]);
  it('keys the two revisions apart', () => {
    expect(commitKey(s.revisions, real)).toBe('a3f9c1e0');
    expect(commitKey(s.revisions, forged)).toBe('a3f9c1e1');
  });
  it('gives every event a distinct id', () => {
    const events = deriveEvents({ scopes: [s], documents: [] });
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(events.filter((e) => e.kind === 'announced' || e.kind === 'moved').map((e) => e.id)).toEqual([
      'announced/x/v4/warn/a3f9c1e0',
      'moved/x/v4/warn/a3f9c1e1',
    ]);
  });
});
