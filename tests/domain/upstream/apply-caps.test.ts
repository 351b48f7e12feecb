import { describe, expect, it } from 'vitest';
import { isCapWarning } from '../../../src/domain/parse/caps.ts';
import type { PullRequest, Revision } from '../../../src/domain/schemas/data.ts';
import { capPulls, capTimelines, revisionCost } from '../../../src/domain/upstream/apply-caps.ts';
import { sha } from '../../support/build-scope.ts';
import { caught } from '../../support/input-error.ts';
import { buildPull } from '../../support/build-pull.ts';

/** A revision of `entries` timeline entries on `date`. */
function revision(date: string, entries: number, format: Revision['format'] = 'timeline'): Revision {
  const timeline = Array.from({ length: entries }, (_, i) => ({
    date: `2030-01-${String(i + 1).padStart(2, '0')}`,
    versions: { v1: 'effective' as const },
  }));
  return {
    commit: sha(`${date}-${entries}`),
    date,
    pr: null,
    title: 'x',
    file: 'f',
    format,
    error: null,
    timeline,
    versions: [],
  };
}
const scope = (file: string, revisions: Revision[]) => ({
  file,
  timeline: revisions.at(-1)?.timeline ?? [],
  revisions,
});

describe('revisionCost', () => {
  it('is the number of timeline entries, at least one (a revision is a page)', () => {
    expect(revisionCost(revision('2025-01-01', 3))).toBe(3);
    expect(revisionCost(revision('2025-01-01', 0, 'unparseable'))).toBe(1);
  });
});

describe('capTimelines', () => {
  // 2 + 3 + 4 entries in one file, 1 in another: 10 in all.
  const scopes = () => [
    scope('Tests/scs-compatible-a.yaml', [
      revision('2025-01-01', 2),
      revision('2025-03-01', 3),
      revision('2025-05-01', 4),
    ]),
    scope('Tests/scs-compatible-b.yaml', [revision('2025-02-01', 1)]),
  ];

  it('keeps everything at the cap and one under it, without a warning', () => {
    for (const max of [10, 11]) {
      const warnings: string[] = [];
      expect(capTimelines(scopes(), max, warnings).map((s) => s.revisions.length)).toEqual([3, 1]);
      expect(warnings).toEqual([]);
    }
  });
  it('one over the cap leaves out the oldest revision that does not fit, and says so', () => {
    const warnings: string[] = [];
    const capped = capTimelines(scopes(), 9, warnings);
    expect(capped[0]!.revisions.map((r) => r.date)).toEqual(['2025-03-01', '2025-05-01']);
    expect(capped[1]!.revisions).toHaveLength(1);
    expect(warnings).toEqual([
      'cap reached: Tests/scs-compatible-a.yaml: the 1 oldest revision (2025-01-01 to 2025-01-01, 2 timeline entries) left out of the history: all scope files together keep at most 9 timeline entries over their revisions',
    ]);
    expect(warnings.every(isCapWarning)).toBe(true);
  });
  it('a file’s revision that does not fit ends that file’s history only; older ones of other files still fit', () => {
    const warnings: string[] = [];
    const capped = capTimelines(
      [
        scope('Tests/scs-compatible-big.yaml', [revision('2025-06-01', 8), revision('2025-07-01', 5)]),
        scope('Tests/scs-compatible-small.yaml', [
          revision('2024-01-01', 1),
          revision('2024-02-01', 1),
          revision('2025-08-01', 1),
        ]),
      ],
      8,
      warnings,
    );
    expect(capped.map((s) => s.revisions.map((r) => r.date))).toEqual([
      ['2025-07-01'],
      ['2024-01-01', '2024-02-01', '2025-08-01'],
    ]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(
      'Tests/scs-compatible-big.yaml: the 1 oldest revision (2025-06-01 to 2025-06-01, 8 timeline entries)',
    );
  });
  it('keeps each file’s newest revisions without gaps: an older small one after a big one that did not fit is left out too', () => {
    const warnings: string[] = [];
    const capped = capTimelines(
      [
        scope('Tests/scs-compatible-a.yaml', [
          revision('2025-01-01', 1),
          revision('2025-02-01', 6),
          revision('2025-03-01', 2),
        ]),
      ],
      5,
      warnings,
    );
    expect(capped[0]!.revisions.map((r) => r.date)).toEqual(['2025-03-01']);
    expect(warnings[0]).toContain('the 2 oldest revisions (2025-01-01 to 2025-02-01, 7 timeline entries)');
  });
  it('current timelines over the cap fail, naming each file and its count', () => {
    const error = caught(() =>
      capTimelines(
        [
          scope('Tests/scs-compatible-a.yaml', [revision('2025-01-01', 4)]),
          scope('Tests/scs-compatible-b.yaml', [revision('2025-01-01', 3)]),
        ],
        6,
        [],
      ),
    );
    expect(error.problems.map((p) => [p.file, p.key, p.value])).toEqual([
      ['Tests/scs-compatible-a.yaml', 'timeline', '4 entries'],
      ['Tests/scs-compatible-b.yaml', 'timeline', '3 entries'],
    ]);
    expect(error.problems[0]!.expected).toBe(
      'expected at most 6 timeline entries in all scope files together, their past revisions included (7 at the head alone)',
    );
    // At the cap the heads pass.
    expect(
      capTimelines(
        [
          scope('Tests/scs-compatible-a.yaml', [revision('2025-01-01', 4)]),
          scope('Tests/scs-compatible-b.yaml', [revision('2025-01-01', 3)]),
        ],
        7,
        [],
      ),
    ).toHaveLength(2);
  });
});

describe('capPulls', () => {
  const pull = (number: number): PullRequest =>
    buildPull({ number, state: 'merged', url: `https://github.com/o/r/pull/${number}` });
  const pulls = [5, 1, 4, 2, 3].map(pull);
  it('keeps every pull request at the cap and under it, without a warning', () => {
    for (const max of [5, 6]) {
      const warnings: string[] = [];
      expect(capPulls(pulls, max, warnings).map((p) => p.number)).toEqual([5, 1, 4, 2, 3]);
      expect(warnings).toEqual([]);
    }
  });
  it('past the cap keeps the newest by number, in number order, and says how many there were', () => {
    const warnings: string[] = [];
    expect(capPulls(pulls, 4, warnings).map((p) => p.number)).toEqual([2, 3, 4, 5]);
    expect(warnings).toEqual([
      'cap reached: 5 pull requests touch standards or scopes; only the newest 4, #2 and later, are kept',
    ]);
  });
});
