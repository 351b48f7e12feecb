import { describe, expect, it } from 'vitest';
import { scopeLosses } from '../../../src/domain/scope-model/losses.ts';
import type { Scope } from '../../../src/domain/schemas/data.ts';
import type { VersionFacts } from '../../../src/domain/schemas/scope-facts.ts';
import { revision, scope } from '../../support/build-scope.ts';

function fact(name: string, stabilizedAt: string | null, standards: string[]): VersionFacts {
  return {
    name,
    document: null,
    mappedBy: null,
    inScopeFile: true,
    periodsFrom: 'timeline',
    periods: [],
    stabilizedAt,
    stabilizedFrom: stabilizedAt ? 'scope file' : null,
    standards,
    standardsFrom: standards.length > 0 ? 'scope file' : null,
    subjectMatter: null,
    disagreements: [],
  };
}
const iaas = (facts: VersionFacts[]): Scope => scope([], { id: 'iaas', name: 'SCS-compatible IaaS', facts });
const kaas = (facts: VersionFacts[]): Scope => scope([], { id: 'kaas', name: 'SCS-compatible KaaS', facts });

describe('scopeLosses', () => {
  const before = {
    scopes: [
      iaas([
        fact('v4', '2024-02-28', ['scs-0100-v3', 'scs-0102-v1', 'scs-0123-v1']),
        fact('v5', null, ['scs-0100-v3']),
      ]),
      kaas([fact('v1', '2024-11-26', [])]),
    ],
  };

  it('finds nothing lost when nothing changed, or when only something was added', () => {
    expect(scopeLosses(before, before)).toEqual([]);
    const more = {
      scopes: [
        iaas([...before.scopes[0]!.facts, fact('v6', '2026-01-01', ['scs-0200-v1'])]),
        before.scopes[1]!,
        scope([], { id: 'new' }),
      ],
    };
    expect(scopeLosses(before, more)).toEqual([]);
  });

  it('names a scope that is gone by name and id', () => {
    expect(scopeLosses(before, { scopes: [before.scopes[0]!] })).toEqual(['scope SCS-compatible KaaS (kaas) is gone']);
  });

  it('names a version that is gone, by the scope’s short name', () => {
    expect(scopeLosses(before, { scopes: [iaas([before.scopes[0]!.facts[0]!]), before.scopes[1]!] })).toEqual([
      'IaaS v5: the version is gone',
    ]);
  });

  it('names a stabilization day that is gone, but not one that moved or one never known', () => {
    const after = {
      scopes: [
        iaas([fact('v4', null, ['scs-0100-v3', 'scs-0102-v1', 'scs-0123-v1']), fact('v5', null, ['scs-0100-v3'])]),
        kaas([fact('v1', '2024-11-27', [])]),
      ],
    };
    expect(scopeLosses(before, after)).toEqual(['IaaS v4: its stabilization day 2024-02-28 is gone']);
  });

  it('names every standard a version no longer includes, in one line per version', () => {
    const after = {
      scopes: [
        iaas([fact('v4', '2024-02-28', ['scs-0102-v1', 'scs-0124-v1']), fact('v5', null, [])]),
        before.scopes[1]!,
      ],
    };
    expect(scopeLosses(before, after)).toEqual([
      'IaaS v4: no longer includes scs-0100-v3, scs-0123-v1',
      'IaaS v5: no longer includes scs-0100-v3',
    ]);
  });

  it('lists the losses scope by scope, version by version, as the previous data has them', () => {
    const after = { scopes: [iaas([fact('v5', null, [])])] };
    expect(scopeLosses(before, after)).toEqual([
      'IaaS v4: the version is gone',
      'IaaS v5: no longer includes scs-0100-v3',
      'scope SCS-compatible KaaS (kaas) is gone',
    ]);
  });

  it('reads older data without facts from its scope file: versions (pruned ones too), stabilization days, modules', () => {
    const modules = [
      { id: 'flavors', name: '', url: null, document: 'scs-0100-v3' },
      { id: 'images', name: '', url: null, document: 'scs-0102-v1' },
    ];
    const v3 = { name: 'v3', stabilizedAt: '2023-06-15', include: [{ ref: 'flavors', parameters: {} }] };
    const v4 = {
      name: 'v4',
      stabilizedAt: '2024-02-28',
      include: [
        { ref: 'flavors', parameters: {} },
        { ref: 'images', parameters: {} },
      ],
    };
    // v3 was pruned from the head file; its definition survives in the first revision.
    const old = scope(
      [
        revision('2023-06-15', [{ date: '2023-06-15', versions: { v3: 'effective' } }], { versions: [v3] }),
        revision('2024-02-28', [{ date: '2024-02-28', versions: { v4: 'effective' } }], { versions: [v4] }),
      ],
      { id: 'iaas', name: 'SCS-compatible IaaS', modules },
    );
    expect(old.facts).toEqual([]);
    expect(scopeLosses({ scopes: [old] }, { scopes: [old] })).toEqual([]);
    expect(scopeLosses({ scopes: [old] }, { scopes: [iaas([fact('v4', null, ['scs-0100-v3'])])] })).toEqual([
      'IaaS v4: its stabilization day 2024-02-28 is gone',
      'IaaS v4: no longer includes scs-0102-v1',
      'IaaS v3: the version is gone',
    ]);
  });
});
