import { describe, expect, it } from 'vitest';
import {
  disagreementWarnings,
  joinVersionFacts,
  mapVersionsToDocuments,
} from '../../../src/domain/scope-model/version-facts.ts';
import { addedOn, revision, scope, scopeDocument } from '../../support/build-scope.ts';

describe('mapVersionsToDocuments', () => {
  const modules = [{ id: 'grp-v5', name: '', url: null, document: 'scs-0599-v5' }];
  const docs = [
    scopeDocument('scs-0599-v3', { versionName: 'v3.1' }),
    scopeDocument('scs-0599-v4', {}),
    scopeDocument('scs-0599-v5', { versionName: 'v5.1' }),
    scopeDocument('scs-0599-v6', { versionName: 'v5.1' }),
  ];
  it('takes the group url first, then the body, then the same number; each document once', () => {
    const m = mapVersionsToDocuments(['next', 'v5.1', 'v5', 'v4', 'v3.1', 'v3'], { next: 'grp-v5' }, modules, docs);
    expect(Object.fromEntries([...m].map(([k, v]) => [k, `${v.doc.doc.id} by ${v.by}`]))).toEqual({
      next: 'scs-0599-v5 by group url',
      'v5.1': 'scs-0599-v6 by document body',
      'v3.1': 'scs-0599-v3 by document body',
      v4: 'scs-0599-v4 by same number',
    });
  });
});

describe('joinVersionFacts', () => {
  const yaml = scope(
    [
      revision('2023-06-15', [
        { date: '2023-06-15', versions: { v3: 'effective' } },
        { date: '2024-08-01', versions: {} },
      ]),
    ],
    {
      file: 'Tests/scs-compatible-x.yaml',
      modules: [{ id: 'scs-0100-v3.1', name: 'Flavor naming', url: null, document: 'scs-0100-v3' }],
      versions: [{ name: 'v3', stabilizedAt: '2024-02-28', include: [{ ref: 'scs-0100-v3.1', parameters: {} }] }],
    },
  );
  const v3 = scopeDocument(
    'scs-0599-v3',
    { standards: ['scs-0100-v3', 'scs-0102-v1'] },
    { stabilizedAt: '2023-06-15', deprecatedAt: '2024-07-31', status: 'Deprecated' },
  );
  const orphan = scopeDocument(
    'scs-0599-v9',
    { versionName: 'v9' },
    { stabilizedAt: '2025-01-01', status: 'Stable', history: addedOn('2024-12-01') },
  );
  const facts = joinVersionFacts(yaml, {}, [v3, orphan]);

  it('keeps both values where file and document disagree, and says so naming file, key and both values', () => {
    const f = facts.find((x) => x.name === 'v3')!;
    expect(f).toMatchObject({
      document: 'scs-0599-v3',
      mappedBy: 'same number',
      stabilizedAt: '2024-02-28',
      stabilizedFrom: 'scope file',
      standards: ['scs-0100-v3'],
      standardsFrom: 'scope file',
      subjectMatter: ['scs-0100-v3', 'scs-0102-v1'],
    });
    expect(f.disagreements.map((d) => d.fact)).toEqual(['stabilized_at', 'deprecated_at', 'standards']);
    expect(disagreementWarnings('SCS-compatible X', facts)).toEqual([
      'SCS-compatible X v3: the scope file and its document disagree on stabilized_at: Tests/scs-compatible-x.yaml: versions[v3].stabilized_at = 2024-02-28, but Standards/scs-0599-v3-scs-compatible-x.md: stabilized_at = 2023-06-15; both are kept',
      'SCS-compatible X v3: the scope file and its document disagree on deprecated_at: Tests/scs-compatible-x.yaml: timeline (v3 deprecated from) = 2024-08-01, but Standards/scs-0599-v3-scs-compatible-x.md: deprecated_at = 2024-07-31; both are kept',
      'SCS-compatible X v3: the scope file and its document disagree on standards: Tests/scs-compatible-x.yaml: versions[v3].include = scs-0100-v3, but Standards/scs-0599-v3-scs-compatible-x.md: Subject Matter = scs-0100-v3, scs-0102-v1; both are kept',
    ]);
  });
  it('makes a scope document no YAML version knows a version, its periods from its own dates', () => {
    const f = facts.find((x) => x.name === 'v9')!;
    expect(f).toMatchObject({
      document: 'scs-0599-v9',
      inScopeFile: false,
      periodsFrom: 'document',
      stabilizedAt: '2025-01-01',
      stabilizedFrom: 'document',
    });
    expect(f.periods).toEqual([
      { validity: 'deprecated', from: null, to: '2024-12-01' },
      { validity: 'draft', from: '2024-12-01', to: '2025-01-01' },
      { validity: 'effective', from: '2025-01-01', to: null },
    ]);
  });
  it('gives an effective version without any stated day its first effective day, from the timeline', () => {
    const bare = joinVersionFacts({ ...yaml, versions: [{ name: 'v3', stabilizedAt: null, include: [] }] }, {}, []);
    expect(bare[0]).toMatchObject({ stabilizedAt: '2023-06-15', stabilizedFrom: 'timeline', document: null });
  });
});
