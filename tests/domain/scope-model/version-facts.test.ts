import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/days/day.ts';
import type { Document } from '../../../src/domain/schemas/data.ts';
import { documentPeriods, timelineOfPeriods } from '../../../src/domain/scope-model/document-periods.ts';
import { scopesFromDocuments } from '../../../src/domain/scope-model/documents-only.ts';
import { disagreementWarnings, joinVersionFacts, mapVersionsToDocuments, type ScopeDocument } from '../../../src/domain/scope-model/version-facts.ts';
import { validityOn } from '../../../src/domain/scopes/validity.ts';
import { documentOf, revision, scope, sha } from '../../support/build-scope.ts';

function scopeDoc(id: string, body: { versionName?: string | null; standards?: string[] }, extra: Partial<Document> = {}): ScopeDocument {
  const doc = documentOf({ id, title: 'SCS-compatible X', track: 'Scopes', file: `Standards/${id}-scs-compatible-x.md`, ...extra });
  return { doc, body: { versionName: body.versionName ?? null, standards: body.standards ?? [] } };
}
const added = (date: string) => [{ commit: sha(date), date, pr: null, status: 'Draft' as const, stabilizedAt: null, deprecatedAt: null, rejectedAt: null }];

describe('mapVersionsToDocuments', () => {
  const modules = [{ id: 'grp-v5', name: '', url: null, document: 'scs-0599-v5' }];
  const docs = [scopeDoc('scs-0599-v3', { versionName: 'v3.1' }), scopeDoc('scs-0599-v4', {}), scopeDoc('scs-0599-v5', { versionName: 'v5.1' }), scopeDoc('scs-0599-v6', { versionName: 'v5.1' })];
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
  const yaml = scope([revision('2023-06-15', [{ date: '2023-06-15', versions: { v3: 'effective' } }, { date: '2024-08-01', versions: {} }])], {
    file: 'Tests/scs-compatible-x.yaml',
    modules: [{ id: 'scs-0100-v3.1', name: 'Flavor naming', url: null, document: 'scs-0100-v3' }],
    versions: [{ name: 'v3', stabilizedAt: '2024-02-28', include: [{ ref: 'scs-0100-v3.1', parameters: {} }] }],
  });
  const v3 = scopeDoc('scs-0599-v3', { standards: ['scs-0100-v3', 'scs-0102-v1'] }, { stabilizedAt: '2023-06-15', deprecatedAt: '2024-07-31', status: 'Deprecated' });
  const orphan = scopeDoc('scs-0599-v9', { versionName: 'v9' }, { stabilizedAt: '2025-01-01', status: 'Stable', history: added('2024-12-01') });
  const facts = joinVersionFacts(yaml, {}, [v3, orphan]);

  it('keeps both values where file and document disagree, and says so naming file, key and both values', () => {
    const f = facts.find((x) => x.name === 'v3')!;
    expect(f).toMatchObject({ document: 'scs-0599-v3', mappedBy: 'same number', stabilizedAt: '2024-02-28', stabilizedFrom: 'scope file', standards: ['scs-0100-v3'], standardsFrom: 'scope file', subjectMatter: ['scs-0100-v3', 'scs-0102-v1'] });
    expect(f.disagreements.map((d) => d.fact)).toEqual(['stabilized_at', 'deprecated_at', 'standards']);
    expect(disagreementWarnings('SCS-compatible X', facts)).toEqual([
      'SCS-compatible X v3: the scope file and its document disagree on stabilized_at: Tests/scs-compatible-x.yaml: versions[v3].stabilized_at = 2024-02-28, but Standards/scs-0599-v3-scs-compatible-x.md: stabilized_at = 2023-06-15; both are kept',
      'SCS-compatible X v3: the scope file and its document disagree on deprecated_at: Tests/scs-compatible-x.yaml: timeline (v3 deprecated from) = 2024-08-01, but Standards/scs-0599-v3-scs-compatible-x.md: deprecated_at = 2024-07-31; both are kept',
      'SCS-compatible X v3: the scope file and its document disagree on standards: Tests/scs-compatible-x.yaml: versions[v3].include = scs-0100-v3, but Standards/scs-0599-v3-scs-compatible-x.md: Subject Matter = scs-0100-v3, scs-0102-v1; both are kept',
    ]);
  });
  it('makes a scope document no YAML version knows a version, its periods from its own dates', () => {
    const f = facts.find((x) => x.name === 'v9')!;
    expect(f).toMatchObject({ document: 'scs-0599-v9', inScopeFile: false, periodsFrom: 'document', stabilizedAt: '2025-01-01', stabilizedFrom: 'document' });
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

describe('document periods', () => {
  const doc = { stabilizedAt: '2024-03-01', deprecatedAt: '2025-03-01', status: 'Deprecated' as const, history: added('2024-01-10') };
  it('is draft until stabilized_at, effective until deprecated_at, deprecated from then (day before, of, after)', () => {
    const tl = timelineOfPeriods(new Map([['v1', documentPeriods(doc)]]));
    const on = (d: string) => validityOn(tl, 'v1', d);
    expect([on('2024-01-09'), on('2024-01-10'), on('2024-02-29'), on('2024-03-01'), on('2025-02-28'), on('2025-03-01'), on('2025-03-02')]).toEqual(['deprecated', 'draft', 'draft', 'effective', 'effective', 'deprecated', 'deprecated']);
  });
  it('the timeline of several versions says what each one’s periods say on every day', () => {
    const periods = new Map([
      ['v1', documentPeriods(doc)],
      ['v2', documentPeriods({ stabilizedAt: '2025-01-01', deprecatedAt: null, status: 'Stable', history: added('2024-06-01') })],
    ]);
    const tl = timelineOfPeriods(periods);
    for (let d = '2023-12-30'; d <= '2025-04-01'; d = addDays(d, 1)) {
      for (const [name, ps] of periods) {
        const p = ps.find((x) => (x.from === null || x.from <= d) && (x.to === null || d < x.to))!;
        expect(validityOn(tl, name, d), `${name} on ${d}`).toBe(p.validity);
      }
    }
  });
});

describe('scopesFromDocuments', () => {
  it('makes one scope per series, named and addressed as its scope file would be', () => {
    const docs = [
      scopeDoc('scs-0599-v1', { versionName: 'v1', standards: ['scs-0100-v1'] }, { title: 'SCS-compatible IaaS', stabilizedAt: '2021-01-01', status: 'Stable' }),
      scopeDoc('scs-0599-v2', { versionName: 'v2.1' }, { title: 'SCS-compatible IaaS' }),
      scopeDoc('scs-0598-v1', {}, { title: 'SCS Certificate Scopes' }),
    ];
    const [s, ...rest] = scopesFromDocuments(docs, new Set());
    expect(rest).toEqual([]);
    expect(s).toMatchObject({ id: 'iaas', name: 'SCS-compatible IaaS', uuid: null, file: null });
    expect(s!.facts.map((f) => [f.name, f.document, f.stabilizedAt, f.standards])).toEqual([
      ['v1', 'scs-0599-v1', '2021-01-01', ['scs-0100-v1']],
      ['v2.1', 'scs-0599-v2', null, []],
    ]);
    expect(validityOn(s!.timeline, 'v1', '2021-01-01')).toBe('effective');
  });
});

describe('includedStandards', () => {
  it('answers from the joined facts, with the source', async () => {
    const { includedStandards } = await import('../../../src/domain/scope-model/included-standards.ts');
    const s = { facts: joinVersionFacts(scope([], { modules: [{ id: 'm', name: '', url: null, document: 'scs-0100-v3' }], versions: [{ name: 'v1', stabilizedAt: null, include: [{ ref: 'm', parameters: {} }] }] }), {}, []) };
    expect(includedStandards(s, 'v1')).toEqual({ standards: ['scs-0100-v3'], from: 'scope file' });
    expect(includedStandards(s, 'v9')).toEqual({ standards: [], from: null });
  });
});
