import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_FILES, serializeDataset, stableJson } from '../../../src/domain/dataset/serialize.ts';
import { DATA_DIR, realData } from '../../support/real-data.ts';

describe('stableJson', () => {
  it('sorts keys at every depth, keeps array order, indents by two spaces and ends with a newline', () => {
    const text = stableJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } });
    expect(text).toBe(
      '{\n  "a": {\n    "c": null,\n    "d": [\n      3,\n      {\n        "y": 2,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n',
    );
  });
  it('gives the same bytes whatever order the keys were inserted in', () => {
    const a = { scope: 'iaas', versions: { v4: 'warn', v5: 'effective' }, date: '2025-01-01' };
    const b = { date: '2025-01-01', versions: { v5: 'effective', v4: 'warn' }, scope: 'iaas' };
    expect(stableJson(a)).toBe(stableJson(b));
    expect(JSON.parse(stableJson(a))).toEqual(a);
  });
  it('sorts keys by code unit, so upper case comes before lower case and "v10" before "v9"', () => {
    expect(Object.keys(JSON.parse(stableJson({ v9: 1, v10: 1, V1: 1, a: 1 })))).toEqual(['V1', 'a', 'v10', 'v9']);
  });
  it('escapes control characters as JSON does and keeps non-ASCII text as it is', () => {
    expect(stableJson({ t: 'a\nb\u2028 Größe' })).toBe('{\n  "t": "a\\nb\u2028 Größe"\n}\n');
  });
});

describe('serializeDataset', () => {
  it('writes the committed data/ byte for byte from the data read from it', async () => {
    const files = serializeDataset(await realData());
    expect(Object.keys(files).sort()).toEqual(Object.keys(DATA_FILES).sort());
    for (const [name, text] of Object.entries(files))
      expect(text, name).toBe(readFileSync(join(DATA_DIR, name), 'utf8'));
  });
  it('gives the same files whatever order scopes, documents and pull requests come in', async () => {
    const dataset = await realData();
    const shuffled = {
      ...dataset,
      scopes: [...dataset.scopes].reverse(),
      documents: [...dataset.documents].reverse(),
      pulls: [...dataset.pulls].reverse(),
    };
    expect(serializeDataset(shuffled)).toEqual(serializeDataset(dataset));
  });
  it('orders pull requests by number, not as text (#9 before #10)', async () => {
    const dataset = await realData();
    const [p] = dataset.pulls;
    const files = serializeDataset({
      ...dataset,
      pulls: [
        { ...p!, number: 10 },
        { ...p!, number: 9 },
        { ...p!, number: 100 },
      ],
    });
    expect(DATA_FILES['pulls.json'].parse(JSON.parse(files['pulls.json'])).map((x) => x.number)).toEqual([9, 10, 100]);
  });
  it('writes files each schema of DATA_FILES reads back to the same data', async () => {
    const dataset = await realData();
    const files = serializeDataset(dataset);
    expect(DATA_FILES['meta.json'].parse(JSON.parse(files['meta.json']))).toEqual(dataset.meta);
    expect(DATA_FILES['scopes.json'].parse(JSON.parse(files['scopes.json']))).toHaveLength(dataset.scopes.length);
    expect(DATA_FILES['documents.json'].parse(JSON.parse(files['documents.json']))).toHaveLength(
      dataset.documents.length,
    );
    expect(DATA_FILES['pulls.json'].parse(JSON.parse(files['pulls.json']))).toHaveLength(dataset.pulls.length);
  });
});
