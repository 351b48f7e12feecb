import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/domain/parse/errors.ts';
import { parseScopeText } from '../../../src/domain/scopes/scope-parse.ts';
import { resolveIncludes } from '../../../src/domain/scopes/groups.ts';

const REVAMPED = `name: SCS-compatible IaaS
uuid: 50393e6f-2ae1-4c5c-a62c-3b75f2abef3f
groups:
  - id: scs-0100-v3.1
    name: Flavor naming v3.1
    url: https://docs.scs.community/standards/scs-0100-v3-flavor-naming
    include: [scs-0100-syntax-check, scs-0100-semantics-check]
  - id: scs-0104-v1-2
    name: Standard images
    url: https://docs.scs.community/standards/scs-0104-v1-standard-images
    include: [scs-0104-source-capi-2]
  - id: scs-0123-v1
    name: Services
    url: https://docs.scs.community/standards/scs-0123-v1-mandatory-and-supported-IaaS-services
    include: [scs-0123-service-compute]
  - id: scs-0501-v5
    name: SCS-compatible IaaS v5.1
    url: https://docs.scs.community/standards/scs-0501-v5-scs-compatible-iaas
    include:
      - scs-0100-v3.1
      - ref: scs-0104-v1-2
        parameters: { image_spec: https://example.invalid/images-v5.yaml }
      - scs-0123-v1
timeline:
  - date: 2024-12-19
    versions:
      v5.1: effective
versions:
  - version: v5.1
    test: scs-0501-v5
`;

describe('resolveIncludes', () => {
  const groups = [
    { id: 'all', include: ['a', 'b'] },
    { id: 'a', include: ['a-check'] },
    { id: 'b', include: ['c', 'b-check'] },
    { id: 'c', include: [] },
  ];
  it('expands groups of groups to the groups that test one standard, each once', () => {
    expect(resolveIncludes(['all', 'a'], groups, new Set(), 'f').map((i) => i.ref)).toEqual(['a', 'b', 'c']);
  });
  it('keeps scs-0003-v1 module ids and unknown ids as they are', () => {
    expect(resolveIncludes(['m1', { ref: 'm2', parameters: { n: 1 } }], [], new Set(['m1']), 'f')).toEqual([
      { ref: 'm1', parameters: {} },
      { ref: 'm2', parameters: { n: '1' } },
    ]);
  });
  it('reads a group’s own id in its include list as the testcase of that id', () => {
    expect(
      resolveIncludes(
        ['v1'],
        [
          { id: 'v1', include: ['conf'] },
          { id: 'conf', include: ['conf'] },
        ],
        new Set(),
        'f',
      ).map((i) => i.ref),
    ).toEqual(['conf']);
  });
  it('refuses an include cycle, naming the group', () => {
    const cyclic = [
      { id: 'x', include: ['y'] },
      { id: 'y', include: ['x'] },
    ];
    expect(() => resolveIncludes(['x'], cyclic, new Set(), 'Tests/s.yaml')).toThrow(
      /Tests\/s.yaml: groups\[1\]\.include = "x": includes itself \(x → y → x\)/,
    );
  });
});

describe('parseScopeText, revamped format', () => {
  it('resolves a version’s test group to the standards it checks, parameters kept', () => {
    const parsed = parseScopeText(REVAMPED, 'Tests/scs-compatible-iaas.yaml');
    expect(parsed.testGroups).toEqual({ 'v5.1': 'scs-0501-v5' });
    expect(parsed.versions[0]).toEqual({
      name: 'v5.1',
      stabilizedAt: null,
      include: [
        { ref: 'scs-0100-v3.1', parameters: {} },
        { ref: 'scs-0104-v1-2', parameters: { image_spec: 'https://example.invalid/images-v5.yaml' } },
        { ref: 'scs-0123-v1', parameters: {} },
      ],
    });
    expect(parsed.modules.find((m) => m.id === 'scs-0501-v5')?.document).toBe('scs-0501-v5');
    expect(parsed.warnings).toEqual([]);
  });
  it('fails naming file, key and value when a version’s test names no group', () => {
    const broken = REVAMPED.replace('test: scs-0501-v5', 'test: scs-0501-v9');
    expect(() => parseScopeText(broken, 'Tests/scs-compatible-iaas.yaml')).toThrow(InputError);
    expect(() => parseScopeText(broken, 'Tests/scs-compatible-iaas.yaml')).toThrow(
      /versions\[0\]\.test = "scs-0501-v9": names no group/,
    );
  });
  it('warns about top-level and version keys it does not know', () => {
    const odd = REVAMPED.replace('timeline:', 'checks: []\ntimeline:').replace(
      '    test: scs-0501-v5',
      '    test: scs-0501-v5\n    effective_from: 2024-12-19',
    );
    expect(parseScopeText(odd, 'Tests/x.yaml').warnings).toEqual([
      'Tests/x.yaml: unknown top-level key "checks" ignored; known keys: name, uuid, url, variables, scripts, modules, groups, timeline, versions',
      'Tests/x.yaml: versions[0] (v5.1): unknown key "effective_from" ignored; known keys: version, stabilized_at, include, test',
    ]);
  });
  it('reads a file mixing modules with include and groups with test', () => {
    const mixed = REVAMPED.replace(
      'timeline:',
      `modules:
  - id: scs-0102-v1
    name: Image metadata
    url: https://docs.scs.community/standards/scs-0102-v1-image-metadata
timeline:`,
    ).replace(
      'versions:\n  - version: v5.1',
      'versions:\n  - version: v4\n    stabilized_at: 2024-02-28\n    include: [scs-0102-v1, scs-0100-v3.1]\n  - version: v5.1',
    );
    const parsed = parseScopeText(mixed, 'f');
    expect(parsed.versions.map((v) => [v.name, v.include.map((i) => i.ref)])).toEqual([
      ['v4', ['scs-0102-v1', 'scs-0100-v3.1']],
      ['v5.1', ['scs-0100-v3.1', 'scs-0104-v1-2', 'scs-0123-v1']],
    ]);
  });
});
