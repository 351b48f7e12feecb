import { describe, expect, it } from 'vitest';
import { versionDefinitions } from '../../../src/domain/scopes/definitions.ts';
import type { ScopeVersion } from '../../../src/domain/schemas/data.ts';
import { revision, scope } from '../../support/build-scope.ts';

const v = (name: string, stabilizedAt: string | null, ...include: string[]): ScopeVersion => ({
  name,
  stabilizedAt,
  include: include.map((ref) => ({ ref, parameters: {} })),
});

describe('versionDefinitions', () => {
  // v1 is pruned after the first revision, v2 after the second; v3 is in the head file.
  const first = revision('2023-03-01', [{ date: '2023-03-01', versions: { v1: 'effective', v2: 'draft' } }], {
    versions: [v('v1', '2023-03-01', 'scs-0100-v1'), v('v2', null, 'scs-0100-v2')],
  });
  const second = revision('2024-02-28', [{ date: '2024-02-28', versions: { v2: 'effective', v3: 'draft' } }], {
    versions: [v('v2', '2024-02-28', 'scs-0100-v2', 'scs-0102-v1'), v('v3', null)],
  });
  const head = revision('2025-01-01', [{ date: '2025-01-01', versions: { v3: 'effective' } }], {
    versions: [v('v3', '2025-01-01', 'scs-0100-v3')],
  });
  const defs = versionDefinitions(scope([first, second, head]));

  it('takes a version in the head file as the head defines it, current', () => {
    expect(defs.get('v3')).toEqual({ version: v('v3', '2025-01-01', 'scs-0100-v3'), current: true, lastSeen: null });
  });

  it('keeps a pruned version’s definition from the last revision that listed it, not an earlier one', () => {
    expect(defs.get('v2')).toEqual({
      version: v('v2', '2024-02-28', 'scs-0100-v2', 'scs-0102-v1'),
      current: false,
      lastSeen: second,
    });
    expect(defs.get('v1')).toEqual({ version: v('v1', '2023-03-01', 'scs-0100-v1'), current: false, lastSeen: first });
  });

  it('lists the head’s versions first, then the pruned ones from the newest revision back; nothing else', () => {
    expect([...defs.keys()]).toEqual(['v3', 'v2', 'v1']);
    expect(defs.get('v4')).toBeUndefined();
  });

  it('prefers the head file over a revision that defines the version differently', () => {
    const edited = versionDefinitions({ versions: [v('v3', '2025-02-01')], revisions: [head] });
    expect(edited.get('v3')).toMatchObject({ version: { stabilizedAt: '2025-02-01' }, current: true });
  });

  it('knows nothing of a scope without versions or revisions', () => {
    expect(versionDefinitions({ versions: [], revisions: [] }).size).toBe(0);
  });
});
