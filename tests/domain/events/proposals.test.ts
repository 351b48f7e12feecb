import { beforeAll, describe, expect, it } from 'vitest';
import {
  noProposalsWords,
  proposalsKnown,
  proposalsOn,
  proposalsUnknownWords,
  proposedTransitions,
} from '../../../src/domain/events/proposals.ts';
import type { Dataset, PullRequest } from '../../../src/domain/schemas/data.ts';
import { buildPull } from '../../support/build-pull.ts';
import { realData } from '../../support/real-data.ts';

let data: Dataset;
beforeAll(async () => {
  data = await realData();
});

const said = (day: string, pr: number) =>
  proposalsOn(data, day)
    .find((p) => p.pr === pr)
    ?.changes.map((c) => `${c.subject} ${c.phrase}`);

describe('proposalsOn, on the committed data', () => {
  it('#824, open 2024-11-13 until its merge on 2024-11-21, proposed what its merged change did', () => {
    expect(said('2024-11-12', 824)).toBeUndefined();
    const expected = ['IaaS v5 becomes effective on 2024-11-21', 'IaaS v4 enters its warn period on 2025-01-01'];
    expect(said('2024-11-13', 824)).toEqual(expected);
    expect(said('2024-11-20', 824)).toEqual(expected);
    expect(said('2024-11-21', 824)).toBeUndefined(); // merged: announced, no longer proposed
    expect(proposalsOn(data, '2024-11-14').find((p) => p.pr === 824)).toMatchObject({
      source: 'merged',
      opened: '2024-11-13',
      title: 'Stabilize SCS-compatible IaaS v5',
    });
  });

  it('#835 proposed stabilizing scs-0214-v2 from its opening (2024-11-20) to its merge (2024-11-26)', () => {
    expect(said('2024-11-19', 835)).toBeUndefined();
    expect(said('2024-11-20', 835)).toEqual(['scs-0214-v2 becomes Stable on 2024-11-21']);
    expect(said('2024-11-25', 835)).toEqual(['scs-0214-v2 becomes Stable on 2024-11-21']);
    expect(said('2024-11-26', 835)).toBeUndefined();
  });

  it('#955 proposed v4 deprecated from 2025-07-01 while open', () => {
    expect(said('2025-06-16', 955)).toBeUndefined();
    expect(said('2025-06-17', 955)).toEqual(['IaaS v4 can no longer be certified from 2025-07-01']);
    expect(said('2025-06-26', 955)).toBeUndefined();
  });

  it('at the data end, the open heads propose no date; those that do not merge are named', () => {
    const end = proposalsOn(data, data.meta.pullsAsOf);
    expect(end.map((p) => [p.pr, p.source, p.changes.length, p.conflicts])).toEqual([
      [842, 'head', 0, ['Tests/scs-compatible-kaas.yaml']],
      [
        996,
        'head',
        0,
        ['Standards/scs-0103-v1-standard-flavors.md', 'Standards/scs-0103-w1-standard-flavors-implementation.md'],
      ],
      [998, 'head', 0, ['Standards/scs-0103-v1-standard-flavors.md']],
    ]);
  });
});

describe('proposalsOn, a head that adds or removes a scope file', () => {
  const openPull = (scopes: NonNullable<PullRequest['proposal']>['scopes']) =>
    buildPull({
      number: 9002,
      title: 'Rework the scope files',
      createdAt: '2026-08-01T09:00:00Z',
      proposal: { head: 'e'.repeat(40), base: data.meta.source.commit, scopes, documents: [], conflicts: [] },
    });
  const changesOf = (scopes: Parameters<typeof openPull>[0]) =>
    proposalsOn({ ...data, pulls: [openPull(scopes)] }, '2026-08-21')[0]!.changes.map((c) => [
      c.kind,
      c.subject,
      c.phrase,
    ]);

  it('a removed file is said as such, not as a removed version', () => {
    expect(changesOf([{ scope: 'kaas', revision: null }])).toEqual([['file-removed', 'KaaS', 'scope file removed']]);
  });

  it('a file of a scope the data does not have is a new scope file', () => {
    const revision = { ...data.scopes[0]!.revisions.at(-1)!, file: 'Tests/scs-compatible-new.yaml' };
    expect(changesOf([{ scope: 'new', revision }])).toEqual([
      ['file-added', 'new', 'scope file Tests/scs-compatible-new.yaml added'],
    ]);
  });
});

describe('proposedTransitions', () => {
  it('lists dated scope transitions from a day on, soonest first, with their pull request', () => {
    const list = proposedTransitions(proposalsOn(data, '2024-11-14'), '2024-11-14');
    expect(list.map((c) => [c.pr, c.subject, c.date])).toEqual([
      [824, 'IaaS v5', '2024-11-21'],
      [824, 'IaaS v4', '2025-01-01'],
    ]);
    expect(proposedTransitions(proposalsOn(data, '2024-11-14'), '2024-11-22').map((c) => c.date)).toEqual([
      '2025-01-01',
    ]);
  });

  it('leaves out document dates and withdrawals', () => {
    expect(proposedTransitions(proposalsOn(data, '2024-11-21'), '2024-11-01')).toEqual([]);
  });
});

describe('proposalsKnown', () => {
  it('from GitHub or an export the data knows which pull requests were open; from commit messages only it does not', () => {
    expect(proposalsKnown({ pullRequestSource: 'github' })).toBe(true);
    expect(proposalsKnown({ pullRequestSource: 'export' })).toBe(true);
    expect(proposalsKnown({ pullRequestSource: 'git' })).toBe(false);
    expect(proposalsUnknownWords('2024-11-19')).toBe(
      'Pull requests come from commit messages only: which were open on 2024-11-19, and what they proposed, is not known.',
    );
    expect(noProposalsWords({ pullRequestSource: 'export' }, '2024-11-19', 'None.')).toBe('None.');
    expect(noProposalsWords({ pullRequestSource: 'git' }, '2024-11-19', 'None.')).toBe(
      proposalsUnknownWords('2024-11-19'),
    );
  });
});
