import { describe, expect, it } from 'vitest';
import { parseOrThrow } from '../../../src/domain/parse/errors.ts';
import {
  Disagreement,
  FactPeriod,
  FactSource,
  Statement,
  VersionFacts,
} from '../../../src/domain/schemas/scope-facts.ts';
import { caught } from '../../support/input-error.ts';
import { realData } from '../../support/real-data.ts';

const FILE = 'data/scopes.json';
/** IaaS v3 as data/ has it: the scope file and its document disagree on its stabilization day. */
const v3 = {
  name: 'v3',
  document: 'scs-0501-v3',
  mappedBy: 'same number',
  inScopeFile: true,
  periodsFrom: 'timeline',
  periods: [],
  stabilizedAt: '2024-02-28',
  stabilizedFrom: 'scope file',
  standards: ['scs-0100-v3', 'scs-0102-v1'],
  standardsFrom: 'scope file',
  subjectMatter: ['scs-0100-v3', 'scs-0102-v1'],
  disagreements: [
    {
      fact: 'stabilized_at',
      scopeFile: { file: 'Tests/scs-compatible-iaas.yaml', key: 'versions[v3].stabilized_at', value: '2024-02-28' },
      document: { file: 'Standards/scs-0501-v3-scs-compatible-iaas.md', key: 'stabilized_at', value: '2023-06-15' },
    },
  ],
};
/** A version only its document knows: periods from its dates, no mapping, nothing stabilized. */
const documentOnly = {
  ...v3,
  name: 'v9',
  document: 'scs-0501-v9',
  mappedBy: null,
  inScopeFile: false,
  periodsFrom: 'document',
  periods: [
    { validity: 'deprecated', from: null, to: '2024-12-01' },
    { validity: 'draft', from: '2024-12-01', to: null },
  ],
  stabilizedAt: null,
  stabilizedFrom: null,
  standards: [],
  standardsFrom: null,
  subjectMatter: [],
  disagreements: [],
};
const problems = (input: unknown) => caught(() => parseOrThrow(VersionFacts, input, FILE)).message.split('\n');

describe('VersionFacts', () => {
  it('reads a version joined with its document, and one only its document knows', () => {
    expect(VersionFacts.parse(v3)).toEqual(v3);
    expect(VersionFacts.parse(documentOnly)).toEqual(documentOnly);
    expect(VersionFacts.parse({ ...documentOnly, document: null, subjectMatter: null })).toMatchObject({
      document: null,
      subjectMatter: null,
    });
  });

  it('reads every version of the committed data/', async () => {
    const facts = (await realData()).scopes.flatMap((s) => s.facts);
    expect(facts.length).toBeGreaterThan(5);
    for (const f of facts) expect(VersionFacts.parse(f), f.name).toEqual(f);
    expect(facts.some((f) => f.disagreements.length > 0)).toBe(true);
  });

  it('knows three ways a document is found, and three sources of a fact', () => {
    expect(VersionFacts.shape.mappedBy.unwrap().options).toEqual(['group url', 'document body', 'same number']);
    expect(FactSource.options).toEqual(['scope file', 'document', 'timeline']);
    expect(problems({ ...v3, mappedBy: 'url' })).toEqual([
      `${FILE}: mappedBy = "url": Invalid option: expected one of "group url"|"document body"|"same number"`,
    ]);
    expect(problems({ ...v3, stabilizedFrom: 'yaml', standardsFrom: 'Document' })).toEqual([
      `${FILE}: stabilizedFrom = "yaml": Invalid option: expected one of "scope file"|"document"|"timeline"`,
      `${FILE}: standardsFrom = "Document": Invalid option: expected one of "scope file"|"document"|"timeline"`,
    ]);
    expect(problems({ ...v3, periodsFrom: 'scope file' })).toEqual([
      `${FILE}: periodsFrom = "scope file": Invalid option: expected one of "timeline"|"document"`,
    ]);
  });

  it('takes a stabilization day only as a calendar day in range', () => {
    expect(problems({ ...v3, stabilizedAt: '2024-02-30' })).toEqual([
      `${FILE}: stabilizedAt = "2024-02-30": expected a calendar day YYYY-MM-DD`,
    ]);
    expect(problems({ ...v3, stabilizedAt: '2024-02-28T00:00:00Z' })).toEqual([
      `${FILE}: stabilizedAt = "2024-02-28T00:00:00Z": expected a calendar day YYYY-MM-DD`,
    ]);
    expect(problems({ ...v3, stabilizedAt: '9001-01-01' })).toEqual([
      `${FILE}: stabilizedAt = "9001-01-01": expected a day from 1970-01-01 to 9000-12-31`,
    ]);
    expect(VersionFacts.safeParse({ ...v3, stabilizedAt: '2024-02-29' }).success).toBe(true);
  });

  it('refuses a flag, a list or a name of the wrong type', () => {
    expect(problems({ ...v3, inScopeFile: 'yes', standards: 'scs-0100-v3', name: 3 })).toEqual([
      `${FILE}: name = 3: Invalid input: expected string, received number`,
      `${FILE}: inScopeFile = "yes": Invalid input: expected boolean, received string`,
      `${FILE}: standards = "scs-0100-v3": Invalid input: expected array, received string`,
    ]);
  });

  it('requires every field: a missing one is named as missing', () => {
    for (const key of Object.keys(v3)) {
      const rest: Record<string, unknown> = { ...v3 };
      delete rest[key];
      expect(problems(rest), key).toEqual([
        expect.stringMatching(new RegExp(`^${FILE}: ${key}: missing; Invalid (input|option): expected `)),
      ]);
    }
  });
});

describe('FactPeriod', () => {
  it('runs from a day (inclusive) to a day (exclusive), either open', () => {
    expect(FactPeriod.parse({ validity: 'effective', from: '2024-03-01', to: '2025-03-01' })).toEqual({
      validity: 'effective',
      from: '2024-03-01',
      to: '2025-03-01',
    });
    expect(FactPeriod.parse({ validity: 'deprecated', from: null, to: null })).toEqual({
      validity: 'deprecated',
      from: null,
      to: null,
    });
  });
  it('refuses a validity scs-0003-v1 does not have, and a day that is no calendar day, naming the entry', () => {
    expect(
      problems({ ...documentOnly, periods: [{ validity: 'Effective', from: null, to: '2024-01-01T00:00:00Z' }] }),
    ).toEqual([
      `${FILE}: periods[0].validity = "Effective": Invalid option: expected one of "draft"|"effective"|"warn"|"deprecated"`,
      `${FILE}: periods[0].to = "2024-01-01T00:00:00Z": expected a calendar day YYYY-MM-DD`,
    ]);
    expect(FactPeriod.safeParse({ validity: 'draft', from: '2024-01-01' }).success).toBe(false);
  });
});

describe('Disagreement and Statement', () => {
  it('hold what each source states, as written', () => {
    expect(Disagreement.parse(v3.disagreements[0])).toEqual(v3.disagreements[0]);
    expect(Statement.parse({ file: 'f', key: 'k', value: '' })).toEqual({ file: 'f', key: 'k', value: '' });
  });
  it('are about a stabilization day, a deprecation day or the standards, with file, key and value on both sides', () => {
    expect(Disagreement.shape.fact.options).toEqual(['stabilized_at', 'deprecated_at', 'standards']);
    expect(
      problems({
        ...v3,
        disagreements: [{ fact: 'status', scopeFile: { file: 'a', key: 'b', value: 1 }, document: {} }],
      }),
    ).toEqual([
      `${FILE}: disagreements[0].fact = "status": Invalid option: expected one of "stabilized_at"|"deprecated_at"|"standards"`,
      `${FILE}: disagreements[0].scopeFile.value = 1: Invalid input: expected string, received number`,
      `${FILE}: disagreements[0].document.file: missing; Invalid input: expected string, received undefined`,
      `${FILE}: disagreements[0].document.key: missing; Invalid input: expected string, received undefined`,
      `${FILE}: disagreements[0].document.value: missing; Invalid input: expected string, received undefined`,
    ]);
  });
});
