/** The documents and their lifecycle history (history-documents.ts), as assemble writes them. */
import { describe, expect, it } from 'vitest';
import { assemble } from '../../../src/domain/upstream/assemble.ts';
import { history } from '../../support/build-snapshot.ts';

const scopeText = (timeline: string, versions = '  - version: v4\n    stabilized_at: 2024-02-28\n  - version: v5\n') =>
  `uuid: 50393e6f-2ae1-4c5c-a62c-3b75f2abef3f\nname: SCS-compatible IaaS\ntimeline:\n${timeline}versions:\n${versions}`;
const V4 = '  - date: 2024-03-01\n    versions:\n      v4: effective\n';
const doc = (status: string, extra = '') =>
  `---\ntitle: Flavor naming\ntype: Standard\nstatus: ${status}\ntrack: IaaS\n${extra}---\n\n# Flavor naming\n`;

describe('assemble: documents', () => {
  const path = 'Standards/scs-0100-v3-flavor-naming.md';
  const snapshot = history(
    [
      // A scope file from the start: a head without any certificate scope is refused (tested below).
      {
        at: '2023-01-10T10:00:00Z',
        message: 'Add flavor naming v3 (#50)',
        set: { [path]: doc('Draft'), 'Tests/scs-compatible-iaas.yaml': scopeText(V4) },
      },
      { at: '2023-01-20T10:00:00Z', message: 'Typo (#51)', set: { [path]: `${doc('Draft')}typo fixed\n` } },
      {
        at: '2023-02-21T10:00:00Z',
        message: 'Stabilize (#60)',
        set: { [path]: doc('Stable', 'stabilized_at: 2023-02-21\n') },
      },
      {
        at: '2023-03-01T10:00:00Z',
        message: 'More (#70)',
        set: {
          'Standards/scs-XXXX-vN-template.md': doc('Draft'),
          'Standards/scs-0101-v1-broken.md': '---\ntype: Standard\nstatus: Obsolete\n---\n',
        },
      },
    ],
    ['Standards/big.bin at abc1234: skipped: a submodule'],
  );
  const { dataset, ignored } = assemble(snapshot, [], 'export');

  it('keeps one history entry per lifecycle change, not per commit', () => {
    const [d] = dataset.documents;
    expect(dataset.documents.map((x) => x.id)).toEqual(['scs-0100-v3']);
    expect(d).toMatchObject({ file: path, status: 'Stable', stabilizedAt: '2023-02-21' });
    expect(d!.history.map((h) => [h.date, h.pr, h.status, h.stabilizedAt])).toEqual([
      ['2023-01-10', 50, 'Draft', null],
      ['2023-02-21', 60, 'Stable', '2023-02-21'],
    ]);
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
      {
        at: '2023-01-10T10:00:00Z',
        message: 'a (#1)',
        set: { [path]: doc('Stable', 'stabilized_at: 2023-01-10\n'), 'Tests/scs-compatible-iaas.yaml': scopeText(V4) },
      },
      { at: '2023-03-01T10:00:00Z', message: 'b (#2)', set: { 'Standards/scs-0100-v3-duplicate.md': doc('Draft') } },
    ]);
    const result = assemble(twin, [], 'git').dataset;
    expect(result.documents.map((d) => d.file)).toEqual(['Standards/scs-0100-v3-duplicate.md']);
    expect(result.meta.warnings).toEqual([
      `${path}: document skipped: id scs-0100-v3 is already used by Standards/scs-0100-v3-duplicate.md`,
    ]);
    // The kept file's history is its own: the skipped file's Stable of 2023-01-10 is not in it.
    expect(result.documents[0]!.history.map((h) => [h.date, h.pr, h.status])).toEqual([['2023-03-01', 2, 'Draft']]);
  });

  const lifecycleOf = (steps: Parameters<typeof history>[0]) =>
    assemble(history(steps), [], 'git').dataset.documents.map((d) => [
      d.file,
      d.history.map((h) => `${h.date} #${h.pr} ${h.status}`),
    ]);
  const start = {
    at: '2023-01-10T10:00:00Z',
    message: 'a (#1)',
    set: { [path]: doc('Draft'), 'Tests/scs-compatible-iaas.yaml': scopeText(V4) },
  };
  const renamed = 'Standards/scs-0100-v3-flavor-naming-standard.md';

  it('a renamed file keeps its history, whether git saw a rename or a deletion and an addition', () => {
    const stable = doc('Stable', 'stabilized_at: 2023-02-21\n');
    const expected = [[renamed, ['2023-01-10 #1 Draft', '2023-02-21 #2 Stable']]];
    expect(
      lifecycleOf([start, { at: '2023-02-21T10:00:00Z', message: 'b (#2)', rename: [path, renamed, stable] }]),
    ).toEqual(expected);
    expect(
      lifecycleOf([start, { at: '2023-02-21T10:00:00Z', message: 'b (#2)', set: { [path]: null, [renamed]: stable } }]),
    ).toEqual(expected);
    // Deleted, and added again under another name later: still the same document.
    expect(
      lifecycleOf([
        start,
        { at: '2023-02-01T10:00:00Z', message: 'gone (#3)', set: { [path]: null } },
        { at: '2023-02-21T10:00:00Z', message: 'back (#2)', set: { [renamed]: stable } },
      ]),
    ).toEqual(expected);
  });

  it('of two files of one id, the one renamed takes its own history along, not the other’s', () => {
    const twin = 'Standards/scs-0100-v3-zz-twin.md';
    const steps = [
      start,
      {
        at: '2023-02-01T10:00:00Z',
        message: 'twin (#3)',
        set: { [twin]: doc('Stable', 'stabilized_at: 2023-02-01\n') },
      },
      {
        at: '2023-02-21T10:00:00Z',
        message: 'b (#2)',
        rename: [twin, renamed, doc('Stable', 'stabilized_at: 2023-02-01\n')],
      },
    ] as Parameters<typeof history>[0];
    // At the head the renamed file sorts first and is kept: with the twin's history, not the other file's Draft.
    expect(lifecycleOf(steps)).toEqual([[renamed, ['2023-02-01 #3 Stable']]]);
  });

  it('a file renamed to another document id starts a history of its own', () => {
    const other = 'Standards/scs-0100-v4-flavor-naming.md';
    expect(
      lifecycleOf([start, { at: '2023-02-21T10:00:00Z', message: 'b (#2)', rename: [path, other, doc('Draft')] }]),
    ).toEqual([[other, ['2023-02-21 #2 Draft']]]);
  });
});
