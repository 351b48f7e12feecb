import { describe, expect, it } from 'vitest';
import {
  IncludeItem,
  LegacyScopeFile,
  ScopeFile,
  TimelineEntry,
  VersionName,
} from '../../../src/domain/schemas/scope-file.ts';
import { parseYaml } from '../../../src/domain/parse/yaml.ts';
import { MAX_REVISION_TIMELINE_ENTRIES } from '../../../src/domain/parse/caps.ts';
import { IAAS_TIMELINE_BLOCK } from '../../support/upstream-files.ts';

const FILE = `
uuid: 50393e6f-2ae1-4c5c-a62c-3b75f2abef3f
name: SCS-compatible IaaS
url: https://docs.scs.community/standards/scs-0003-v1
variables: [os_cloud]
modules:
  - id: scs-0100-v3.1
    name: Flavor naming v3.1
    url: https://docs.scs.community/standards/scs-0100-v3-flavor-naming
    targets: { main: flavor-name-check }
${IAAS_TIMELINE_BLOCK}versions:
  - version: v5
    include:
      - scs-0100-v3.1
      - ref: opc-v2022.11
        parameters: { image_spec: https://example.invalid/spec.yaml, count: 3 }
    stabilized_at: 2024-12-01
  - version: v4
    stabilized_at: 2024-02-28
    include: [scs-0100-v3.1]
  - version: next
`;

const parsed = (text = FILE) => parseYaml(text, 'Tests/scs-compatible-iaas.yaml');
const issues = (text: string) => ScopeFile.safeParse(parsed(text)).error?.issues ?? [];

describe('ScopeFile', () => {
  it('reads a scope file as upstream writes it, with defaults and unknown keys kept', () => {
    const scope = ScopeFile.parse(parsed());
    expect(scope.timeline).toEqual([
      { date: '2025-01-01', versions: { v5: 'effective', v4: 'warn' } },
      { date: '2024-11-26', versions: { v4: 'effective' } },
    ]);
    expect(scope.versions.map((v) => [v.version, v.stabilized_at ?? null, v.include.length])).toEqual([
      ['v5', '2024-12-01', 2],
      ['v4', '2024-02-28', 1],
      ['next', null, 0],
    ]);
    expect(scope.modules[0]).toMatchObject({ id: 'scs-0100-v3.1', targets: { main: 'flavor-name-check' } });
    expect(scope).toHaveProperty('variables', ['os_cloud']);
  });
  it('reads a numeric version name (`version: 1`) as text', () => {
    const input =
      'uuid: u\nname: n\ntimeline:\n  - date: 2024-01-01\n    versions: { 1: effective }\nversions:\n  - version: 1\n';
    expect(ScopeFile.parse(parsed(input)).versions[0]!.version).toBe('1');
  });
  it('refuses a validity the timeline may not hold, naming its key', () => {
    expect(issues(FILE.replace('v5: effective', 'v5: effectiv')).map((i) => i.path)).toEqual([
      ['timeline', 0, 'versions', 'v5'],
    ]);
  });
  it('refuses a timeline date that is no calendar day', () => {
    for (const date of ['2025-02-29', '2025-01-01T00:00:00Z', '20250101', '"2025-1-1"']) {
      expect(
        issues(FILE.replace('date: 2025-01-01', `date: ${date}`)).map((i) => i.path),
        date,
      ).toEqual([['timeline', 0, 'date']]);
    }
  });
  it('refuses a timeline naming a version the file does not define, listing those it does', () => {
    expect(issues(FILE.replace('      v4: effective\n', '      v4: effective\n      v3: deprecated\n'))).toEqual([
      expect.objectContaining({
        path: ['timeline', 1, 'versions', 'v3'],
        message: 'timeline names version "v3", expected one of the versions listed under versions: (v5, v4, next)',
      }),
    ]);
  });
  it('refuses a version defined twice, at its second place', () => {
    expect(issues(`${FILE}  - version: v4\n`)).toEqual([
      expect.objectContaining({
        path: ['versions', 3, 'version'],
        message: 'duplicate version name; expected each version to appear once',
      }),
    ]);
  });
  it('refuses a file without uuid, name, timeline or versions', () => {
    for (const key of ['uuid', 'name', 'timeline', 'versions']) {
      const without = FILE.replace(new RegExp(`^${key}:`, 'm'), `old_${key}:`);
      expect(
        issues(without).some((i) => i.path[0] === key),
        key,
      ).toBe(true);
    }
  });
});

describe('ScopeFile: timeline length', () => {
  const withEntries = (n: number) => {
    const scope = parsed() as { timeline: unknown[] };
    return {
      ...scope,
      timeline: Array.from({ length: n }, (_, i) => ({
        date: `2030-01-01`.replace('01-01', `${String((i % 12) + 1).padStart(2, '0')}-01`),
        versions: { v4: 'effective' },
      })),
    };
  };
  it('takes up to MAX_REVISION_TIMELINE_ENTRIES entries, one under and at it', () => {
    expect(ScopeFile.safeParse(withEntries(MAX_REVISION_TIMELINE_ENTRIES - 1)).success).toBe(true);
    expect(ScopeFile.safeParse(withEntries(MAX_REVISION_TIMELINE_ENTRIES)).success).toBe(true);
  });
  it('refuses one more with one issue on the timeline naming the limit', () => {
    const result = ScopeFile.safeParse(withEntries(MAX_REVISION_TIMELINE_ENTRIES + 1));
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['timeline', `expected at most ${MAX_REVISION_TIMELINE_ENTRIES} timeline entries in one scope file`],
    ]);
  });
});

describe('VersionName', () => {
  it('takes the names upstream uses', () => {
    for (const name of ['v1', 'v5.1', 'next', 'v4-rc1']) expect(VersionName.safeParse(name).success, name).toBe(true);
  });
  it('refuses a name that would split an event id or break a feed UID: "/", spaces, controls, empty', () => {
    for (const name of ['v5/warn', 'v 5', 'v5\n', '\tv5', 'v\u0000', 'v\u007f', '']) {
      expect(VersionName.safeParse(name).success, JSON.stringify(name)).toBe(false);
    }
    expect(TimelineEntry.safeParse({ date: '2025-01-01', versions: { '../x': 'effective' } }).success).toBe(false);
  });
});

describe('IncludeItem', () => {
  it('is a module id or a reference with scalar parameters', () => {
    expect(IncludeItem.safeParse('scs-0100-v3.1').success).toBe(true);
    expect(IncludeItem.safeParse({ ref: 'opc', parameters: { a: 'x', b: 1, c: true, d: null } }).success).toBe(true);
    expect(IncludeItem.safeParse('').success).toBe(false);
    expect(IncludeItem.safeParse({ ref: '' }).success).toBe(false);
    expect(IncludeItem.safeParse({ ref: 'opc', parameters: { a: { nested: 1 } } }).success).toBe(false);
  });
});

describe('LegacyScopeFile', () => {
  it('reads the format before August 2024: standards per version, stabilized/obsoleted dates, no uuid', () => {
    const text =
      'name: SCS Compatible\nversions:\n  - version: v1\n    stabilized_at: 2021-01-01\n    obsoleted_at: 2023-10-31\n    standards:\n      - name: Flavor naming\n        url: https://example.invalid/a\n  - version: v2\n    standards: ~\n';
    const legacy = LegacyScopeFile.parse(parseYaml(text, 'Tests/scs-compatible.yaml'));
    expect(legacy.uuid).toBeUndefined();
    expect(legacy.versions.map((v) => [v.version, v.stabilized_at, v.obsoleted_at, v.standards])).toEqual([
      ['v1', '2021-01-01', '2023-10-31', [{ name: 'Flavor naming', url: 'https://example.invalid/a' }]],
      ['v2', undefined, undefined, null],
    ]);
  });
  it('refuses a legacy version with a day that does not exist', () => {
    expect(
      LegacyScopeFile.safeParse({ name: 'x', versions: [{ version: 'v1', deprecated_at: '2023-04-31' }] }).success,
    ).toBe(false);
  });
});
