import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOrThrow } from '../../../src/domain/parse/errors.ts';
import {
  CheckedAt,
  MonitorStatus,
  StatusScope,
  SubjectId,
  Verdict,
} from '../../../src/domain/subjects/monitor-status.ts';
import { caught } from '../../support/input-error.ts';
import { HAVE_MONITOR_FIXTURES, MONITOR_FIXTURES } from '../../support/monitor-fixtures.ts';

const URL = 'GET https://monitor.example/status';
const IAAS = '50393e6f-2ae1-4c5c-a62c-3b75f2abef3f';
/** One scope as `/status` answers it, with the fields the monitor derives. */
const scope = () => ({
  name: 'SCS-compatible IaaS',
  testcases: {
    'scs-0100-syntax-check': {
      id: 'scs-0100-syntax-check',
      lifetime: 'day',
      section: 'light',
      description: 'Flavor names',
      url: 'https://docs.scs.community/standards/scs-0100-v3-flavor-naming',
      attn: 1,
    },
    'scs-0123-service-compute': { id: 'scs-0123-service-compute' },
  },
  results: {
    'scs-0100-syntax-check': {
      result: 1,
      checked_at: '2026-12-01T18:28:21.134719',
      report: '555528a0-926e-42da-b5df-175c11098764',
    },
  },
  buckets: { '1': ['scs-0100-syntax-check'] },
  versions: {
    'v5.1': {
      _idx: 0,
      result: null,
      targets: { main: { testcases: ['scs-0100-syntax-check', 'scs-0123-service-compute'], result: null } },
      tc_target: { 'scs-0100-syntax-check': 'main' },
      validity: 'effective',
    },
    v4: { _idx: 1, result: 1, targets: { main: { testcases: ['scs-0100-syntax-check'], result: 1 } } },
  },
  relevant: ['v5.1', 'v4'],
  result: 1,
  passed: ['v4'],
  passed_str: 'v4',
  best_passed: 1,
  validity: 'effective',
});
const status = (s: unknown = scope(), subject = 'acme-cloud') => ({ [subject]: { [IAAS]: s } });
const problems = (input: unknown) => caught(() => parseOrThrow(MonitorStatus, input, URL)).message.split('\n');

describe('Verdict', () => {
  it('is 1 pass, 0 aborted or -1 fail (TESTCASE_VERDICTS), nothing else', () => {
    for (const v of [1, 0, -1]) expect(Verdict.parse(v)).toBe(v);
    for (const v of [2, '1', null, 0.5]) expect(Verdict.safeParse(v).success, String(v)).toBe(false);
  });
});

describe('CheckedAt', () => {
  it('takes the monitor’s naive timestamps, a day, and one with an offset', () => {
    for (const t of [
      '2026-12-01T18:28:21.134719',
      '2026-12-01T18:28:21',
      '2026-12-01',
      '2026-12-01T18:28:21Z',
      '2026-12-01T18:28:21+01:00',
    ])
      expect(CheckedAt.parse(t), t).toBe(t);
  });
  it('refuses anything else, saying what it expects', () => {
    for (const t of ['1.12.2026', '2026-12', '2026-12-01 18:28', '2026-12-01T18:28:21 CET']) {
      expect(CheckedAt.safeParse(t).error?.issues[0]?.message, t).toBe('expected a timestamp YYYY-MM-DDTHH:MM:SS');
    }
  });
});

describe('SubjectId', () => {
  it('is a path segment: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 100 characters', () => {
    for (const id of ['acme-cloud', 'group-gx-scs', 'A.b_c-1', '1', 'a'.repeat(100)])
      expect(SubjectId.parse(id), id).toBe(id);
    for (const id of ['', '-x', '.hidden', '../evil', 'a/b', 'a b', 'a%2F', 'a'.repeat(101)]) {
      expect(SubjectId.safeParse(id).error?.issues[0]?.message, id).toBe(
        'expected a subject name of letters, digits, ".", "_" and "-"',
      );
    }
  });
});

describe('MonitorStatus', () => {
  it('reads an answer, its derived fields optional', () => {
    expect(MonitorStatus.parse(status())).toEqual(status());
    const bare = { name: 'SCS-compatible IaaS', testcases: {}, results: {}, versions: {} };
    expect(MonitorStatus.parse(status(bare))).toEqual(status(bare));
    expect(MonitorStatus.parse({})).toEqual({});
  });

  it.skipIf(!HAVE_MONITOR_FIXTURES)('reads the recorded answer of the real monitor', () => {
    const recorded = JSON.parse(readFileSync(join(MONITOR_FIXTURES, 'status.json'), 'utf8'));
    const parsed = MonitorStatus.parse(recorded);
    expect(Object.keys(parsed).sort()).toEqual(['acme-cloud', 'acme-old']);
    expect(parsed['acme-cloud']![IAAS]!.name).toBe('SCS-compatible IaaS');
  });

  it('refuses a subject name that is no path segment, naming it', () => {
    expect(problems(status(scope(), '../evil'))[0]).toMatch(
      /^GET https:\/\/monitor\.example\/status: \.\.\/evil = \{.*: invalid subject name: expected a subject name of letters, digits, "\.", "_" and "-"$/,
    );
  });

  it('refuses an empty scope uuid', () => {
    expect(problems({ 'acme-cloud': { '': scope() } })[0]).toMatch(
      /^GET https:\/\/monitor\.example\/status: acme-cloud\. = .*: Invalid key in record$/,
    );
  });

  it('names file, key and value of a verdict, a timestamp, a lifetime or a position it does not know', () => {
    const s = scope();
    s.results['scs-0100-syntax-check'] = { result: 2, checked_at: '1.12.2026', report: 'r' };
    s.testcases['scs-0100-syntax-check'].lifetime = 'decade';
    s.versions.v4._idx = 0.5;
    expect(problems(status(s))).toEqual([
      `${URL}: acme-cloud.${IAAS}.testcases.scs-0100-syntax-check.lifetime = "decade": Invalid option: expected one of "day"|"week"|"month"|"quarter"|"year"`,
      `${URL}: acme-cloud.${IAAS}.results.scs-0100-syntax-check.result = 2: Invalid input`,
      `${URL}: acme-cloud.${IAAS}.results.scs-0100-syntax-check.checked_at = "1.12.2026": expected a timestamp YYYY-MM-DDTHH:MM:SS`,
      `${URL}: acme-cloud.${IAAS}.versions.v4._idx = 0.5: Invalid input: expected int, received number`,
    ]);
  });

  it('requires what this tracker keeps: a scope’s name, testcases, results and versions; a version’s position and targets', () => {
    const { name: _name, ...noName } = scope();
    expect(problems(status(noName))).toEqual([
      `${URL}: acme-cloud.${IAAS}.name: missing; Invalid input: expected string, received undefined`,
    ]);
    const s = scope();
    const { targets: _targets, ...noTargets } = s.versions.v4;
    expect(problems(status({ ...s, versions: { ...s.versions, v4: noTargets } }))).toEqual([
      `${URL}: acme-cloud.${IAAS}.versions.v4.targets: missing; Invalid input: expected record, received undefined`,
    ]);
    expect(StatusScope.safeParse({ ...scope(), results: [] }).success).toBe(false);
  });

  it('refuses an answer that is not an object of subjects', () => {
    expect(problems([])).toEqual([`${URL} = []: Invalid input: expected record, received array`]);
    expect(problems({ 'acme-cloud': [] })).toEqual([
      `${URL}: acme-cloud = []: Invalid input: expected record, received array`,
    ]);
  });
});
