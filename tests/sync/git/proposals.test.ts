/**
 * Proposals of open pull requests from a clone: a throwaway repository whose open pull
 * requests' heads are published as `refs/pull/N/head` (as GitHub does and a mirror fetches
 * them), a pull-request export naming them, and the sync reading each head merged into `main`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { proposalsOn } from '../../../src/domain/events/proposals.ts';
import type { Dataset } from '../../../src/domain/schemas/data.ts';
import { readDataset } from '../../../src/io/dataset.ts';
import { tempDir } from '../../support/files.ts';
import { gitRepo } from '../../support/git-repo.ts';
import { SCOPE_PATH, syncGit } from '../../support/upstream-repo.ts';
import { DEFAULT_TIMELINE, documentMd, scopeYaml } from '../../support/upstream-files.ts';

const DOC = 'Standards/scs-0100-v3-flavor-naming.md';
const WARN_FEB = DEFAULT_TIMELINE;
const DEPRECATE_JUL = `  - date: 2025-07-01
    versions:
      v5: effective
      v4: deprecated
${WARN_FEB}`;

const versions = (v4: string) => `  - version: v5
    stabilized_at: 2024-11-08
    include:
      - scs-0100-v3.1
  - version: v4
    stabilized_at: ${v4}
    include: [scs-0100-v3.1]
`;

let data: Dataset;
let stdout: string;
const heads: Record<string, string> = {};

beforeAll(async () => {
  const repo = gitRepo('proposals');
  repo.write({ [SCOPE_PATH]: scopeYaml(), [DOC]: documentMd({ title: 'Flavor naming', status: 'Draft' }) });
  const base = repo.commit('Add the IaaS scope (#1)', { date: '2024-11-01T10:00:00+01:00' });
  // #2 announces v4 deprecated on 2025-07-01; #3 stabilizes the document; #4 conflicts with
  // main's later change to the scope file; #5's head is not published.
  repo.checkout('deprecate', true);
  repo.write({ [SCOPE_PATH]: scopeYaml({ timeline: DEPRECATE_JUL }) });
  heads['2'] = repo.commit('Deprecate v4', { date: '2024-11-10T10:00:00+01:00' });
  repo.checkout('main');
  repo.git('checkout', '-q', '-b', 'stabilize', base);
  repo.write({ [DOC]: documentMd({ title: 'Flavor naming', status: 'Stable', stabilized_at: '2024-12-01' }) });
  heads['3'] = repo.commit('Stabilize scs-0100-v3', { date: '2024-11-11T10:00:00+01:00' });
  repo.git('checkout', '-q', '-b', 'conflict', base);
  repo.write({ [SCOPE_PATH]: scopeYaml({ versions: versions('2024-03-01') }) });
  heads['4'] = repo.commit('Correct v4 stabilized_at', { date: '2024-11-12T10:00:00+01:00' });
  repo.checkout('main');
  repo.write({ [SCOPE_PATH]: scopeYaml({ versions: versions('2024-02-29') }) });
  repo.commit('Correct v4 stabilized_at (#6)', { date: '2024-11-20T10:00:00+01:00' });
  for (const n of ['2', '3', '4']) repo.git('update-ref', `refs/pull/${n}/head`, heads[n]!);
  const pull = (number: number, title: string, files: string[], created: string) => ({
    number,
    title,
    state: 'open',
    created_at: created,
    updated_at: created,
    files,
    head_sha: number === 5 ? 'f'.repeat(40) : undefined,
  });
  const exportFile = join(tempDir('proposals-export'), 'pulls.json');
  writeFileSync(
    exportFile,
    JSON.stringify([
      pull(2, 'Deprecate v4', [SCOPE_PATH], '2024-11-10T09:00:00Z'),
      pull(3, 'Stabilize scs-0100-v3', [DOC], '2024-11-11T09:00:00Z'),
      pull(4, 'Correct v4 stabilized_at', [SCOPE_PATH], '2024-11-12T09:00:00Z'),
      pull(5, 'Unpublished head', [SCOPE_PATH], '2024-11-13T09:00:00Z'),
    ]),
  );
  const out = tempDir('proposals-out');
  const run = await syncGit(repo.dir, out, ['--pulls', exportFile]);
  expect(run.code, run.stderr).toBe(0);
  stdout = run.stdout;
  data = await readDataset(out);
});

describe('proposals read from refs/pull/N/head', () => {
  it('stores each open head as the revision it would be, laid on main', () => {
    const p2 = data.pulls.find((p) => p.number === 2)!.proposal!;
    expect(p2.head).toBe(heads['2']);
    expect(p2.base).toBe(data.meta.source.commit);
    // merged into main: main's later correction stays, the pull request adds only its entry
    const revision = p2.scopes[0]!.revision!;
    expect(revision.timeline.map((e) => e.date)).toEqual(['2025-07-01', '2025-02-01', '2024-11-08']);
    expect(revision.versions.find((v) => v.name === 'v4')!.stabilizedAt).toBe('2024-02-29');
    expect(p2.scopes[0]!.revision!.date).toBe(data.meta.pullsAsOf);
  });

  it('says each proposal in the history words, apart from what is announced', () => {
    const said = proposalsOn(data, '2024-11-25').map((p) => [
      p.pr,
      p.source,
      p.changes.map((c) => `${c.subject} ${c.phrase}`),
      p.conflicts,
    ]);
    expect(said).toEqual([
      [2, 'head', ['IaaS v4 can no longer be certified from 2025-07-01'], []],
      [3, 'head', ['scs-0100-v3 becomes Stable on 2024-12-01'], []],
      [4, 'head', [], [SCOPE_PATH]],
    ]);
    expect(data.scopes[0]!.timeline.map((e) => e.date)).toEqual(['2025-02-01', '2024-11-08']);
  });

  it('has no proposal for a head the clone lacks, and warns naming it', () => {
    expect(data.pulls.find((p) => p.number === 5)!.proposal).toBeUndefined();
    const warning = `open pull request #5: its head is not in the clone (no refs/pull/5/head nor ${'f'.repeat(40)}): what it proposes is not known`;
    expect(data.meta.warnings).toContain(warning);
    expect(stdout).toContain(`warning: ${warning}`);
  });

  it('counts a pull request only from the day it was opened', () => {
    expect(proposalsOn(data, '2024-11-09')).toEqual([]);
    expect(proposalsOn(data, '2024-11-10').map((p) => p.pr)).toEqual([2]);
    expect(proposalsOn(data, '2024-11-11').map((p) => p.pr)).toEqual([2, 3]);
  });
});
