import { describe, expect, it } from 'vitest';
import { parseOrThrow } from '../../../src/domain/parse/errors.ts';
import { MonitorStatus } from '../../../src/domain/subjects/monitor-status.ts';
import {
  GROUP_PREFIX,
  monitorDetailUrl,
  SUBJECTS_FILE,
  subjectsFromStatus,
  SubjectsFile,
} from '../../../src/domain/subjects/schema.ts';
import { caught } from '../../support/input-error.ts';

const MONITOR = 'https://compliance.sovereignit.cloud/';
const IAAS = '50393e6f-2ae1-4c5c-a62c-3b75f2abef3f';
const KAAS = '1fffebe6-fd4b-44d3-a36c-fc58b4bb0180';

// Keys in the monitor's order, not sorted; the versions newest first by `_idx`, not by key.
const status = MonitorStatus.parse({
  'acme-old': {
    [IAAS]: {
      name: 'SCS-compatible IaaS',
      testcases: {
        'z-check': { id: 'z-check', lifetime: 'year', description: 'Z', url: 'https://docs.scs.community/z' },
        'a-check': { id: 'a-check' },
      },
      results: {
        'z-check': { result: -1, checked_at: '2026-11-30T08:00:00' },
        'a-check': { result: 1, checked_at: '2026-12-01T18:28:21.134719', report: 'r-1' },
      },
      versions: {
        v4: {
          _idx: 1,
          result: 1,
          targets: {
            preview: { testcases: ['z-check'], result: -1 },
            main: { testcases: ['z-check', 'a-check'], result: -1 },
          },
          validity: 'warn',
        },
        'v5.1': { _idx: 0, result: null, targets: { main: { testcases: ['a-check'], result: 1 } } },
      },
      best_passed: 1,
      validity: 'effective',
    },
  },
  'acme-cloud': {
    [KAAS]: { name: 'SCS-compatible KaaS', testcases: {}, results: {}, versions: {} },
    [IAAS]: { name: 'SCS-compatible IaaS', testcases: {}, results: {}, versions: {} },
  },
});
const file = subjectsFromStatus(status, MONITOR);

describe('subjectsFromStatus', () => {
  it('keeps what the monitor measured, sorted: subjects by id, scopes by name, testcases and results by id', () => {
    expect(file.monitor).toBe(MONITOR);
    expect(file.subjects.map((s) => [s.id, s.scopes.map((x) => x.name)])).toEqual([
      ['acme-cloud', ['SCS-compatible IaaS', 'SCS-compatible KaaS']],
      ['acme-old', ['SCS-compatible IaaS']],
    ]);
    const old = file.subjects[1]!.scopes[0]!;
    expect(old.uuid).toBe(IAAS);
    expect(old.testcases).toEqual([
      { id: 'a-check', lifetime: null, description: null, url: null },
      { id: 'z-check', lifetime: 'year', description: 'Z', url: 'https://docs.scs.community/z' },
    ]);
    expect(old.results).toEqual([
      { testcase: 'a-check', result: 1, checkedAt: '2026-12-01T18:28:21.134719', report: 'r-1' },
      { testcase: 'z-check', result: -1, checkedAt: '2026-11-30T08:00:00', report: null },
    ]);
  });

  it('orders versions newest first by position, targets by name and their testcases, and drops what the monitor derives', () => {
    const old = file.subjects[1]!.scopes[0]!;
    expect(old.versions).toEqual([
      { name: 'v5.1', targets: [{ name: 'main', testcases: ['a-check'] }] },
      {
        name: 'v4',
        targets: [
          { name: 'main', testcases: ['a-check', 'z-check'] },
          { name: 'preview', testcases: ['z-check'] },
        ],
      },
    ]);
    expect(JSON.stringify(file)).not.toMatch(/validity|best_passed|"result": ?null/);
  });

  it('is a valid data/subjects.json, and the same answer in another key order gives the same file', () => {
    expect(SubjectsFile.parse(file)).toEqual(file);
    const reversed = Object.fromEntries(
      Object.entries(status)
        .reverse()
        .map(([k, v]) => [k, Object.fromEntries(Object.entries(v).reverse())]),
    );
    expect(JSON.stringify(subjectsFromStatus(reversed, MONITOR))).toBe(JSON.stringify(file));
  });

  it('an empty answer has no subjects, and without groups found there are none', () => {
    expect(subjectsFromStatus({}, MONITOR)).toEqual({ monitor: MONITOR, subjects: [], groups: [] });
    expect(file.groups).toEqual([]);
  });

  it('keeps the groups found, sorted by id, each member once and sorted', () => {
    const groups = [
      { id: 'group-zeta', members: ['acme-old'], linked: false },
      { id: 'group-acme', members: ['acme-old', 'acme-cloud', 'acme-old'], linked: true },
    ];
    expect(subjectsFromStatus(status, MONITOR, groups).groups).toEqual([
      { id: 'group-acme', members: ['acme-cloud', 'acme-old'], linked: true },
      { id: 'group-zeta', members: ['acme-old'], linked: false },
    ]);
    expect(groups[1]!.members).toEqual(['acme-old', 'acme-cloud', 'acme-old']);
  });
});

describe('SubjectsFile', () => {
  const problems = (input: unknown) =>
    caught(() => parseOrThrow(SubjectsFile, input, 'data/subjects.json')).message.split('\n');

  it('links the monitor only by an http(s) URL', () => {
    expect(problems({ ...file, monitor: 'javascript:alert(1)' })).toEqual([
      'data/subjects.json: monitor = "javascript:alert(1)": expected an http: or https: URL; kept as text, not linked',
    ]);
  });

  it('names the entry of a subject name, verdict, timestamp or lifetime it refuses', () => {
    const broken = structuredClone(file);
    broken.subjects[0]!.id = '../evil';
    const scope = broken.subjects[1]!.scopes[0]!;
    Object.assign(scope.results[0]!, { result: 2, checkedAt: '2026' });
    Object.assign(scope.testcases[1]!, { lifetime: 'decade' });
    expect(problems(broken)).toEqual([
      'data/subjects.json: subjects[0].id = "../evil": expected a subject name of letters, digits, ".", "_" and "-"',
      'data/subjects.json: subjects[1].scopes[0].testcases[1].lifetime = "decade": Invalid option: expected one of "day"|"week"|"month"|"quarter"|"year"',
      'data/subjects.json: subjects[1].scopes[0].results[0].result = 2: Invalid input',
      'data/subjects.json: subjects[1].scopes[0].results[0].checkedAt = "2026": expected a timestamp YYYY-MM-DDTHH:MM:SS',
    ]);
  });

  it('requires every field of a version’s target', () => {
    const broken = structuredClone(file);
    const target: { name: string; testcases?: string[] } = broken.subjects[1]!.scopes[0]!.versions[0]!.targets[0]!;
    delete target.testcases;
    expect(problems(broken)).toEqual([
      'data/subjects.json: subjects[1].scopes[0].versions[0].targets[0].testcases: missing; Invalid input: expected array, received undefined',
    ]);
  });
});

describe('SubjectsFile: groups', () => {
  const problems = (input: unknown) =>
    caught(() => parseOrThrow(SubjectsFile, input, 'data/subjects.json')).message.split('\n');

  it(`a group is named ${GROUP_PREFIX}<name>, has members and says whether the monitor's table links it`, () => {
    const groups = [{ id: 'group-acme', members: ['acme-cloud', 'acme-old'], linked: true }];
    expect(GROUP_PREFIX).toBe('group-');
    expect(SubjectsFile.parse({ ...file, groups }).groups).toEqual(groups);
  });

  it('reads a file written before groups were synced as one without groups', () => {
    const { groups: _groups, ...older } = file;
    expect(SubjectsFile.parse(older).groups).toEqual([]);
  });

  it('refuses a group name without the prefix or a name, no members, a member that is no subject name, naming the entry', () => {
    const groups = [
      { id: 'acme', members: ['a'], linked: true },
      { id: 'group-', members: [], linked: 'yes' },
      { id: 'group-x', members: ['../e'], linked: false },
    ];
    expect(problems({ ...file, groups })).toEqual([
      'data/subjects.json: groups[0].id = "acme": expected group-<name>',
      'data/subjects.json: groups[1].id = "group-": expected group-<name>',
      'data/subjects.json: groups[1].members = []: Too small: expected array to have >=1 items',
      'data/subjects.json: groups[1].linked = "yes": Invalid input: expected boolean, received string',
      'data/subjects.json: groups[2].members[0] = "../e": expected a subject name of letters, digits, ".", "_" and "-"',
    ]);
  });
});

describe('monitorDetailUrl', () => {
  it('is the monitor’s page of a subject and scope, under the monitor’s own path, with both segments encoded', () => {
    expect(monitorDetailUrl(file, 'acme-cloud', IAAS)).toBe(`${MONITOR}page/detail/acme-cloud/${IAAS}`);
    expect(monitorDetailUrl({ monitor: 'https://example.org/monitor/' }, 'a b', 'x/y?')).toBe(
      'https://example.org/monitor/page/detail/a%20b/x%2Fy%3F',
    );
  });
});

describe('SUBJECTS_FILE', () => {
  it('is data/subjects.json', () => {
    expect(SUBJECTS_FILE).toBe('subjects.json');
  });
});
