import { describe, expect, it } from 'vitest';
import { Dataset } from '../../../src/domain/schemas/data.ts';
import { assemble, pullsFromCommits } from '../../../src/domain/upstream/assemble.ts';
import { sha } from '../../support/build-scope.ts';
import { history, REPO } from '../../support/build-snapshot.ts';
import { caught } from '../../support/input-error.ts';

const scopeText = (timeline: string, versions = '  - version: v4\n    stabilized_at: 2024-02-28\n  - version: v5\n') =>
  `uuid: 50393e6f-2ae1-4c5c-a62c-3b75f2abef3f\nname: SCS-compatible IaaS\ntimeline:\n${timeline}versions:\n${versions}`;
const V4 = '  - date: 2024-03-01\n    versions:\n      v4: effective\n';
const V5 = '  - date: 2025-01-01\n    versions:\n      v5: effective\n      v4: warn\n';
const LEGACY = 'name: SCS Compatible\nversions:\n  - version: v4\n    stabilized_at: 2024-02-28\n';
const doc = (status: string, extra = '') => `---\ntitle: Flavor naming\ntype: Standard\nstatus: ${status}\ntrack: IaaS\n${extra}---\n\n# Flavor naming\n`;

describe('assemble: scopes', () => {
  const snapshot = history([
    { at: '2024-02-01T10:00:00+01:00', message: 'Start (#100)', set: { 'Tests/scs-compatible.yaml': LEGACY } },
    { at: '2024-08-01T23:30:00-02:00', message: 'Move to timeline (#200)', rename: ['Tests/scs-compatible.yaml', 'Tests/scs-compatible-iaas.yaml', scopeText(V4)] },
    { at: '2024-09-01T10:00:00Z', message: 'Fix README (#210)', set: { 'README.md': 'x' } },
    { at: '2024-11-26T10:00:00Z', message: 'Announce v5 (#300)', set: { 'Tests/scs-compatible-iaas.yaml': scopeText(V5 + V4) } },
    { at: '2024-11-26T12:00:00Z', message: 'Break it (#301)', set: { 'Tests/scs-compatible-iaas.yaml': scopeText(V5 + V4).replace('v4: warn', 'v4: warn\n   bad: indent') } },
    { at: '2024-11-26T15:00:00Z', message: 'Fix it (#302)', set: { 'Tests/scs-compatible-iaas.yaml': scopeText(V5 + V4) } },
    // Same timeline, entries reordered and only a comment added: nothing the revision says changed.
    { at: '2024-12-01T10:00:00Z', message: 'Reorder (#303)', set: { 'Tests/scs-compatible-iaas.yaml': `# comment\n${scopeText(V4 + V5)}` } },
  ]);
  const { dataset } = assemble(snapshot, pullsFromCommits(snapshot), 'git');
  const [iaas] = dataset.scopes;

  it('names the scope after its head file and takes its fields from the head', () => {
    expect(dataset.scopes.map((s) => s.id)).toEqual(['iaas']);
    expect(iaas).toMatchObject({ uuid: '50393e6f-2ae1-4c5c-a62c-3b75f2abef3f', file: 'Tests/scs-compatible-iaas.yaml', name: 'SCS-compatible IaaS' });
    expect(iaas!.timeline.map((e) => e.date)).toEqual(['2024-03-01', '2025-01-01']);
  });
  it('follows the rename back to the legacy file and keeps one revision per change of what it says', () => {
    expect(iaas!.revisions.map((r) => [r.pr, r.format, r.file])).toEqual([
      [100, 'legacy', 'Tests/scs-compatible.yaml'],
      [200, 'timeline', 'Tests/scs-compatible-iaas.yaml'],
      [300, 'timeline', 'Tests/scs-compatible-iaas.yaml'],
      [301, 'unparseable', 'Tests/scs-compatible-iaas.yaml'],
      // The fix says what #300 said, but follows a broken revision: it is kept.
      [302, 'timeline', 'Tests/scs-compatible-iaas.yaml'],
    ]);
  });
  it('dates each revision by the day its commit landed, in the committer’s offset', () => {
    // 23:30 at -02:00 is already 2 August in UTC; the day as written is 1 August.
    expect(iaas!.revisions[1]).toMatchObject({ date: '2024-08-01', commit: sha('c1'), title: 'Move to timeline' });
  });
  it('keeps an unparseable revision with its reason, and warns naming file, commit, day and pull request', () => {
    const broken = iaas!.revisions[3]!;
    expect(broken).toMatchObject({ timeline: [], versions: [] });
    expect(broken.error).toMatch(/^Tests\/scs-compatible-iaas\.yaml: line \d+, column \d+ = .*YAML syntax error/);
    expect(dataset.meta.warnings).toEqual([`Tests/scs-compatible-iaas.yaml at ${sha('c4').slice(0, 7)} (2024-11-26, #301): kept in the history as unparseable: ${broken.error}`]);
  });
  it('names for each pull request the scope its file became, and none for other files', () => {
    const scopes = Object.fromEntries(dataset.pulls.map((p) => [p.number, p.scopes]));
    expect(scopes).toEqual({ 100: ['iaas'], 200: ['iaas'], 210: [], 300: ['iaas'], 301: ['iaas'], 302: ['iaas'], 303: ['iaas'] });
  });
  it('says where the data comes from, as of the head’s own day', () => {
    expect(dataset.meta).toMatchObject({
      schemaVersion: 1, pullRequestSource: 'git', pullsAsOf: '2024-12-01',
      source: { repo: REPO, branch: 'main', commit: sha('c6'), committedAt: '2024-12-01T10:00:00Z', date: '2024-12-01' },
    });
  });
  it('builds data the data/ schemas accept, and the same data from the same snapshot', () => {
    expect(Dataset.parse(dataset)).toEqual(dataset);
    expect(assemble(snapshot, pullsFromCommits(snapshot), 'git').dataset).toEqual(dataset);
  });
});

describe('assemble: failures', () => {
  it('fails on a scope file that does not parse at the head, naming it', () => {
    const snapshot = history([{ at: '2025-01-01T10:00:00Z', message: 'x (#1)', set: { 'Tests/scs-compatible-iaas.yaml': scopeText(V4.replace('effective', 'effectiv')) } }]);
    const error = caught(() => assemble(snapshot, [], 'git'));
    expect(error.problems[0]).toMatchObject({ file: 'Tests/scs-compatible-iaas.yaml', key: 'timeline[0].versions.v4', value: '"effectiv"' });
  });
  it('fails on two files that are one scope, naming both', () => {
    const snapshot = history([{ at: '2025-01-01T10:00:00Z', message: 'x', set: { 'Tests/scs-compatible-iaas.yaml': scopeText(V4), 'Tests/scs-compatible-iaas.yml': scopeText(V4) } }]);
    expect(caught(() => assemble(snapshot, [], 'git')).problems).toEqual([{
      file: 'Tests/scs-compatible-iaas.yaml and Tests/scs-compatible-iaas.yml', key: '', value: null,
      expected: 'both are the certificate scope "iaas"; expected one file per scope (remove or rename one of them)',
    }]);
  });
  it('fails on a scope file at the head that is not UTF-8, naming line and bytes', () => {
    const snapshot = history([{ at: '2025-01-01T10:00:00Z', message: 'x', set: { 'Tests/scs-compatible-iaas.yaml': scopeText(V4) } }]);
    snapshot.files.set('Tests/scs-compatible-iaas.yaml', Uint8Array.from([0x6e, 0x3a, 0x20, 0xc3, 0x28]));
    expect(caught(() => assemble(snapshot, [], 'git')).problems[0]).toMatchObject({ file: 'Tests/scs-compatible-iaas.yaml', key: 'line 1, byte 3', value: '0xc3 0x28' });
  });
});

describe('assemble: documents', () => {
  const path = 'Standards/scs-0100-v3-flavor-naming.md';
  const snapshot = history([
    // A scope file from the start: a head without any certificate scope is refused (tested below).
    { at: '2023-01-10T10:00:00Z', message: 'Add flavor naming v3 (#50)', set: { [path]: doc('Draft'), 'Tests/scs-compatible-iaas.yaml': scopeText(V4) } },
    { at: '2023-01-20T10:00:00Z', message: 'Typo (#51)', set: { [path]: `${doc('Draft')}typo fixed\n` } },
    { at: '2023-02-21T10:00:00Z', message: 'Stabilize (#60)', set: { [path]: doc('Stable', 'stabilized_at: 2023-02-21\n') } },
    {
      at: '2023-03-01T10:00:00Z', message: 'More (#70)', set: {
        'Standards/scs-XXXX-vN-template.md': doc('Draft'),
        'Standards/scs-0101-v1-broken.md': '---\ntype: Standard\nstatus: Obsolete\n---\n',
      },
    },
  ], ['Standards/big.bin at abc1234: skipped: a submodule']);
  const { dataset, ignored } = assemble(snapshot, [], 'export');

  it('keeps one history entry per lifecycle change, not per commit', () => {
    const [d] = dataset.documents;
    expect(dataset.documents.map((x) => x.id)).toEqual(['scs-0100-v3']);
    expect(d).toMatchObject({ file: path, status: 'Stable', stabilizedAt: '2023-02-21' });
    expect(d!.history.map((h) => [h.date, h.pr, h.status, h.stabilizedAt])).toEqual([['2023-01-10', 50, 'Draft', null], ['2023-02-21', 60, 'Stable', '2023-02-21']]);
  });
  it('skips a malformed document with a warning naming file, key, value and expectation, and ignores templates', () => {
    expect(ignored).toEqual(['Standards/scs-XXXX-vN-template.md']);
    expect(dataset.meta.warnings).toEqual([
      'Standards/big.bin at abc1234: skipped: a submodule',
      'Standards/scs-0101-v1-broken.md: document skipped: Standards/scs-0101-v1-broken.md: status = "Obsolete": expected one of Draft, Stable, Deprecated, Rejected',
    ]);
  });
  it('keeps one of two files of one document id, the first by path, and warns naming both', () => {
    const twin = history([
      { at: '2023-01-10T10:00:00Z', message: 'a (#1)', set: { [path]: doc('Stable', 'stabilized_at: 2023-01-10\n'), 'Tests/scs-compatible-iaas.yaml': scopeText(V4) } },
      { at: '2023-03-01T10:00:00Z', message: 'b (#2)', set: { 'Standards/scs-0100-v3-duplicate.md': doc('Draft') } },
    ]);
    const result = assemble(twin, [], 'git').dataset;
    expect(result.documents.map((d) => d.file)).toEqual(['Standards/scs-0100-v3-duplicate.md']);
    expect(result.meta.warnings).toEqual([`${path}: document skipped: id scs-0100-v3 is already used by Standards/scs-0100-v3-duplicate.md`]);
  });
});

describe('pullsFromCommits', () => {
  it('reads squash and merge commits, uniting the files of commits of one pull request', () => {
    const snapshot = history([
      { at: '2024-01-01T10:00:00Z', message: 'Merge pull request #12 from someone/branch\n\nStabilize scs-0214-v2', set: { 'Standards/scs-0214-v2-k8s.md': doc('Draft') } },
      { at: '2024-01-02T10:00:00Z', message: 'Follow-up (#12)', set: { 'Tests/scs-compatible-kaas.yaml': 'x' } },
      { at: '2024-01-03T10:00:00Z', message: 'No pull request', set: { 'README.md': 'y' } },
      { at: '2024-01-04T10:00:00Z', message: 'Rename (#13)', rename: ['README.md', 'README2.md', 'z'] },
    ]);
    expect(pullsFromCommits(snapshot)).toEqual([
      {
        number: 12, title: 'Stabilize scs-0214-v2', state: 'merged', author: null, createdAt: null,
        updatedAt: '2024-01-02T10:00:00Z', mergedAt: '2024-01-01T10:00:00Z', closedAt: '2024-01-01T10:00:00Z',
        labels: [], reviewDecision: null, files: ['Standards/scs-0214-v2-k8s.md', 'Tests/scs-compatible-kaas.yaml'],
        documents: ['scs-0214-v2'], scopes: ['kaas'], url: `https://github.com/${REPO}/pull/12`,
      },
      expect.objectContaining({ number: 13, title: 'Rename', files: ['README.md', 'README2.md'], documents: [], scopes: [] }),
    ]);
  });
});
