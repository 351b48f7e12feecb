import { describe, expect, it } from 'vitest';
import type { Module, ScopeVersion } from '../../../src/domain/schemas/data.ts';
import { consecutiveDiffs, documentsOfVersion, versionDiff } from '../../../src/domain/scopes/version-diff.ts';

const modules: Module[] = [
  { id: 'scs-0100-v3.1', name: 'Flavor naming v3.1', url: null, document: 'scs-0100-v3' },
  { id: 'scs-0104-v1-1', name: 'Images v1', url: null, document: 'scs-0104-v1' },
  { id: 'scs-0104-v1-2', name: 'Images v1 (with spec)', url: null, document: 'scs-0104-v1' },
  { id: 'scs-0117-v1', name: 'Volume backup', url: null, document: 'scs-0117-v1' },
  { id: 'opc-v2022.11', name: 'OPC', url: null, document: null },
];
const v4: ScopeVersion = {
  name: 'v4',
  stabilizedAt: '2024-02-28',
  include: [
    { ref: 'opc-v2022.11', parameters: {} },
    { ref: 'scs-0100-v3.1', parameters: {} },
    { ref: 'scs-0104-v1-1', parameters: { image_spec: 'https://example.invalid/v4.yaml' } },
  ],
};
const v5: ScopeVersion = {
  name: 'v5',
  stabilizedAt: '2024-11-21',
  include: [
    { ref: 'opc-v2022.11', parameters: {} },
    { ref: 'scs-0104-v1-1', parameters: { image_spec: 'https://example.invalid/v5.yaml' } },
    { ref: 'scs-0117-v1', parameters: {} },
  ],
};

describe('versionDiff', () => {
  it('lists modules added, removed and re-parameterised', () => {
    expect(versionDiff(v4, v5, modules)).toEqual({
      from: 'v4',
      to: 'v5',
      added: [{ ref: 'scs-0117-v1', parameters: {} }],
      removed: [{ ref: 'scs-0100-v3.1', parameters: {} }],
      changed: [
        {
          ref: 'scs-0104-v1-1',
          before: { image_spec: 'https://example.invalid/v4.yaml' },
          after: { image_spec: 'https://example.invalid/v5.yaml' },
        },
      ],
      replaced: [],
      documentsAdded: ['scs-0117-v1'],
      documentsRemoved: ['scs-0100-v3'],
    });
  });
  it('is empty between a version and itself', () => {
    const d = versionDiff(v5, v5, modules);
    expect([d.added, d.removed, d.changed, d.replaced, d.documentsAdded, d.documentsRemoved]).toEqual([
      [],
      [],
      [],
      [],
      [],
      [],
    ]);
  });
  it('calls a standard bumped to a new version (same series) changed: scs-0102-v1 → scs-0102-v2', () => {
    const a: ScopeVersion = { name: 'a', stabilizedAt: null, include: [{ ref: 'scs-0102-v1', parameters: {} }] };
    const b: ScopeVersion = {
      name: 'b',
      stabilizedAt: null,
      include: [
        { ref: 'scs-0102-v2', parameters: {} },
        { ref: 'scs-0123-v1', parameters: {} },
      ],
    };
    const d = versionDiff(a, b, []);
    expect(d.replaced.map((r) => `${r.before.ref}→${r.after.ref}`)).toEqual(['scs-0102-v1→scs-0102-v2']);
    expect(d.added.map((i) => i.ref)).toEqual(['scs-0123-v1']);
    expect(d.removed).toEqual([]);
  });
  it('does not count a document as added when only the module checking it changes', () => {
    const v6: ScopeVersion = {
      ...v5,
      name: 'v6',
      include: [
        { ref: 'opc-v2022.11', parameters: {} },
        { ref: 'scs-0104-v1-2', parameters: {} },
        { ref: 'scs-0117-v1', parameters: {} },
      ],
    };
    const d = versionDiff(v5, v6, modules);
    // The standard is the same, checked by another module: "changed", neither added nor removed.
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.replaced.map((r) => `${r.before.ref}→${r.after.ref} (${r.document})`)).toEqual([
      'scs-0104-v1-1→scs-0104-v1-2 (scs-0104-v1)',
    ]);
    expect(d.documentsAdded).toEqual([]);
    expect(d.documentsRemoved).toEqual([]);
  });
  it('treats parameter order as irrelevant and a missing parameter as a change', () => {
    const a: ScopeVersion = { name: 'a', stabilizedAt: null, include: [{ ref: 'm', parameters: { x: '1', y: '2' } }] };
    const b: ScopeVersion = { name: 'b', stabilizedAt: null, include: [{ ref: 'm', parameters: { y: '2', x: '1' } }] };
    const c: ScopeVersion = { name: 'c', stabilizedAt: null, include: [{ ref: 'm', parameters: { x: '1' } }] };
    expect(versionDiff(a, b).changed).toEqual([]);
    expect(versionDiff(a, c).changed).toHaveLength(1);
  });
});

describe('documentsOfVersion and consecutiveDiffs', () => {
  it('names the documents a version checks', () => {
    expect(documentsOfVersion(v4, modules)).toEqual(['scs-0100-v3', 'scs-0104-v1']);
  });
  it('diffs consecutive versions oldest first (upstream lists newest first)', () => {
    expect(consecutiveDiffs({ versions: [v5, v4], modules }).map((d) => `${d.from}→${d.to}`)).toEqual(['v4→v5']);
  });
  it('includes versions pruned from the file, in order of stabilization: v5 → v5.1 adds scs-0123-v1', async () => {
    const { readDataset } = await import('../../../src/io/dataset.ts');
    const { ROOT } = await import('../../support/upstream-repo.ts');
    const data = await readDataset(`${ROOT}/data`);
    const iaas = data.scopes.find((s) => s.id === 'iaas')!;
    const diffs = consecutiveDiffs(iaas);
    expect(diffs.map((d) => `${d.from}→${d.to}`)).toContain('v5→v5.1');
    expect(diffs.find((d) => d.from === 'v5' && d.to === 'v5.1')!.documentsAdded).toEqual(['scs-0123-v1']);
    const v4v5 = diffs.find((d) => d.to === 'v5')!;
    expect(v4v5.replaced.map((r) => `${r.before.ref}→${r.after.ref} (${r.document})`)).toEqual([
      'scs-0104-v1-1→scs-0104-v1 (scs-0104-v1)',
    ]);
    expect(
      diffs.find((d) => d.from === 'v5.1' && d.to === 'next')!.replaced.map((r) => `${r.before.ref}→${r.after.ref}`),
    ).toEqual(['scs-0102-v1→scs-0102-v2', 'scs-0123-v1→scs-0123-v2']);
  });
});
