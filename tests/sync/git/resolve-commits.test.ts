/** The open pull requests' heads resolved in one `git cat-file` (scripts/lib/git-source.ts `resolveCommits`). */
import { describe, expect, it } from 'vitest';
import { resolveCommits, resolveRev } from '../../../scripts/lib/git-source.ts';
import { gitRepo } from '../../support/git-repo.ts';

describe('resolveCommits', () => {
  const repo = gitRepo('resolve-commits');
  repo.write({ 'README.md': 'one\n' });
  const first = repo.commit('One', { date: '2024-11-01T10:00:00+01:00' });
  repo.write({ 'README.md': 'two\n' });
  const second = repo.commit('Two', { date: '2024-11-02T10:00:00+01:00' });
  repo.git('update-ref', 'refs/pull/7/head', first);
  const tree = repo.git('rev-parse', `${second}^{tree}`).trim();

  it('gives the commit of a pull-request ref and of a commit id, and null for what the clone lacks', async () => {
    const missing = 'f'.repeat(40);
    const revs = ['refs/pull/7/head', second, 'refs/pull/8/head', missing, tree];
    const found = await resolveCommits(repo.dir, revs);
    expect([...found]).toEqual([
      ['refs/pull/7/head', first],
      [second, second],
      ['refs/pull/8/head', null],
      [missing, null],
      [tree, null], // a tree is not a commit
    ]);
    // The same answers as one `git rev-parse` each.
    expect(await resolveRev(repo.dir, 'refs/pull/7/head')).toBe(first);
    await expect(resolveRev(repo.dir, 'refs/pull/8/head')).rejects.toThrow('no commit');
  });

  it('asks nothing for no revisions', async () => {
    expect(await resolveCommits(repo.dir, [])).toEqual(new Map());
  });
});
