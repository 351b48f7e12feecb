/** Pull requests from commit messages (commit-pulls.ts). */
import { describe, expect, it } from 'vitest';
import { pullsFromCommits } from '../../../src/domain/upstream/commit-pulls.ts';
import { history, REPO } from '../../support/build-snapshot.ts';

const doc = (status: string, extra = '') =>
  `---\ntitle: Flavor naming\ntype: Standard\nstatus: ${status}\ntrack: IaaS\n${extra}---\n\n# Flavor naming\n`;

describe('pullsFromCommits', () => {
  it('reads squash and merge commits, uniting the files of commits of one pull request', () => {
    const snapshot = history([
      {
        at: '2024-01-01T10:00:00Z',
        message: 'Merge pull request #12 from someone/branch\n\nStabilize scs-0214-v2',
        set: { 'Standards/scs-0214-v2-k8s.md': doc('Draft') },
      },
      { at: '2024-01-02T10:00:00Z', message: 'Follow-up (#12)', set: { 'Tests/scs-compatible-kaas.yaml': 'x' } },
      { at: '2024-01-03T10:00:00Z', message: 'No pull request', set: { 'README.md': 'y' } },
      { at: '2024-01-04T10:00:00Z', message: 'Rename (#13)', rename: ['README.md', 'README2.md', 'z'] },
    ]);
    expect(pullsFromCommits(snapshot)).toEqual([
      {
        number: 12,
        title: 'Stabilize scs-0214-v2',
        state: 'merged',
        author: null,
        createdAt: null,
        updatedAt: '2024-01-02T10:00:00Z',
        mergedAt: '2024-01-01T10:00:00Z',
        closedAt: '2024-01-01T10:00:00Z',
        labels: [],
        reviewDecision: null,
        files: ['Standards/scs-0214-v2-k8s.md', 'Tests/scs-compatible-kaas.yaml'],
        documents: ['scs-0214-v2'],
        scopes: ['kaas'],
        url: `https://github.com/${REPO}/pull/12`,
      },
      expect.objectContaining({
        number: 13,
        title: 'Rename',
        files: ['README.md', 'README2.md'],
        documents: [],
        scopes: [],
      }),
    ]);
  });
});
