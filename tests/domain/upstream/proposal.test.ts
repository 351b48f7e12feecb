import { describe, expect, it } from 'vitest';
import { assemble } from '../../../src/domain/upstream/assemble.ts';
import { firstWarnings, proposalOf, withProposals, type HeadChange } from '../../../src/domain/upstream/proposal.ts';
import type { PullRequest } from '../../../src/domain/schemas/data.ts';
import type { UpstreamChange } from '../../../src/domain/upstream/upstream.ts';
import { sha } from '../../support/build-scope.ts';
import { bytes, history } from '../../support/build-snapshot.ts';

const IAAS = 'Tests/scs-compatible-iaas.yaml';
const FLAVORS = 'Standards/scs-0100-v3-flavor-naming.md';
const scopeText = (timeline: string) =>
  `uuid: 50393e6f-2ae1-4c5c-a62c-3b75f2abef3f\nname: SCS-compatible IaaS\ntimeline:\n${timeline}versions:\n  - version: v4\n    stabilized_at: 2024-02-28\n  - version: v5\n`;
const V4 = '  - date: 2024-03-01\n    versions:\n      v4: effective\n';
const V5 = '  - date: 2025-01-01\n    versions:\n      v4: warn\n      v5: effective\n';
const doc = (status: string, extra = '') =>
  `---\ntitle: Flavor naming\ntype: Standard\nstatus: ${status}\ntrack: IaaS\n${extra}---\n\n# Flavor naming\n`;

const dataset = assemble(
  history([
    { at: '2024-03-01T10:00:00Z', message: 'Start (#100)', set: { [IAAS]: scopeText(V4), [FLAVORS]: doc('Draft') } },
  ]),
  [],
  'git',
).dataset;
const PR = { number: 900, title: 'Announce v5' } as PullRequest;
const ON = '2024-11-21';

function change(set: Record<string, string | null>, conflicts: string[] = []): HeadChange {
  const changes: UpstreamChange[] = Object.entries(set).map(([path, text]) => ({
    path,
    status: text === null ? 'D' : 'M',
    oldPath: null,
    content: text === null ? null : bytes(text),
  }));
  return { base: dataset.meta.source.commit, head: sha('head'), changes, conflicts };
}

describe('proposalOf', () => {
  it('reads a changed scope file as the revision it would be on the given day', () => {
    const p = proposalOf(dataset, PR, change({ [IAAS]: scopeText(V5 + V4) }), ON);
    expect(p.scopes).toHaveLength(1);
    const r = p.scopes[0]!.revision!;
    expect([r.commit, r.date, r.pr, r.title, r.format]).toEqual([sha('head'), ON, 900, 'Announce v5', 'timeline']);
    expect(r.timeline.map((e) => e.date)).toEqual(['2025-01-01', '2024-03-01']);
  });

  it('leaves out a scope file whose timeline and versions it does not change, keeps a removed one', () => {
    const same = `# comment only\n${scopeText(V4)}`;
    expect(proposalOf(dataset, PR, change({ [IAAS]: same }), ON).scopes).toEqual([]);
    expect(proposalOf(dataset, PR, change({ [IAAS]: null }), ON).scopes).toEqual([{ scope: 'iaas', revision: null }]);
  });

  it('keeps a scope file that would not parse as an unparseable revision', () => {
    const r = proposalOf(dataset, PR, change({ [IAAS]: 'timeline: [' }), ON).scopes[0]!.revision!;
    expect(r.format).toBe('unparseable');
    expect(r.error).toContain(IAAS);
  });

  it('records a document only where its lifecycle dates change', () => {
    expect(proposalOf(dataset, PR, change({ [FLAVORS]: doc('Draft', 'description: x\n') }), ON).documents).toEqual([]);
    expect(
      proposalOf(dataset, PR, change({ [FLAVORS]: doc('Stable', 'stabilized_at: 2024-12-01\n') }), ON).documents,
    ).toEqual([{ id: 'scs-0100-v3', file: FLAVORS, stabilizedAt: '2024-12-01', deprecatedAt: null, rejectedAt: null }]);
  });

  it('keeps only conflicts in scope files and documents, not in templates or test code', () => {
    const c = change({}, [IAAS, 'Standards/scs-xxxx-v1-template.md', 'Tests/iaas/check.py', FLAVORS]);
    expect(proposalOf(dataset, PR, c, ON).conflicts).toEqual([IAAS, FLAVORS]);
  });
});

describe('withProposals', () => {
  const withPulls = { ...dataset, pulls: [900, 901, 902].map((number) => ({ ...PR, number })) };
  const proposal = proposalOf(dataset, PR, change({ [IAAS]: scopeText(V5 + V4) }), ON); // 2 entries

  it('attaches each proposal to its pull request within the cap', () => {
    const all = new Map([900, 901, 902].map((n) => [n, proposal]));
    const out = withProposals(withPulls, all, 6);
    expect(out.pulls.map((p) => p.proposal !== undefined)).toEqual([true, true, true]);
    expect(out.meta.warnings).toEqual(dataset.meta.warnings);
  });

  it('past the cap keeps the newest pull requests proposals and says which were left out', () => {
    const all = new Map([900, 901, 902].map((n) => [n, proposal]));
    const out = withProposals(withPulls, all, 5);
    expect(out.pulls.map((p) => p.proposal !== undefined)).toEqual([false, true, true]);
    expect(out.meta.warnings.at(-1)).toBe(
      'cap reached: the proposals of 1 open pull requests (#900) are left out: their scope files would exceed 5 timeline entries together',
    );
  });
});

describe('firstWarnings', () => {
  const rest = (n: number) => `and ${n} more`;
  it('keeps up to 20 warnings, sorted, and counts the rest in one', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => `w${String(i).padStart(2, '0')}`);
    expect(firstWarnings([...twenty].reverse(), rest)).toEqual(twenty);
    expect(firstWarnings([...twenty, 'w20', 'w21'], rest)).toEqual([...twenty, 'and 2 more']);
    expect(firstWarnings([], rest)).toEqual([]);
  });
});
