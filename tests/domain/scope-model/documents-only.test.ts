import { describe, expect, it } from 'vitest';
import { scopeIdOfName, scopesFromDocuments } from '../../../src/domain/scope-model/documents-only.ts';
import { validityOn } from '../../../src/domain/scopes/validity.ts';
import { addedOn, scopeDocument } from '../../support/build-scope.ts';

describe('scopeIdOfName', () => {
  it('gives the id a scope file of that name would have', () => {
    expect(scopeIdOfName('SCS-compatible IaaS')).toBe('iaas');
    expect(scopeIdOfName('SCS compatible KaaS')).toBe('kaas');
    expect(scopeIdOfName('scs-COMPATIBLE  Bare Metal')).toBe('bare-metal');
  });
  it('keeps a name without the prefix, in lower case with dashes, and never an empty id', () => {
    expect(scopeIdOfName('SCS-compatible')).toBe('scs-compatible');
    expect(scopeIdOfName('  Sovereign Cloud (beta)! ')).toBe('sovereign-cloud-beta');
    expect(scopeIdOfName('!!!')).toBe('scope');
  });
});

describe('scopesFromDocuments', () => {
  it('makes one scope per series, named and addressed as its scope file would be', () => {
    const docs = [
      scopeDocument(
        'scs-0599-v1',
        { versionName: 'v1', standards: ['scs-0100-v1'] },
        { title: 'SCS-compatible IaaS', stabilizedAt: '2021-01-01', status: 'Stable' },
      ),
      scopeDocument('scs-0599-v2', { versionName: 'v2.1' }, { title: 'SCS-compatible IaaS' }),
      scopeDocument('scs-0598-v1', {}, { title: 'SCS Certificate Scopes' }),
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

  it('has no file, modules, versions or revisions: only facts from the documents, and their timeline', () => {
    const [s] = scopesFromDocuments(
      [
        scopeDocument(
          'scs-0502-v1',
          { versionName: 'v1', standards: ['scs-0219-v1', 'scs-0214-v2'] },
          {
            title: 'SCS-compatible KaaS',
            stabilizedAt: '2024-11-26',
            status: 'Stable',
            history: addedOn('2024-12-01'),
          },
        ),
      ],
      new Set(),
    );
    expect(s).toMatchObject({ id: 'kaas', url: null, file: null, modules: [], versions: [], revisions: [] });
    expect(s!.facts).toMatchObject([
      {
        name: 'v1',
        inScopeFile: false,
        periodsFrom: 'document',
        stabilizedFrom: 'document',
        standards: ['scs-0214-v2', 'scs-0219-v1'],
        standardsFrom: 'document',
      },
    ]);
    // Added after its stabilization day: deprecated the day before, effective on it and after.
    expect(['2024-11-25', '2024-11-26', '2024-11-27'].map((d) => validityOn(s!.timeline, 'v1', d))).toEqual([
      'deprecated',
      'effective',
      'effective',
    ]);
  });

  it('orders versions by number (v10 after v2) and names the scope after its newest document', () => {
    const docs = [
      scopeDocument('scs-0599-v10', { versionName: 'v10' }, { title: 'SCS-compatible IaaS (renamed)' }),
      scopeDocument('scs-0599-v2', { versionName: 'v2' }, { title: 'SCS-compatible IaaS' }),
    ];
    const [s] = scopesFromDocuments(docs, new Set());
    expect(s!.facts.map((f) => f.name)).toEqual(['v2', 'v10']);
    expect(s).toMatchObject({ name: 'SCS-compatible IaaS (renamed)', id: 'iaas-renamed' });
  });

  it('takes the series as id when a scope file already has the name’s id, and orders scopes by series', () => {
    const docs = [
      scopeDocument('scs-0502-v1', { versionName: 'v1' }, { title: 'SCS-compatible KaaS' }),
      scopeDocument('scs-0501-v1', { versionName: 'v1' }, { title: 'SCS-compatible IaaS' }),
    ];
    expect(scopesFromDocuments(docs, new Set(['iaas'])).map((s) => s.id)).toEqual(['scs-0501', 'kaas']);
    // Two series of one name: the second does not take the first one's id.
    const twins = [
      scopeDocument('scs-0501-v1', { versionName: 'v1' }, { title: 'SCS-compatible IaaS' }),
      scopeDocument('scs-0503-v1', { versionName: 'v1' }, { title: 'SCS-compatible IaaS' }),
    ];
    expect(scopesFromDocuments(twins, new Set()).map((s) => s.id)).toEqual(['iaas', 'scs-0503']);
  });

  it('names a version its document id when another document of the series already claims its name', () => {
    const docs = [
      scopeDocument('scs-0599-v1', { versionName: 'v1' }),
      scopeDocument('scs-0599-v2', { versionName: 'v1' }),
    ];
    expect(scopesFromDocuments(docs, new Set())[0]!.facts.map((f) => [f.name, f.document])).toEqual([
      ['v1', 'scs-0599-v1'],
      ['scs-0599-v2', 'scs-0599-v2'],
    ]);
  });

  it('makes no scope of documents that do not say which version they are', () => {
    expect(
      scopesFromDocuments([scopeDocument('scs-0500-v1', {}, { title: 'SCS Certificate Scopes' })], new Set()),
    ).toEqual([]);
    expect(scopesFromDocuments([], new Set())).toEqual([]);
  });
});
