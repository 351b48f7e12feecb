import { describe, expect, it } from 'vitest';
import { TOP_LEVEL_KEYS, unknownKeyWarnings, VERSION_KEYS } from '../../../src/domain/scopes/scope-keys.ts';

const FILE = 'Tests/scs-compatible-iaas.yaml';
const TOP = 'known keys: name, uuid, url, variables, scripts, modules, groups, timeline, versions';
const VERSION = 'known keys: version, stabilized_at, include, test';

describe('the keys a scope file may have', () => {
  it('are those of scs-0003-v1 and of the revamped format (groups, test)', () => {
    // The same words the warnings name as known keys, in the same order.
    expect(`known keys: ${TOP_LEVEL_KEYS.join(', ')}`).toBe(TOP);
    expect(`known keys: ${VERSION_KEYS.join(', ')}`).toBe(VERSION);
  });
});

describe('unknownKeyWarnings', () => {
  it('says nothing of a file with only known keys, in either format', () => {
    const old = {
      name: 'x',
      uuid: 'u',
      url: 'https://x',
      variables: [],
      scripts: [],
      modules: [],
      timeline: [],
      versions: [{ version: 'v4', stabilized_at: '2024-02-28', include: [] }],
    };
    const revamped = { name: 'x', groups: [], timeline: [], versions: [{ version: 'v5.1', test: 'scs-0501-v5' }] };
    expect(unknownKeyWarnings(old, FILE)).toEqual([]);
    expect(unknownKeyWarnings(revamped, FILE)).toEqual([]);
    expect(unknownKeyWarnings({}, FILE)).toEqual([]);
  });

  it('names the file, the key and the known keys of each unknown top-level key, in the file’s order', () => {
    expect(unknownKeyWarnings({ name: 'x', checks: [], Timeline: [] }, FILE)).toEqual([
      `${FILE}: unknown top-level key "checks" ignored; ${TOP}`,
      `${FILE}: unknown top-level key "Timeline" ignored; ${TOP}`,
    ]);
  });

  it('names a version by its index and its name, or by its index alone when it has none', () => {
    const doc = {
      versions: [
        { version: 'v5.1', test: 'g', effective_from: '2024-12-19' },
        { stabilised_at: '2024-02-28' },
        { version: 4, notes: '' },
      ],
    };
    expect(unknownKeyWarnings(doc, FILE)).toEqual([
      `${FILE}: versions[0] (v5.1): unknown key "effective_from" ignored; ${VERSION}`,
      `${FILE}: versions[1] (#1): unknown key "stabilised_at" ignored; ${VERSION}`,
      `${FILE}: versions[2] (4): unknown key "notes" ignored; ${VERSION}`,
    ]);
  });

  it('top-level keys first, then the versions’ keys', () => {
    expect(unknownKeyWarnings({ versions: [{ version: 'v1', x: 1 }], y: 2 }, FILE)).toEqual([
      `${FILE}: unknown top-level key "y" ignored; ${TOP}`,
      `${FILE}: versions[0] (v1): unknown key "x" ignored; ${VERSION}`,
    ]);
  });

  it('leaves what is not a list of mappings to the schema: no warning, no crash', () => {
    expect(unknownKeyWarnings({ versions: 'v1' }, FILE)).toEqual([]);
    expect(unknownKeyWarnings({ versions: [null, 'v2', ['version'], 3] }, FILE)).toEqual([]);
  });
});
