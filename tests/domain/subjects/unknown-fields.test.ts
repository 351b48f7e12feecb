import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MonitorStatus } from '../../../src/domain/subjects/monitor-status.ts';
import { SubjectsFile } from '../../../src/domain/subjects/schema.ts';
import { unknownFields } from '../../../src/domain/subjects/unknown-fields.ts';

const IAAS = '50393e6f-2ae1-4c5c-a62c-3b75f2abef3f';
const scope = () => ({
  name: 'SCS-compatible IaaS',
  testcases: { 'scs-0100-syntax-check': { id: 'scs-0100-syntax-check', lifetime: 'day' } },
  results: { 'scs-0100-syntax-check': { result: 1, checked_at: '2026-12-01T18:28:21' } },
  versions: { v4: { _idx: 0, result: 1, targets: { main: { testcases: ['scs-0100-syntax-check'], result: 1 } } } },
  best_passed: 0,
});

describe('unknownFields', () => {
  it('finds none in an answer its schema describes, derived fields included', () => {
    expect(unknownFields(MonitorStatus, { 'acme-cloud': { [IAAS]: scope() } })).toEqual([]);
  });

  it('names each key the schema does not describe by its path, through records and objects', () => {
    const s = { ...scope(), certified_until: '2027-12-01' };
    Object.assign(s.results['scs-0100-syntax-check'], { approved: true });
    Object.assign(s.versions.v4.targets.main, { weight: 2 });
    expect(unknownFields(MonitorStatus, { 'acme-cloud': { [IAAS]: s } })).toEqual([
      `acme-cloud.${IAAS}.results.scs-0100-syntax-check.approved`,
      `acme-cloud.${IAAS}.versions.v4.targets.main.weight`,
      `acme-cloud.${IAAS}.certified_until`,
    ]);
  });

  it('names a key once, without looking into what it holds', () => {
    expect(
      unknownFields(MonitorStatus, { 'acme-cloud': { [IAAS]: { ...scope(), extra: { deep: { deeper: 1 } } } } }),
    ).toEqual([`acme-cloud.${IAAS}.extra`]);
  });

  it('goes into arrays with the index in the path', () => {
    const file = {
      monitor: 'https://m.example/',
      subjects: [
        { id: 'a', scopes: [] },
        { id: 'b', scopes: [], groups: [] },
      ],
      generated: 'now',
    };
    expect(unknownFields(SubjectsFile, file)).toEqual(['subjects[1].groups', 'generated']);
  });

  it('looks into optional and nullable values when they are there, and not when they are absent', () => {
    const schema = z.object({ a: z.object({ x: z.number() }).optional(), b: z.object({ y: z.number() }).nullable() });
    expect(unknownFields(schema, {})).toEqual([]);
    expect(unknownFields(schema, { a: undefined, b: null })).toEqual([]);
    expect(unknownFields(schema, { a: { x: 1, u: 1 }, b: { y: 1, v: 1 } })).toEqual(['a.u', 'b.v']);
  });

  it('says nothing of a value that is not an object, or of a schema that is not one', () => {
    expect(unknownFields(MonitorStatus, null)).toEqual([]);
    expect(unknownFields(MonitorStatus, 'status')).toEqual([]);
    expect(unknownFields(z.string(), { a: 1 })).toEqual([]);
    expect(unknownFields(z.object({ a: z.array(z.object({ b: z.number() })) }), { a: 'not an array' })).toEqual([]);
  });

  it('starts from the path it is given', () => {
    expect(unknownFields(z.object({ a: z.number() }), { b: 1 }, ['status', 0])).toEqual(['status[0].b']);
  });
});
