/**
 * The synthetic upstream of the growth benchmark: deterministic, in the upstream formats
 * (the sync reads it without a failure, following the legacy file's rename), and of the
 * size it claims.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fastImportStream } from '../../scripts/lib/git-fast-import.ts';
import { syncFromGit, type SyncResult } from '../../scripts/lib/sync.ts';
import { syntheticUpstream, writeSyntheticUpstream } from '../../scripts/lib/synthetic-upstream.ts';
import { tempDir } from '../support/files.ts';

const digest = (seed?: number) => {
  const u = syntheticUpstream({ scale: 1, ...(seed === undefined ? {} : { seed }) });
  return createHash('sha256').update(fastImportStream(u.commits)).update(JSON.stringify(u.pulls)).digest('hex');
};

describe('synthetic upstream', () => {
  it('is the same for the same seed, and differs for another', () => {
    expect(digest()).toBe(digest());
    expect(digest(7)).not.toBe(digest());
  });

  it('scales: 10× has ten times the documents, scope revisions and pull requests of 1×', () => {
    const one = syntheticUpstream({ scale: 1 }).counts;
    const ten = syntheticUpstream({ scale: 10 }).counts;
    expect(one).toMatchObject({ documents: 100, scopeRevisions: 50 });
    expect(ten).toMatchObject({ documents: 1000, scopeRevisions: 500 });
    expect(ten.pulls).toBeGreaterThanOrEqual(8000);
    expect(ten.commits / one.commits).toBeGreaterThan(9);
  });

  describe('synced at 1×', () => {
    let result: SyncResult;
    beforeAll(async () => {
      const dir = tempDir('synthetic');
      await writeSyntheticUpstream(join(dir, 'repo'), join(dir, 'pulls.json'), { scale: 1 });
      result = await syncFromGit({ git: join(dir, 'repo'), out: join(dir, 'data'), pulls: join(dir, 'pulls.json') });
    });

    it('reads every document and every scope revision', () => {
      expect(result.dataset.documents).toHaveLength(100);
      expect(result.dataset.scopes.map((s) => s.revisions.length)).toEqual([25, 25]);
    });

    it('follows the legacy file through its rename, and derives timelines from legacy dates', () => {
      const iaas = result.dataset.scopes.find((s) => s.id === 'iaas')!;
      expect(iaas.revisions[0]!.file).toBe('Tests/scs-compatible.yaml');
      expect(iaas.revisions[0]!.format).toBe('legacy');
      expect(iaas.revisions.at(-1)!.format).toBe('timeline');
      expect(iaas.revisions.filter((r) => r.format === 'legacy').every((r) => r.timeline.length > 0)).toBe(true);
    });

    it('keeps its one broken revision as unparseable, and warns about nothing else', () => {
      const broken = result.dataset.scopes.flatMap((s) => s.revisions).filter((r) => r.format === 'unparseable');
      expect(broken).toHaveLength(1);
      // Besides, only that its open pull requests' heads are not in it (it publishes no refs/pull/N/head).
      const heads =
        /^(open pull request #\d+: its head is not in the clone|and \d+ more open pull requests whose heads)/;
      const other = result.dataset.meta.warnings.filter((w) => !heads.test(w));
      expect(other).toHaveLength(1);
      expect(other[0]).toContain('kept in the history as unparseable');
      const open = result.dataset.pulls.filter((p) => p.state === 'open').length;
      expect(result.dataset.meta.warnings.length - 1).toBe(Math.min(open, 21));
    });

    it('keeps the pull requests that touch standards or scopes, merged and not', () => {
      const states = new Set(result.dataset.pulls.map((p) => p.state));
      expect(states).toEqual(new Set(['merged', 'closed', 'open']));
      expect(result.dataset.pulls.length).toBeGreaterThan(500);
    });
  });
});
