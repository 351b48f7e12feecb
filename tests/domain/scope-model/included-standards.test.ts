import { describe, expect, it } from 'vitest';
import {
  includedStandards,
  scopeVersionOfDocument,
  versionFacts,
} from '../../../src/domain/scope-model/included-standards.ts';
import { joinVersionFacts } from '../../../src/domain/scope-model/version-facts.ts';
import { scope, scopeDocument } from '../../support/build-scope.ts';

// v1 includes what its modules name; v2 is known only from its document's subject matter.
const yaml = scope([], {
  id: 'iaas',
  name: 'SCS-compatible IaaS',
  modules: [
    { id: 'm', name: '', url: null, document: 'scs-0100-v3' },
    { id: 'n', name: '', url: null, document: 'scs-0102-v1' },
  ],
  versions: [
    {
      name: 'v1',
      stabilizedAt: null,
      include: [
        { ref: 'n', parameters: {} },
        { ref: 'm', parameters: {} },
      ],
    },
  ],
});
const v2 = scopeDocument('scs-0501-v2', { versionName: 'v2', standards: ['scs-0123-v1', 'scs-0100-v3'] });
const iaas = { ...yaml, facts: joinVersionFacts(yaml, {}, [v2]) };

describe('includedStandards', () => {
  it('answers from the joined facts, with the source', () => {
    const s = {
      facts: joinVersionFacts(
        scope([], {
          modules: [{ id: 'm', name: '', url: null, document: 'scs-0100-v3' }],
          versions: [{ name: 'v1', stabilizedAt: null, include: [{ ref: 'm', parameters: {} }] }],
        }),
        {},
        [],
      ),
    };
    expect(includedStandards(s, 'v1')).toEqual({ standards: ['scs-0100-v3'], from: 'scope file' });
    expect(includedStandards(s, 'v9')).toEqual({ standards: [], from: null });
  });

  it('sorted, from the scope file’s modules or else the document’s subject matter', () => {
    expect(includedStandards(iaas, 'v1')).toEqual({ standards: ['scs-0100-v3', 'scs-0102-v1'], from: 'scope file' });
    expect(includedStandards(iaas, 'v2')).toEqual({ standards: ['scs-0100-v3', 'scs-0123-v1'], from: 'document' });
  });

  it('a version that names no standard includes none, from no source', () => {
    const bare = scope([], { versions: [{ name: 'v1', stabilizedAt: null, include: [] }] });
    expect(includedStandards({ facts: joinVersionFacts(bare, {}, []) }, 'v1')).toEqual({ standards: [], from: null });
  });

  it('hands out a copy: changing the answer changes no fact', () => {
    includedStandards(iaas, 'v1').standards.push('scs-9999-v1');
    expect(includedStandards(iaas, 'v1').standards).toEqual(['scs-0100-v3', 'scs-0102-v1']);
  });
});

describe('versionFacts', () => {
  it('gives the facts of one version, or null', () => {
    expect(versionFacts(iaas, 'v2')).toMatchObject({ name: 'v2', document: 'scs-0501-v2', inScopeFile: false });
    expect(versionFacts(iaas, 'v1')).toBe(iaas.facts[0]);
    expect(versionFacts(iaas, 'v3')).toBeNull();
  });
});

describe('scopeVersionOfDocument', () => {
  it('tells which scope version a scope document is, labelled with the scope’s short name', () => {
    expect(scopeVersionOfDocument([iaas], 'scs-0501-v2')).toEqual({
      scope: 'iaas',
      scopeName: 'SCS-compatible IaaS',
      label: 'IaaS v2',
      facts: versionFacts(iaas, 'v2'),
    });
  });
  it('is null for a document no version is joined with', () => {
    expect(scopeVersionOfDocument([iaas], 'scs-0100-v3')).toBeNull();
    expect(scopeVersionOfDocument([], 'scs-0501-v2')).toBeNull();
  });
  it('finds the version in whichever scope has it', () => {
    const kaas = {
      ...scope([], { id: 'kaas', name: 'SCS-compatible KaaS' }),
      facts: joinVersionFacts(scope([], { id: 'kaas' }), {}, [scopeDocument('scs-0502-v1', { versionName: 'v1' })]),
    };
    expect(scopeVersionOfDocument([iaas, kaas], 'scs-0502-v1')).toMatchObject({ scope: 'kaas', label: 'KaaS v1' });
  });
});
