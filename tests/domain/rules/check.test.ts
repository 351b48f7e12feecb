/**
 * scs-0003-v1's rules on revisions of a scope file (rules/check.ts): each rule on a small
 * scope built here, with the boundary days, and on the project's data (the snapshot): #859
 * and the IaaS v3 descriptor are flagged, #824's prepended entries are not.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkScope, checkScopes, monthsBefore } from '../../../src/domain/rules/check.ts';
import { Finding } from '../../../src/domain/rules/finding.ts';
import type { Dataset, Revision, Scope, ScopeVersion } from '../../../src/domain/schemas/data.ts';
import type { TimelineEntry } from '../../../src/domain/schemas/scope-file.ts';
import { realData } from '../../support/real-data.ts';
import { scope as buildScope } from '../../support/build-scope.ts';

const sha = (n: number) => n.toString(16).padStart(40, '0');
const version = (name: string, stabilizedAt: string | null, refs: string[] = ['scs-0100-v3']): ScopeVersion => ({
  name,
  stabilizedAt,
  include: refs.map((ref) => ({ ref, parameters: {} })),
});
let n = 0;
const revision = (
  date: string,
  timeline: TimelineEntry[],
  versions: ScopeVersion[],
  format: Revision['format'] = 'timeline',
): Revision => ({
  commit: sha(++n),
  date,
  pr: n,
  title: `change ${n}`,
  file: 'Tests/scs-compatible-iaas.yaml',
  format,
  error: null,
  timeline,
  versions,
});
const scope = (...revisions: Revision[]): Scope =>
  buildScope(revisions, { id: 'iaas', uuid: 'u', name: 'SCS-compatible IaaS', file: 'Tests/scs-compatible-iaas.yaml' });
const entry = (date: string, versions: TimelineEntry['versions']): TimelineEntry => ({ date, versions });
const rules = (s: Scope, pr?: number) =>
  checkScope(s)
    .filter((f) => pr === undefined || f.pr === pr)
    .map((f) => f.rule);

const V1 = version('v1', '2024-01-01');
const V2 = version('v2', '2024-06-01');
const base = () => revision('2024-01-10', [entry('2024-01-10', { v1: 'effective' })], [V1, V2]);

describe('R1: effective or warn only when stable at the start of the period', () => {
  it('flags a period that starts the day before stabilized_at, not the day of it', () => {
    const early = checkScope(scope(revision('2024-05-01', [entry('2024-05-31', { v2: 'effective' })], [V2])));
    expect(early.map((f) => [f.rule, f.values])).toContainEqual([
      'R1',
      { version: 'v2', validity: 'effective', date: '2024-05-31', stabilizedAt: '2024-06-01' },
    ]);
    expect(rules(scope(revision('2024-05-01', [entry('2024-06-01', { v2: 'warn' })], [V2])))).not.toContain('R1');
    expect(
      rules(
        scope(
          revision(
            '2024-05-01',
            [entry('2024-05-01', { v3: 'draft' }), entry('2024-06-01', { v2: 'effective' })],
            [V2, version('v3', null)],
          ),
        ),
      ),
    ).not.toContain('R1');
    expect(
      checkScope(scope(revision('2024-05-01', [entry('2024-05-01', { v3: 'warn' })], [version('v3', null)])))[0]
        ?.message,
    ).toBe('v3 is warn from 2024-05-01, but has no stabilized_at');
  });
});

describe('R2: prepend-only', () => {
  it('an entry dated the landing day or later may be added; one dated the day before may not', () => {
    const same = scope(
      base(),
      revision(
        '2024-03-01',
        [entry('2024-03-01', { v1: 'effective', v2: 'draft' }), entry('2024-01-10', { v1: 'effective' })],
        [V1, V2],
      ),
    );
    expect(rules(same)).not.toContain('R2');
    const back = scope(
      base(),
      revision(
        '2024-03-01',
        [entry('2024-02-29', { v1: 'effective', v2: 'draft' }), entry('2024-01-10', { v1: 'effective' })],
        [V1, V2],
      ),
    );
    expect(checkScope(back).find((f) => f.rule === 'R2')?.message).toBe(
      'added an entry dated 2024-02-29 (v1 effective, v2 draft), before the day it landed (2024-03-01)',
    );
  });
  it('a future entry may not be removed or edited; listing a version as deprecated changes nothing', () => {
    const future = revision(
      '2024-02-01',
      [entry('2024-09-01', { v2: 'effective' }), entry('2024-01-10', { v1: 'effective' })],
      [V1, V2],
    );
    const removed = scope(base(), future, revision('2024-08-31', [entry('2024-01-10', { v1: 'effective' })], [V1, V2]));
    expect(
      checkScope(removed)
        .filter((f) => f.rule === 'R2')
        .map((f) => f.values),
    ).toEqual([{ date: '2024-09-01', before: 'v2 effective', removed: 'true' }]);
    const edited = scope(
      base(),
      future,
      revision('2024-08-01', [entry('2024-09-01', { v2: 'warn' }), entry('2024-01-10', { v1: 'effective' })], [V1, V2]),
    );
    expect(checkScope(edited).find((f) => f.rule === 'R2')?.message).toBe(
      'edited the entry of 2024-09-01: v2 effective → v2 warn',
    );
    const same = scope(
      base(),
      future,
      revision(
        '2024-08-01',
        [entry('2024-09-01', { v2: 'effective', v1: 'deprecated' }), entry('2024-01-10', { v1: 'effective' })],
        [V1, V2],
      ),
    );
    expect(rules(same)).not.toContain('R2');
  });
});

describe('R3: pruning', () => {
  const timeline = [
    entry('2024-07-01', { v2: 'effective' }),
    entry('2024-03-01', { v1: 'warn', v2: 'effective' }),
    entry('2024-01-10', { v1: 'effective' }),
  ];
  const full = revision('2024-02-01', timeline, [V1, V2]);
  it('deletes an entry that ended at least six months before, with all earlier ones', () => {
    // The 2024-03-01 entry was valid until 2024-06-30; six months after its end is 2025-01-01.
    expect(monthsBefore('2025-01-01', 6)).toBe('2024-07-01');
    expect(monthsBefore('2024-08-31', 6)).toBe('2024-02-29');
    const ok = scope(full, revision('2025-01-01', [timeline[0]!], [V1, V2]));
    expect(rules(ok)).not.toContain('R3');
    const early = scope(full, revision('2024-12-31', [timeline[0]!], [V1, V2]));
    expect(
      checkScope(early)
        .filter((f) => f.rule === 'R3')
        .map((f) => f.message),
    ).toEqual([
      'deleted the entry of 2024-03-01, valid until 2024-06-30: not yet 6 months before 2024-12-31 (that is 2024-06-30)',
    ]);
  });
  it('may not keep an entry earlier than one it deleted', () => {
    const gap = scope(full, revision('2025-06-01', [timeline[0]!, timeline[2]!], [V1, V2]));
    expect(
      checkScope(gap)
        .filter((f) => f.rule === 'R3')
        .map((f) => f.values),
    ).toEqual([{ date: '2024-01-10', keptBefore: '2024-03-01' }]);
  });
});

describe('R4 and R5', () => {
  it('R4: a stable descriptor changed (stabilized_at or include), a draft one may change', () => {
    const changed = scope(
      base(),
      revision('2024-02-01', base().timeline, [
        version('v1', '2024-01-02', ['scs-0100-v3', 'scs-0101-v1']),
        version('v2', null, ['x']),
      ]),
    );
    const draftChanged = scope(
      revision('2024-01-10', base().timeline, [V1, version('v2', null)]),
      revision('2024-02-01', base().timeline, [V1, version('v2', null, ['x'])]),
    );
    expect(
      checkScope(changed)
        .filter((f) => f.rule === 'R4')
        .map((f) => f.message),
    ).toEqual([
      'changed stable v1: stabilized_at 2024-01-01 → 2024-01-02',
      "changed stable v1's include: added scs-0101-v1",
      'changed stable v2: stabilized_at 2024-06-01 → none',
      "changed stable v2's include: removed scs-0100-v3 added x",
    ]);
    expect(rules(draftChanged)).not.toContain('R4');
  });
  it('R5: a version the file does not define, reported once by the revision that introduced it', () => {
    const s = scope(
      base(),
      revision('2024-02-01', [entry('2024-02-01', { v1: 'effective', v9: 'draft' }), ...base().timeline], [V1, V2]),
      revision(
        '2024-03-01',
        [
          entry('2024-03-01', { v1: 'effective', v9: 'draft' }),
          entry('2024-02-01', { v1: 'effective', v9: 'draft' }),
          ...base().timeline,
        ],
        [V1, V2],
      ),
    );
    const found = checkScope(s).filter((f) => f.rule === 'R5');
    expect(found.map((f) => [f.landed, f.message])).toEqual([
      ['2024-02-01', 'the timeline names v9 (from 2024-02-01), which the file does not define under versions'],
    ]);
  });
});

describe('advisories', () => {
  it('notice: 13 days ahead is short, 14 is not; a new draft needs none', () => {
    const at = (date: string) =>
      scope(base(), revision('2024-03-01', [entry(date, { v2: 'effective' }), ...base().timeline], [V1, V2]));
    expect(
      checkScope(at('2024-03-14'))
        .filter((f) => f.rule === 'notice')
        .map((f) => [f.severity, f.message]),
    ).toEqual([['advisory', 'sets 2024-03-14 13 days ahead, less than the 14 days of announcement']]);
    expect(rules(at('2024-03-15'))).not.toContain('notice');
    expect(
      rules(
        scope(
          base(),
          revision('2024-03-01', [entry('2024-03-01', { v1: 'effective', v2: 'draft' }), ...base().timeline], [V1, V2]),
        ),
      ),
    ).not.toContain('notice');
  });
  it('overlap: two effective versions for 28 to 42 days is intended; 27 or 43 is not', () => {
    const overlap = (days: number) => {
      const end = new Date(Date.UTC(2024, 6, 1 + days)).toISOString().slice(0, 10);
      return rules(
        scope(
          revision(
            '2024-06-01',
            [entry('2024-07-01', { v1: 'effective', v2: 'effective' }), entry(end, { v2: 'effective' })],
            [V1, V2],
          ),
        ),
      );
    };
    expect(overlap(27)).toContain('overlap');
    expect(overlap(28)).not.toContain('overlap');
    expect(overlap(42)).not.toContain('overlap');
    expect(overlap(43)).toContain('overlap');
  });
  it('more than two versions effective at once', () => {
    const three = scope(
      revision(
        '2024-06-01',
        [entry('2024-07-01', { v1: 'effective', v2: 'effective', v3: 'effective' })],
        [V1, V2, version('v3', '2024-06-01')],
      ),
    );
    expect(checkScope(three).find((f) => f.rule === 'effective-count')?.message).toBe(
      '3 versions effective from 2024-07-01: v1, v2, v3',
    );
  });
});

describe('on the snapshot', () => {
  let data: Dataset;
  beforeAll(async () => {
    data = await realData();
  });
  it('flags #859: it replaced the future 2025-01-01 entry and added 2024-12-19 on 2024-12-20, citing section, PR and values', () => {
    const f = checkScopes(data.scopes).filter((x) => x.pr === 859 && x.rule === 'R2');
    expect(f.map((x) => x.message)).toEqual([
      'removed the entry of 2025-01-01 (v4 warn, v5 effective), dated after it landed on 2024-12-20',
      'added an entry dated 2024-12-19 (v4 effective, v5.1 effective), before the day it landed (2024-12-20)',
    ]);
    expect(f[0]).toMatchObject({
      scope: 'iaas',
      severity: 'violation',
      section: 'scs-0003-v1, Process',
      landed: '2024-12-20',
      commit: 'cf3a261' + f[0]!.commit.slice(7),
    });
    for (const x of checkScopes(data.scopes)) expect(Finding.safeParse(x).success).toBe(true);
  });
  it('flags the IaaS v3 descriptor, changed after it was stable (#731)', () => {
    const f = checkScopes(data.scopes).filter((x) => x.rule === 'R4' && x.values.version === 'v3');
    expect(f.find((x) => x.values.field === 'stabilized_at')).toMatchObject({
      pr: 731,
      message: 'changed stable v3: stabilized_at 2023-06-15 → 2024-02-28',
      section: 'scs-0003-v1, Version descriptor',
    });
  });
  it('finds nothing of R2 on #824, which prepended its entries (2024-11-21 and 2025-01-01, landed 2024-11-21)', () => {
    const f = checkScopes(data.scopes).filter((x) => x.pr === 824);
    expect(f.filter((x) => x.rule === 'R2')).toEqual([]);
    expect(f.map((x) => x.rule)).toEqual(['notice']);
  });
});
