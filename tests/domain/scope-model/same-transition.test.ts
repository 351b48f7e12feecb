import { describe, expect, it } from 'vitest';
import { documentsOfVersions, SAME_TRANSITION } from '../../../src/domain/scope-model/same-transition.ts';
import { joinVersionFacts } from '../../../src/domain/scope-model/version-facts.ts';
import { scope, scopeDocument } from '../../support/build-scope.ts';

describe('SAME_TRANSITION', () => {
  it('a version turning effective is its document turning Stable; deprecated is Deprecated; nothing else is one transition', () => {
    expect(SAME_TRANSITION).toEqual({ effective: 'Stable', deprecated: 'Deprecated' });
    expect(SAME_TRANSITION.draft).toBeUndefined();
    expect(SAME_TRANSITION.warn).toBeUndefined();
  });
});

describe('documentsOfVersions', () => {
  it('maps scope/version to the scope document of each version that has one', () => {
    const iaas = scope([], {
      id: 'iaas',
      versions: [
        { name: 'v5.1', stabilizedAt: null, include: [] },
        { name: 'v4', stabilizedAt: null, include: [] },
        { name: 'next', stabilizedAt: null, include: [] },
      ],
    });
    const docs = [scopeDocument('scs-0501-v5', { versionName: 'v5.1' }), scopeDocument('scs-0501-v4', {})];
    const kaas = scope([], { id: 'kaas', versions: [{ name: 'v1', stabilizedAt: null, include: [] }] });
    const scopes = [
      { id: iaas.id, facts: joinVersionFacts(iaas, {}, docs) },
      { id: kaas.id, facts: joinVersionFacts(kaas, {}, [scopeDocument('scs-0502-v1', {})]) },
    ];
    expect(Object.fromEntries(documentsOfVersions(scopes))).toEqual({
      'iaas/v5.1': 'scs-0501-v5',
      'iaas/v4': 'scs-0501-v4',
      'kaas/v1': 'scs-0502-v1',
    });
  });
  it('is empty for scopes without facts', () => {
    expect(documentsOfVersions([scope([])]).size).toBe(0);
    expect(documentsOfVersions([]).size).toBe(0);
  });
});
