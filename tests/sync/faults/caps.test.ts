/**
 * The caps on totals (src/domain/parse/caps.ts) on throwaway upstreams, through the real
 * sync: one under, at and one over each cap, with the cap lowered where the input would
 * otherwise be huge, and once with the real constant. A cap that takes effect is a
 * warning (`cap reached: …`) or, for the current timelines, a failure that leaves `data/`
 * byte-identical.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syncFromGit } from '../../../scripts/lib/sync.ts';
import { addDays } from '../../../src/domain/days/day.ts';
import {
  CAPS,
  isCapWarning,
  MAX_PULLS,
  MAX_REVISION_TIMELINE_ENTRIES,
  MAX_TIMELINE_ENTRIES,
} from '../../../src/domain/parse/caps.ts';
import { InputError } from '../../../src/domain/parse/errors.ts';
import { baseCommits, SCOPE_PATH, syncGit, upstreamRepo } from '../../support/upstream-repo.ts';
import { scopeYaml } from '../../support/upstream-files.ts';
import { ageFiles, dirState, tempDir } from '../../support/files.ts';

const out = () => join(tempDir('caps-data'), 'data');
/** The base history's scope file has two revisions: 1 timeline entry, then 2. */
const BASE_ENTRIES = 3;

/** A timeline of `n` entries, one a day back from 2026-06-01. */
function timeline(n: number): string {
  return Array.from(
    { length: n },
    (_, i) =>
      `  - date: ${addDays('2026-06-01', -i)}\n    versions:\n      v5: effective\n      v4: ${i % 2 ? 'warn' : 'effective'}\n`,
  ).join('');
}

describe('timeline entries over all revisions', () => {
  it('at the cap and one under it everything is kept, without a cap warning', async () => {
    const repo = await upstreamRepo(baseCommits());
    for (const timelineEntries of [BASE_ENTRIES, BASE_ENTRIES + 1]) {
      const { dataset } = await syncFromGit({ git: repo, out: out(), caps: { ...CAPS, timelineEntries } });
      expect(dataset.scopes[0]!.revisions.map((r) => r.timeline.length)).toEqual([1, 2]);
      expect(dataset.meta.warnings.filter(isCapWarning)).toEqual([]);
    }
  });

  it('one over, the oldest revision is left out of the history, and a warning says which and why', async () => {
    const repo = await upstreamRepo(baseCommits());
    const { dataset } = await syncFromGit({
      git: repo,
      out: out(),
      caps: { ...CAPS, timelineEntries: BASE_ENTRIES - 1 },
    });
    expect(dataset.scopes[0]!.revisions.map((r) => [r.pr, r.timeline.length])).toEqual([[20, 2]]);
    expect(dataset.meta.warnings.filter(isCapWarning)).toEqual([
      `cap reached: ${SCOPE_PATH}: the 1 oldest revision (2024-02-28 to 2024-02-28, 1 timeline entry) left out of the history: all scope files together keep at most 2 timeline entries over their revisions`,
    ]);
  });

  /** The base history, then one commit giving the IaaS file and `more` other scope files `entries` timeline entries each. */
  const filesOf = (entries: readonly number[]) => {
    const files: Record<string, string> = {};
    entries.forEach((n, i) => {
      const path = i === 0 ? SCOPE_PATH : `Tests/scs-compatible-extra${i}.yaml`;
      files[path] = scopeYaml({ timeline: timeline(n) })
        .replace('name: SCS-compatible IaaS', `name: Scope ${i}`)
        .replace('50393e6f-2ae1-4c5c-a62c-3b75f2abef3f', `50393e6f-2ae1-4c5c-a62c-${String(i).padStart(12, '0')}`);
    });
    return upstreamRepo([...baseCommits(), { message: 'Many dates (#60)', date: '2025-01-20T10:00:00Z', files }]);
  };
  const atCap = Array.from(
    { length: MAX_TIMELINE_ENTRIES / MAX_REVISION_TIMELINE_ENTRIES },
    () => MAX_REVISION_TIMELINE_ENTRIES,
  );

  it('current timelines over the real cap fail the sync naming each file and the limit; data/ stays byte-identical', async () => {
    const dir = out();
    expect((await syncGit(await upstreamRepo(baseCommits()), dir)).code).toBe(0);
    ageFiles(dir);
    const before = dirState(dir);
    const run = await syncGit(await filesOf([...atCap, 1]), dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `${SCOPE_PATH}: timeline = ${MAX_REVISION_TIMELINE_ENTRIES} entries: expected at most ${MAX_TIMELINE_ENTRIES} timeline entries in all scope files together, their past revisions included (${MAX_TIMELINE_ENTRIES + 1} at the head alone)`,
    );
    expect(run.stderr).toContain(`Tests/scs-compatible-extra${atCap.length}.yaml: timeline = 1 entries`);
    expect(dirState(dir)).toEqual(before);
  });

  it('current timelines at the real cap are kept whole; the history before them is left out, with a warning', async () => {
    const { dataset } = await syncFromGit({ git: await filesOf(atCap), out: out() });
    expect(dataset.scopes.filter((s) => s.file).map((s) => s.timeline.length)).toEqual(atCap);
    const iaas = dataset.scopes.find((s) => s.id === 'iaas')!;
    expect(iaas.revisions.map((r) => r.pr)).toEqual([60]);
    expect(dataset.meta.warnings.filter(isCapWarning)).toEqual([
      expect.stringContaining(
        `${SCOPE_PATH}: the 2 oldest revisions (2024-02-28 to 2024-12-02, 3 timeline entries) left out`,
      ),
    ]);
  });

  it('a lowered cap below the current timelines throws the InputError before anything is written', async () => {
    const repo = await upstreamRepo(baseCommits());
    await expect(syncFromGit({ git: repo, out: out(), caps: { ...CAPS, timelineEntries: 1 } })).rejects.toBeInstanceOf(
      InputError,
    );
  });
});

describe('timeline entries of one file in one revision', () => {
  const withHead = (n: number) =>
    upstreamRepo([
      ...baseCommits(),
      {
        message: 'Many dates (#62)',
        date: '2025-01-20T10:00:00Z',
        files: { [SCOPE_PATH]: scopeYaml({ timeline: timeline(n) }) },
      },
    ]);

  it('at the cap, and one under it, the head is kept', async () => {
    for (const n of [MAX_REVISION_TIMELINE_ENTRIES - 1, MAX_REVISION_TIMELINE_ENTRIES]) {
      const { dataset } = await syncFromGit({ git: await withHead(n), out: out() });
      expect(dataset.scopes[0]!.timeline).toHaveLength(n);
    }
  });

  it('one over at the head fails the sync naming file, key and limit', async () => {
    const run = await syncGit(await withHead(MAX_REVISION_TIMELINE_ENTRIES + 1), out());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${SCOPE_PATH}: timeline = [`);
    expect(run.stderr).toContain(
      `expected at most ${MAX_REVISION_TIMELINE_ENTRIES} timeline entries in one scope file`,
    );
  });

  it('one over in a past revision keeps that revision as unparseable, with a warning; later syncs are not blocked', async () => {
    const repo = await upstreamRepo([
      ...baseCommits(),
      {
        message: 'Many dates (#63)',
        date: '2025-01-20T10:00:00Z',
        files: { [SCOPE_PATH]: scopeYaml({ timeline: timeline(MAX_REVISION_TIMELINE_ENTRIES + 1) }) },
      },
      { message: 'Prune (#64)', date: '2025-01-21T10:00:00Z', files: { [SCOPE_PATH]: scopeYaml() } },
    ]);
    const { dataset } = await syncFromGit({ git: repo, out: out() });
    expect(dataset.scopes[0]!.revisions.map((r) => [r.pr, r.format])).toEqual([
      [10, 'timeline'],
      [20, 'timeline'],
      [63, 'unparseable'],
      [64, 'timeline'],
    ]);
    expect(dataset.meta.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          new RegExp(
            `^${SCOPE_PATH} at [0-9a-f]{7} \\(2025-01-20, #63\\): kept in the history as unparseable: .*expected at most ${MAX_REVISION_TIMELINE_ENTRIES} timeline entries in one scope file`,
          ),
        ),
      ]),
    );
  });
});

describe('pull requests', () => {
  const exportOf = (n: number) => {
    const file = join(tempDir('caps-pulls'), 'pulls.json');
    const pulls = Array.from({ length: n }, (_, i) => ({
      number: 1000 + i,
      title: `Revise scs-0100-v3 (${i})`,
      state: 'open',
      files: ['Standards/scs-0100-v3-flavor-naming.md'],
    }));
    writeFileSync(file, JSON.stringify(pulls));
    return file;
  };
  // The base history names pull requests #10, #20 and #30 in its commit messages.
  const FROM_COMMITS = 3;

  it('one under the cap and at it: every pull request kept, no cap warning', async () => {
    const repo = await upstreamRepo(baseCommits());
    const pulls = exportOf(5);
    for (const max of [FROM_COMMITS + 6, FROM_COMMITS + 5]) {
      const { dataset } = await syncFromGit({ git: repo, out: out(), pulls, caps: { ...CAPS, pulls: max } });
      expect(dataset.pulls).toHaveLength(FROM_COMMITS + 5);
      expect(dataset.meta.warnings.filter(isCapWarning)).toEqual([]);
    }
  });

  it('one over: the oldest is left out, and a warning says how many there were', async () => {
    const repo = await upstreamRepo(baseCommits());
    const { dataset } = await syncFromGit({
      git: repo,
      out: out(),
      pulls: exportOf(5),
      caps: { ...CAPS, pulls: FROM_COMMITS + 4 },
    });
    expect(dataset.pulls.map((p) => p.number)).toEqual([20, 30, 1000, 1001, 1002, 1003, 1004]);
    expect(dataset.meta.warnings.filter(isCapWarning)).toEqual([
      'cap reached: 8 pull requests touch standards or scopes; only the newest 7, #20 and later, are kept',
    ]);
  });

  it('with the real cap, an export past MAX_PULLS keeps the newest MAX_PULLS', async () => {
    const repo = await upstreamRepo(baseCommits());
    const { dataset } = await syncFromGit({ git: repo, out: out(), pulls: exportOf(MAX_PULLS + 1) });
    expect(dataset.pulls).toHaveLength(MAX_PULLS);
    // #10, #20, #30 of the commit messages and the export's first, #1000, are the oldest.
    expect(dataset.pulls[0]!.number).toBe(1001);
    expect(dataset.meta.warnings.filter(isCapWarning)).toEqual([
      `cap reached: ${MAX_PULLS + FROM_COMMITS + 1} pull requests touch standards or scopes; only the newest ${MAX_PULLS}, #1001 and later, are kept`,
    ]);
  }, 60_000);
});
