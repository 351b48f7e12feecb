import { describe, expect, it } from 'vitest';
import type { Module, ScopeVersion } from '../../src/domain/schemas/data.ts';
import { consecutiveDiffs, documentsOfVersion, versionDiff } from '../../src/domain/version-diff.ts';

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
      changed: [{ ref: 'scs-0104-v1-1', before: { image_spec: 'https://example.invalid/v4.yaml' }, after: { image_spec: 'https://example.invalid/v5.yaml' } }],
      documentsAdded: ['scs-0117-v1'],
      documentsRemoved: ['scs-0100-v3'],
    });
  });
  it('is empty between a version and itself', () => {
    const d = versionDiff(v5, v5, modules);
    expect([d.added, d.removed, d.changed, d.documentsAdded, d.documentsRemoved]).toEqual([[], [], [], [], []]);
  });
  it('does not count a document as added when only the module checking it changes', () => {
    const v6: ScopeVersion = { ...v5, name: 'v6', include: [{ ref: 'opc-v2022.11', parameters: {} }, { ref: 'scs-0104-v1-2', parameters: {} }, { ref: 'scs-0117-v1', parameters: {} }] };
    const d = versionDiff(v5, v6, modules);
    expect(d.added.map((i) => i.ref)).toEqual(['scs-0104-v1-2']);
    expect(d.removed.map((i) => i.ref)).toEqual(['scs-0104-v1-1']);
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
});
