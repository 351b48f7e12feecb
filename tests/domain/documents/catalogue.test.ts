import { describe, expect, it } from 'vitest';
import {
  catalogue,
  scopeVersionsIncluding,
  stateFacet,
  supplementedBy,
} from '../../../src/domain/documents/catalogue.ts';
import type { Document, Scope } from '../../../src/domain/schemas/data.ts';
import { documentOf } from '../../support/build-scope.ts';

const doc = (id: string, over: Partial<Document> = {}): Document =>
  documentOf({
    id,
    slug: 's',
    file: `Standards/${id}-s.md`,
    title: id,
    type: id.includes('-w') ? 'Supplement' : 'Standard',
    status: id.includes('-w') ? null : 'Draft',
    ...over,
  });

describe('stateFacet (scs-0001-v1)', () => {
  it('tells a future stabilization or deprecation apart from the state today', () => {
    expect(stateFacet({ state: 'Draft', next: { state: 'Stable', on: '2025-01-16' } })).toBe(
      'Stable from a future date',
    );
    expect(stateFacet({ state: 'Stable', next: { state: 'Deprecated', on: '2025-07-01' } })).toBe(
      'Deprecated from a future date',
    );
    expect(stateFacet({ state: 'Stable', next: null })).toBe('Stable');
    expect(stateFacet({ state: null, next: null })).toBe('No status');
  });
});

describe('catalogue', () => {
  const docs = [
    doc('scs-0214-v2', { track: 'KaaS', status: 'Stable', stabilizedAt: '2024-11-21' }),
    doc('scs-0214-w1', { track: 'KaaS', supplements: ['scs-0214-v1', 'scs-0214-v2'] }),
    doc('scs-0214-v1', { track: 'KaaS', status: 'Deprecated', stabilizedAt: '2024-02-08', deprecatedAt: '2024-11-20' }),
    doc('scs-0100-v3', { status: 'Stable', stabilizedAt: '2025-01-16' }),
    doc('scs-0001-v1', { track: 'Global', type: 'Procedural', status: 'Stable', stabilizedAt: '2022-01-01' }),
    doc('scs-0900-v1', { track: null }),
  ];
  const cat = catalogue(docs, '2025-01-15');
  it('orders tracks as scs-0001-v1 lists them, documents without a track last', () => {
    expect(cat.tracks.map((t) => t.track)).toEqual(['Global', 'IaaS', 'KaaS', 'No track']);
  });
  it('orders versions, supplements after them, and gives the state on the day', () => {
    const kaas = cat.tracks.find((t) => t.track === 'KaaS')!.series[0]!;
    expect(kaas.entries.map((e) => [e.doc.id, e.facet])).toEqual([
      ['scs-0214-v1', 'Deprecated'],
      ['scs-0214-v2', 'Stable'],
      ['scs-0214-w1', 'No status'],
    ]);
    expect(kaas.entries[1]!.supplementedBy).toEqual(['scs-0214-w1']);
    expect(cat.tracks.find((t) => t.track === 'IaaS')!.series[0]!.entries[0]!.facet).toBe('Stable from a future date');
  });
  it('lists the facets present', () => {
    expect(cat.types).toEqual(['Procedural', 'Standard', 'Supplement']);
    expect(cat.states).toEqual(['Draft', 'Stable from a future date', 'Stable', 'Deprecated', 'No status']);
  });
  it('reads supplements written as file names', () => {
    expect(
      supplementedBy([doc('scs-0400-w1', { supplements: ['scs-0400-v1-status-page.md'] })]).get('scs-0400-v1'),
    ).toEqual(['scs-0400-w1']);
  });
});

describe('scopeVersionsIncluding', () => {
  it('maps documents to the scope versions whose modules check them, removed versions included', () => {
    const version = (name: string, refs: string[]) => ({
      name,
      stabilizedAt: null,
      include: refs.map((ref) => ({ ref, parameters: {} })),
    });
    const scope: Scope = {
      id: 'kaas',
      uuid: null,
      name: 'SCS-compatible KaaS',
      url: null,
      file: 'f',
      timeline: [],
      modules: [
        { id: 'scs-0214-v2', name: 'Node distribution', url: null, document: 'scs-0214-v2' },
        { id: 'x', name: 'X', url: null, document: null },
      ],
      versions: [version('v1', ['scs-0214-v2', 'x'])],
      revisions: [
        {
          commit: '0'.repeat(40),
          date: '2024-03-06',
          pr: 1,
          title: 't',
          file: 'f',
          format: 'timeline',
          error: null,
          timeline: [],
          versions: [version('v1', []), version('v2', ['scs-0214-v2'])],
        },
      ],
      facts: [],
    };
    expect(scopeVersionsIncluding([scope]).get('scs-0214-v2')).toEqual([
      { scope: 'kaas', scopeName: 'SCS-compatible KaaS', version: 'v1' },
      { scope: 'kaas', scopeName: 'SCS-compatible KaaS', version: 'v2' },
    ]);
  });
});
