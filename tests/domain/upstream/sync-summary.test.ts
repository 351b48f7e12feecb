import { describe, expect, it } from 'vitest';
import { describeChanges } from '../../../src/domain/upstream/sync-summary.ts';
import type { Dataset, PullRequest } from '../../../src/domain/schemas/data.ts';
import { documentOf, revision, scope, sha } from '../../support/build-scope.ts';
import { buildPull } from '../../support/build-pull.ts';

const r1 = revision('2024-11-21', [{ date: '2024-11-21', versions: { v1: 'effective' } }], {
  pr: 824,
  title: 'Stabilize v1',
});
const r2 = revision('2024-12-20', [{ date: '2025-02-01', versions: { v1: 'warn' } }, ...r1.timeline], {
  pr: 859,
  title: 'Announce warn',
});
const pull = (number: number, state: PullRequest['state'] = 'open'): PullRequest =>
  buildPull({ number, title: `PR ${number}`, state });

function dataset(extra: Partial<Dataset> = {}): Dataset {
  return {
    meta: {
      schemaVersion: 1,
      source: {
        repo: 'SovereignCloudStack/standards',
        branch: 'main',
        commit: sha('1head'),
        committedAt: '2024-12-20T10:00:00+01:00',
        date: '2024-12-20',
      },
      pullRequestSource: 'git',
      pullsAsOf: '2024-12-20',
      warnings: [],
    },
    scopes: [scope([r1, r2])],
    documents: [documentOf({ id: 'scs-0214-v2', status: 'Draft' })],
    pulls: [pull(1), pull(2)],
    ...extra,
  };
}

describe('describeChanges', () => {
  it('says so on a first sync', () => {
    expect(describeChanges(null, dataset())).toEqual(['first sync: no previous data']);
  });
  it('says nothing changed for the same data', () => {
    expect(describeChanges(dataset(), dataset())).toEqual(['nothing changed']);
  });
  it('names the new upstream head, revisions, document changes and pull requests', () => {
    const prev = dataset({ scopes: [scope([r1])] });
    const next = dataset({
      meta: { ...dataset().meta, source: { ...dataset().meta.source, commit: sha('2head'), date: '2024-12-21' } },
      documents: [
        documentOf({ id: 'scs-0214-v2', status: 'Stable', stabilizedAt: '2024-12-21' }),
        documentOf({ id: 'scs-0215-v1', status: 'Draft' }),
      ],
      pulls: [pull(1, 'merged'), pull(2), pull(3)],
    });
    expect(describeChanges(prev, next)).toEqual([
      `upstream ${sha('1head').slice(0, 7)} (2024-12-20) → ${sha('2head').slice(0, 7)} (2024-12-21)`,
      'document scs-0214-v2: Draft → Stable',
      'document added: scs-0215-v1 (Draft)',
      'SCS-compatible X: new revision 2024-12-20 (#859): Announce warn',
      '1 new pull request',
      '1 pull request updated',
    ]);
  });
  it('names documents, scopes and revisions that went away', () => {
    const next = dataset({ scopes: [scope([r1])], documents: [] });
    expect(describeChanges(dataset(), next)).toEqual([
      'document removed: scs-0214-v2',
      'SCS-compatible X: revision 2024-12-20 (#859) no longer in the history',
    ]);
    expect(describeChanges(dataset(), dataset({ scopes: [] }))).toEqual(['scope removed: x']);
  });
  it('says when only derived data differs (same upstream, a newer sync)', () => {
    const next = dataset({
      documents: [
        documentOf({
          id: 'scs-0214-v2',
          status: 'Draft',
          history: [
            {
              commit: sha('a'),
              date: '2023-08-02',
              pr: 284,
              status: 'Draft',
              stabilizedAt: null,
              deprecatedAt: null,
              rejectedAt: null,
            },
          ],
        }),
      ],
    });
    expect(describeChanges(dataset(), next)).toEqual([
      'no upstream change; derived data differs in documents.json (a newer sync)',
    ]);
  });
});
