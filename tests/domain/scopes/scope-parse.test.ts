import { describe, expect, it } from 'vitest';
import { legacyValidityOn } from '../../../src/domain/scopes/legacy.ts';
import {
  documentOfModule,
  parseScopeText,
  SCOPE_FILE_PATTERN,
  scopeIdOfFile,
} from '../../../src/domain/scopes/scope-parse.ts';
import { validityOn } from '../../../src/domain/scopes/validity.ts';
import { caught } from '../../support/input-error.ts';
import { IAAS_TIMELINE_BLOCK } from '../../support/upstream-files.ts';

const TIMELINE_FILE = `uuid: 50393e6f-2ae1-4c5c-a62c-3b75f2abef3f
name: SCS-compatible IaaS
url: https://docs.scs.community/standards/scs-0003-v1
modules:
  - id: scs-0100-v3.1
    name: "  Flavor naming v3.1 "
    url: https://docs.scs.community/standards/scs-0100-v3-flavor-naming
  - id: opc-v2022.11
    name: OpenStack Powered Compute v2022.11
    url: https://opendev.org/openinfra/interop/src/branch/master/guidelines/2022.11.json
  - id: scs-0214-v2
${IAAS_TIMELINE_BLOCK}versions:
  - version: v5
    stabilized_at: 2024-12-01
    include:
      - scs-0100-v3.1
      - ref: opc-v2022.11
        parameters: { count: 3, strict: true, spec: ~, url: https://example.invalid/x }
  - version: v4
    stabilized_at: 2024-02-28
    include: [scs-0100-v3.1]
`;

describe('parseScopeText, timeline format', () => {
  const parsed = parseScopeText(TIMELINE_FILE, 'Tests/scs-compatible-iaas.yaml');
  it('keeps uuid, name, url and the timeline as written', () => {
    expect(parsed).toMatchObject({
      format: 'timeline',
      uuid: '50393e6f-2ae1-4c5c-a62c-3b75f2abef3f',
      name: 'SCS-compatible IaaS',
      url: 'https://docs.scs.community/standards/scs-0003-v1',
    });
    expect(parsed.timeline.map((e) => e.date)).toEqual(['2025-01-01', '2024-11-26']);
  });
  it('trims module names and names the document a module checks, from its URL or else its id', () => {
    expect(parsed.modules).toEqual([
      {
        id: 'scs-0100-v3.1',
        name: 'Flavor naming v3.1',
        url: 'https://docs.scs.community/standards/scs-0100-v3-flavor-naming',
        document: 'scs-0100-v3',
      },
      {
        id: 'opc-v2022.11',
        name: 'OpenStack Powered Compute v2022.11',
        url: 'https://opendev.org/openinfra/interop/src/branch/master/guidelines/2022.11.json',
        document: null,
      },
      { id: 'scs-0214-v2', name: '', url: null, document: 'scs-0214-v2' },
    ]);
  });
  it('turns includes into refs with parameters as text (null as empty)', () => {
    expect(parsed.versions).toEqual([
      {
        name: 'v5',
        stabilizedAt: '2024-12-01',
        include: [
          { ref: 'scs-0100-v3.1', parameters: {} },
          {
            ref: 'opc-v2022.11',
            parameters: { count: '3', strict: 'true', spec: '', url: 'https://example.invalid/x' },
          },
        ],
      },
      { name: 'v4', stabilizedAt: '2024-02-28', include: [{ ref: 'scs-0100-v3.1', parameters: {} }] },
    ]);
  });
  it('gives a timeline whose validity changes on the entry day, not the day before', () => {
    const scope = { timeline: parsed.timeline };
    // scs-0003-v1: a version the applicable entry does not list is deprecated.
    expect(validityOn(scope.timeline, 'v5', '2024-12-31')).toBe('deprecated');
    expect(validityOn(scope.timeline, 'v5', '2025-01-01')).toBe('effective');
    expect(validityOn(scope.timeline, 'v4', '2024-12-31')).toBe('effective');
    expect(validityOn(scope.timeline, 'v4', '2025-01-01')).toBe('warn');
  });
  it('refuses a wrong validity naming file, key, value and the allowed ones', () => {
    const error = caught(() =>
      parseScopeText(TIMELINE_FILE.replace('v4: warn', 'v4: warning'), 'Tests/scs-compatible-iaas.yaml'),
    );
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({
      file: 'Tests/scs-compatible-iaas.yaml',
      key: 'timeline[0].versions.v4',
      value: '"warning"',
    });
    expect(error.problems[0]!.expected).toMatch(/draft.*effective.*warn.*deprecated/);
  });
  it('refuses a file that is no mapping', () => {
    for (const text of ['- a\n- b\n', 'just text\n', '']) {
      expect(caught(() => parseScopeText(text, 'Tests/scs-compatible-x.yaml')).problems).toEqual([
        {
          file: 'Tests/scs-compatible-x.yaml',
          key: '',
          value: null,
          expected: 'expected a YAML mapping with name, uuid, versions and timeline',
        },
      ]);
    }
  });
  it('passes YAML syntax errors on with their line', () => {
    expect(caught(() => parseScopeText('name: x\n  bad: indent\n', 'f.yaml')).problems[0]!.key).toMatch(/^line 2/);
  });
});

describe('parseScopeText, legacy format', () => {
  const LEGACY = `name: SCS Compatible
url: https://example.invalid/scs-0003
versions:
  - version: v1
    stabilized_at: 2021-01-01
    obsoleted_at: 2023-10-31
    standards:
      - name: " Flavor naming "
        url: https://example.invalid/flavor
  - version: v2
    stabilized_at: 2023-03-23
    standards: ~
`;
  it('derives the timeline from the versions dates, and has no modules', () => {
    const parsed = parseScopeText(LEGACY, 'Tests/scs-compatible.yaml');
    expect(parsed).toMatchObject({ format: 'legacy', uuid: null, name: 'SCS Compatible', modules: [] });
    expect(parsed.versions).toEqual([
      { name: 'v1', stabilizedAt: '2021-01-01', include: [{ ref: 'Flavor naming', parameters: {} }] },
      { name: 'v2', stabilizedAt: '2023-03-23', include: [] },
    ]);
    // The derived timeline agrees with the legacy rules on the day before, of and after each
    // date from the first on (before it the timeline has no entry, so every version is deprecated).
    expect(parsed.timeline.at(-1)?.date).toBe('2021-01-01');
    expect(validityOn(parsed.timeline, 'v1', '2020-12-31')).toBe('deprecated');
    for (const day of [
      '2021-01-01',
      '2021-01-02',
      '2023-03-22',
      '2023-03-23',
      '2023-10-30',
      '2023-10-31',
      '2023-11-01',
    ]) {
      expect(validityOn(parsed.timeline, 'v1', day), `v1 ${day}`).toBe(
        legacyValidityOn(
          { version: 'v1', stabilized_at: '2021-01-01', obsoleted_at: '2023-10-31', standards: [] },
          day,
        ),
      );
      expect(validityOn(parsed.timeline, 'v2', day), `v2 ${day}`).toBe(
        legacyValidityOn({ version: 'v2', stabilized_at: '2023-03-23', standards: [] }, day),
      );
    }
  });
  it('finds the versions under a layer key in the oldest files', () => {
    const parsed = parseScopeText(LEGACY.replace('versions:', 'iaas:'), 'Tests/scs-compatible.yaml');
    expect(parsed.versions.map((v) => v.name)).toEqual(['v1', 'v2']);
  });
  it('says a file with neither timeline nor versions misses its timeline', () => {
    expect(caught(() => parseScopeText('name: x\nuuid: u\n', 'Tests/scs-compatible-x.yaml')).problems).toEqual([
      {
        file: 'Tests/scs-compatible-x.yaml',
        key: 'timeline',
        value: null,
        expected: 'missing; expected a timeline: list (scs-0003-v1), or versions: in the legacy format',
      },
    ]);
  });
});

describe('documentOfModule', () => {
  it('prefers the document in the URL to the one in the id, and drops a minor version', () => {
    expect(documentOfModule('scs-0100-v3.1', null)).toBe('scs-0100-v3');
    expect(documentOfModule('flavor', 'https://docs.scs.community/standards/scs-0100-v3-flavor-naming')).toBe(
      'scs-0100-v3',
    );
    expect(
      documentOfModule('scs-0214-v1', 'https://docs.scs.community/standards/scs-0214-v2-k8s-node-distribution'),
    ).toBe('scs-0214-v2');
    expect(documentOfModule('scs-0214-w1', undefined)).toBe('scs-0214-w1');
    expect(documentOfModule('opc-v2022.11', 'https://opendev.org/x.json')).toBeNull();
    expect(documentOfModule('xscs-0100-v3', null)).toBeNull();
  });
});

describe('scopeIdOfFile and SCOPE_FILE_PATTERN', () => {
  it('names a scope after its file', () => {
    expect(scopeIdOfFile('Tests/scs-compatible-iaas.yaml')).toBe('iaas');
    expect(scopeIdOfFile('Tests/scs-compatible-kaas.yml')).toBe('kaas');
    expect(scopeIdOfFile('Tests/scs-compatible.yaml')).toBe('scs-compatible');
  });
  it('matches scope files directly under Tests/ only', () => {
    for (const f of ['Tests/scs-compatible-iaas.yaml', 'Tests/scs-compatible.yaml', 'Tests/scs-compatible-kaas.yml'])
      expect(SCOPE_FILE_PATTERN.test(f), f).toBe(true);
    for (const f of [
      'Tests/iaas/scs-compatible-iaas.yaml',
      'Tests/scs-compatible-iaas.yaml.orig',
      'tests/scs-compatible-iaas.yaml',
      'Tests/other.yaml',
    ])
      expect(SCOPE_FILE_PATTERN.test(f), f).toBe(false);
  });
});
