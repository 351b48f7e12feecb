import { describe, expect, it } from 'vitest';
import { Dataset } from '../../../src/domain/schemas/data.ts';
import { assemble } from '../../../src/domain/upstream/assemble.ts';
import { pullsFromCommits } from '../../../src/domain/upstream/commit-pulls.ts';
import { sha } from '../../support/build-scope.ts';
import { history, REPO } from '../../support/build-snapshot.ts';
import { caught } from '../../support/input-error.ts';

const scopeText = (timeline: string, versions = '  - version: v4\n    stabilized_at: 2024-02-28\n  - version: v5\n') =>
  `uuid: 50393e6f-2ae1-4c5c-a62c-3b75f2abef3f\nname: SCS-compatible IaaS\ntimeline:\n${timeline}versions:\n${versions}`;
const V4 = '  - date: 2024-03-01\n    versions:\n      v4: effective\n';
const V5 = '  - date: 2025-01-01\n    versions:\n      v5: effective\n      v4: warn\n';
const LEGACY = 'name: SCS Compatible\nversions:\n  - version: v4\n    stabilized_at: 2024-02-28\n';

describe('assemble: scopes', () => {
  const snapshot = history([
    { at: '2024-02-01T10:00:00+01:00', message: 'Start (#100)', set: { 'Tests/scs-compatible.yaml': LEGACY } },
    {
      at: '2024-08-01T23:30:00-02:00',
      message: 'Move to timeline (#200)',
      rename: ['Tests/scs-compatible.yaml', 'Tests/scs-compatible-iaas.yaml', scopeText(V4)],
    },
    { at: '2024-09-01T10:00:00Z', message: 'Fix README (#210)', set: { 'README.md': 'x' } },
    {
      at: '2024-11-26T10:00:00Z',
      message: 'Announce v5 (#300)',
      set: { 'Tests/scs-compatible-iaas.yaml': scopeText(V5 + V4) },
    },
    {
      at: '2024-11-26T12:00:00Z',
      message: 'Break it (#301)',
      set: { 'Tests/scs-compatible-iaas.yaml': scopeText(V5 + V4).replace('v4: warn', 'v4: warn\n   bad: indent') },
    },
    {
      at: '2024-11-26T15:00:00Z',
      message: 'Fix it (#302)',
      set: { 'Tests/scs-compatible-iaas.yaml': scopeText(V5 + V4) },
    },
    // Same timeline, entries reordered and only a comment added: nothing the revision says changed.
    {
      at: '2024-12-01T10:00:00Z',
      message: 'Reorder (#303)',
      set: { 'Tests/scs-compatible-iaas.yaml': `# comment\n${scopeText(V4 + V5)}` },
    },
  ]);
  const { dataset } = assemble(snapshot, pullsFromCommits(snapshot), 'git');
  const [iaas] = dataset.scopes;

  it('names the scope after its head file and takes its fields from the head', () => {
    expect(dataset.scopes.map((s) => s.id)).toEqual(['iaas']);
    expect(iaas).toMatchObject({
      uuid: '50393e6f-2ae1-4c5c-a62c-3b75f2abef3f',
      file: 'Tests/scs-compatible-iaas.yaml',
      name: 'SCS-compatible IaaS',
    });
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
    expect(dataset.meta.warnings).toEqual([
      `Tests/scs-compatible-iaas.yaml at ${sha('c4').slice(0, 7)} (2024-11-26, #301): kept in the history as unparseable: ${broken.error}`,
    ]);
  });
  it('names for each pull request the scope its file became, and none for other files', () => {
    const scopes = Object.fromEntries(dataset.pulls.map((p) => [p.number, p.scopes]));
    expect(scopes).toEqual({
      100: ['iaas'],
      200: ['iaas'],
      210: [],
      300: ['iaas'],
      301: ['iaas'],
      302: ['iaas'],
      303: ['iaas'],
    });
  });
  it('says where the data comes from, as of the head’s own day', () => {
    expect(dataset.meta).toMatchObject({
      schemaVersion: 1,
      pullRequestSource: 'git',
      pullsAsOf: '2024-12-01',
      source: {
        repo: REPO,
        branch: 'main',
        commit: sha('c6'),
        committedAt: '2024-12-01T10:00:00Z',
        date: '2024-12-01',
      },
    });
  });
  it('builds data the data/ schemas accept, and the same data from the same snapshot', () => {
    expect(Dataset.parse(dataset)).toEqual(dataset);
    expect(assemble(snapshot, pullsFromCommits(snapshot), 'git').dataset).toEqual(dataset);
  });
});

describe('assemble: failures', () => {
  it('fails on a scope file that does not parse at the head, naming it', () => {
    const snapshot = history([
      {
        at: '2025-01-01T10:00:00Z',
        message: 'x (#1)',
        set: { 'Tests/scs-compatible-iaas.yaml': scopeText(V4.replace('effective', 'effectiv')) },
      },
    ]);
    const error = caught(() => assemble(snapshot, [], 'git'));
    expect(error.problems[0]).toMatchObject({
      file: 'Tests/scs-compatible-iaas.yaml',
      key: 'timeline[0].versions.v4',
      value: '"effectiv"',
    });
  });
  it('fails on two files that are one scope, naming both', () => {
    const snapshot = history([
      {
        at: '2025-01-01T10:00:00Z',
        message: 'x',
        set: { 'Tests/scs-compatible-iaas.yaml': scopeText(V4), 'Tests/scs-compatible-iaas.yml': scopeText(V4) },
      },
    ]);
    expect(caught(() => assemble(snapshot, [], 'git')).problems).toEqual([
      {
        file: 'Tests/scs-compatible-iaas.yaml and Tests/scs-compatible-iaas.yml',
        key: '',
        value: null,
        expected: 'both are the certificate scope "iaas"; expected one file per scope (remove or rename one of them)',
      },
    ]);
  });
  it('fails on a scope file at the head that is not UTF-8, naming line and bytes', () => {
    const snapshot = history([
      { at: '2025-01-01T10:00:00Z', message: 'x', set: { 'Tests/scs-compatible-iaas.yaml': scopeText(V4) } },
    ]);
    snapshot.files.set('Tests/scs-compatible-iaas.yaml', Uint8Array.from([0x6e, 0x3a, 0x20, 0xc3, 0x28]));
    expect(caught(() => assemble(snapshot, [], 'git')).problems[0]).toMatchObject({
      file: 'Tests/scs-compatible-iaas.yaml',
      key: 'line 1, byte 3',
      value: '0xc3 0x28',
    });
  });
});
