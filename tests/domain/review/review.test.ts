import { describe, expect, it } from 'vitest';
import { reviewChange, type ProposedChange } from '../../../src/domain/review/review.ts';
import type { UpstreamChange } from '../../../src/domain/upstream/upstream.ts';
import { sha } from '../../support/build-scope.ts';
import { bytes, history } from '../../support/build-snapshot.ts';

const IAAS = 'Tests/scs-compatible-iaas.yaml';
const FLAVORS = 'Standards/scs-0100-v3-flavor-naming.md';
const VERSIONS = '  - version: v4\n    stabilized_at: 2024-02-28\n  - version: v5\n';
const scopeText = (timeline: string, versions = VERSIONS) =>
  `uuid: 50393e6f-2ae1-4c5c-a62c-3b75f2abef3f\nname: SCS-compatible IaaS\ntimeline:\n${timeline}versions:\n${versions}`;
const entry = (date: string, versions: Record<string, string>) =>
  `  - date: ${date}\n    versions:\n${Object.entries(versions)
    .map(([v, s]) => `      ${v}: ${s}\n`)
    .join('')}`;
const V4 = entry('2024-03-01', { v4: 'effective' });
const doc = (title: string, status: string, extra = '') =>
  `---\ntitle: ${title}\ntype: Standard\nstatus: ${status}\ntrack: IaaS\n${extra}---\n\n# ${title}\n`;

// main: the IaaS scope file (v4 effective since 2024-03-01) and one draft standard.
const base = history([
  {
    at: '2024-03-01T10:00:00Z',
    message: 'Start (#100)',
    set: { [IAAS]: scopeText(V4), [FLAVORS]: doc('Flavor naming', 'Draft') },
  },
]);
const HEAD = sha('head');
const ON = '2024-11-21';

function proposed(set: Record<string, string | null>, extra: Partial<ProposedChange> = {}): ProposedChange {
  const changes: UpstreamChange[] = Object.entries(set).map(([path, text]) => ({
    path,
    status: text === null ? 'D' : base.files.has(path) ? 'M' : 'A',
    oldPath: null,
    content: text === null ? null : bytes(text),
  }));
  return { head: HEAD, subject: 'Announce v5 (#900)', changes, ...extra };
}

describe('reviewChange: the timeline', () => {
  const r = reviewChange(
    base,
    proposed({ [IAAS]: scopeText(entry('2025-01-01', { v5: 'effective', v4: 'warn' }) + V4) }),
    ON,
  );

  it('names base, head, subject and the day it would land', () => {
    expect(r).toMatchObject({
      base: base.head.sha,
      head: HEAD,
      subject: 'Announce v5 (#900)',
      on: ON,
      conflicts: [],
      errors: [],
    });
  });

  it('tells what the change announces in the history’s sentences, with the lead time from the day it lands', () => {
    expect(r.scopes).toHaveLength(1);
    expect(r.scopes[0]).toMatchObject({ scope: 'iaas', name: 'SCS-compatible IaaS', file: IAAS });
    expect(r.scopes[0]!.sentences).toEqual([
      'v4 `warn` on 2025-01-01 — 41 days ahead',
      'v5 `effective` on 2025-01-01 — 41 days ahead',
    ]);
  });

  it('checks the new revision against scs-0003-v1 and counts its violations: v5 effective without stabilized_at (R1)', () => {
    expect(r.scopes[0]!.findings).toEqual([
      expect.objectContaining({
        rule: 'R1',
        severity: 'violation',
        commit: HEAD,
        landed: ON,
        pr: 900,
        message: 'v5 is effective from 2025-01-01, but has no stabilized_at',
      }),
    ]);
    expect(r.violations).toBe(1);
    expect(r.documents).toEqual([]);
    expect(r.unchanged).toEqual([]);
  });

  it('judges R2 by the day it would land: an entry for the day before breaks it, one for the day or after is only short notice', () => {
    const on = (date: string) =>
      reviewChange(base, proposed({ [IAAS]: scopeText(entry(date, { v4: 'warn' }) + V4) }), ON).scopes[0]!;
    const before = on('2024-11-20');
    expect(before.sentences).toEqual(['v4 `warn` on 2024-11-20 — 1 day after the fact']);
    expect(before.findings.map((f) => [f.rule, f.message])).toEqual([
      ['R2', 'added an entry dated 2024-11-20 (v4 warn), before the day it landed (2024-11-21)'],
    ]);
    const same = on('2024-11-21');
    expect(same.sentences).toEqual(['v4 `warn` on 2024-11-21 — on the day']);
    expect(same.findings.map((f) => [f.rule, f.severity, f.message])).toEqual([
      ['notice', 'advisory', 'sets 2024-11-21 0 days ahead, less than the 14 days of announcement'],
    ]);
    const after = on('2024-11-22');
    expect(after.sentences).toEqual(['v4 `warn` on 2024-11-22 — 1 day ahead']);
    expect(after.findings.map((f) => f.rule)).toEqual(['notice']);
  });

  it('says when only the versions change, and which versions were added', () => {
    const stabilized = scopeText(V4, `${VERSIONS}    stabilized_at: 2024-12-01\n`);
    expect(reviewChange(base, proposed({ [IAAS]: stabilized }), ON).scopes[0]!.sentences).toEqual([
      'changes the versions (modules or their parameters), not the timeline',
    ]);
    expect(
      reviewChange(base, proposed({ [IAAS]: scopeText(V4, `${VERSIONS}  - version: v6\n`) }), ON).scopes[0]!.sentences,
    ).toEqual(['version v6 added']);
  });

  it('tells a new scope file by its versions', () => {
    const kaas = `uuid: 1fffebe6-fd4b-44d3-a36c-fc58b4bb0180\nname: SCS-compatible KaaS\ntimeline:\n${entry('2024-12-01', { v1: 'effective' })}versions:\n  - version: v1\n    stabilized_at: 2024-11-26\n`;
    const r2 = reviewChange(base, proposed({ 'Tests/scs-compatible-kaas.yaml': kaas }), ON);
    expect(r2.scopes.map((s) => [s.scope, s.sentences])).toEqual([
      ['kaas', ['adds the scope file Tests/scs-compatible-kaas.yaml with versions v1']],
    ]);
    expect(r2.violations).toBe(0);
  });
});

describe('reviewChange: documents and other files', () => {
  it('one sentence per document added, removed or moved in its lifecycle (scs-0001-v1); the rest is unchanged', () => {
    const r = reviewChange(
      base,
      proposed({
        [FLAVORS]: doc('Flavor naming', 'Stable', 'stabilized_at: 2024-11-21\n'),
        'Standards/scs-0101-v1-entropy.md': doc('Entropy', 'Draft'),
        'README.md': 'x',
      }),
      ON,
    );
    expect(r.documents).toEqual([
      'scs-0100-v3: status Draft → Stable, stabilized_at — → 2024-11-21',
      'scs-0101-v1 added (Draft)',
    ]);
    expect(r.scopes).toEqual([]);
    expect(r.unchanged).toEqual(['README.md']);
    expect(r.violations).toBe(0);
  });

  it('a document removed, and one added already stable', () => {
    const r = reviewChange(
      base,
      proposed({
        [FLAVORS]: null,
        'Standards/scs-0101-v1-entropy.md': doc('Entropy', 'Stable', 'stabilized_at: 2024-11-21\n'),
      }),
      ON,
    );
    expect(r.documents).toEqual(['scs-0100-v3 removed', 'scs-0101-v1 added (Stable, stabilized_at 2024-11-21)']);
  });

  it('a document whose lifecycle does not change is listed among the files without effect', () => {
    const r = reviewChange(
      base,
      proposed({
        [FLAVORS]: doc('Flavor naming', 'Draft').replace('# Flavor naming', '# Flavor names'),
        [IAAS]: scopeText(V4, `${VERSIONS}  - version: v6\n`),
      }),
      ON,
    );
    expect(r.documents).toEqual([]);
    expect(r.scopes.map((s) => s.file)).toEqual([IAAS]);
    expect(r.unchanged).toEqual([FLAVORS]);
  });

  it('a change that touches no tracked file says nothing of scopes or documents', () => {
    const r = reviewChange(base, proposed({ 'README.md': 'x', 'Tests/testing/run.py': 'print()' }), ON);
    expect(r).toMatchObject({
      scopes: [],
      documents: [],
      errors: [],
      violations: 0,
      unchanged: ['README.md', 'Tests/testing/run.py'],
    });
  });
});

describe('reviewChange: readiness of draft scope versions', () => {
  // v5 a draft that includes the flavor-naming standard (a Draft on main).
  const DRAFT = entry('2024-03-01', { v4: 'effective', v5: 'draft' });
  const withDraft = (s: string) =>
    s
      .replace('timeline:\n', 'modules:\n  - id: scs-0100-v3\n    name: Flavor naming\ntimeline:\n')
      .replace('  - version: v5\n', '  - version: v5\n    include: [scs-0100-v3]\n')
      .replace(V4, DRAFT);
  const main = history([
    {
      at: '2024-03-01T10:00:00Z',
      message: 'Start (#100)',
      set: { [IAAS]: withDraft(scopeText(V4)), [FLAVORS]: doc('Flavor naming', 'Draft') },
    },
  ]);
  const change = (set: Record<string, string>): ProposedChange => ({
    head: HEAD,
    subject: 'Stabilize scs-0100-v3 (#901)',
    changes: Object.entries(set).map(([path, text]) => ({ path, status: 'M', oldPath: null, content: bytes(text) })),
  });

  it('a stabilization moves the draft from the standard it waits for to every included standard Stable', () => {
    const r = reviewChange(main, change({ [FLAVORS]: doc('Flavor naming', 'Stable', `stabilized_at: ${ON}\n`) }), ON);
    expect(r.readiness.map((c) => [c.label, c.before, c.after])).toEqual([
      ['IaaS v5', 'scs-0100-v3 Draft', 'every included standard Stable'],
    ]);
    expect(r.documents).toEqual(['scs-0100-v3: status Draft → Stable, stabilized_at — → 2024-11-21']);
  });

  it('no readiness change for a change that leaves the draft as it was', () => {
    expect(reviewChange(main, change({ 'README.md': 'x' }), ON).readiness).toEqual([]);
  });
});

describe('reviewChange: what cannot be reviewed', () => {
  it('a scope file left unreadable: the problems as the sync would refuse the head, naming file, key and value', () => {
    const r = reviewChange(base, proposed({ [IAAS]: scopeText(V4.replace('effective', 'effectiv')) }), ON);
    expect(r.errors).toEqual([
      'Tests/scs-compatible-iaas.yaml: timeline[0].versions.v4 = "effectiv": Invalid option: expected one of "draft"|"effective"|"warn"|"deprecated"',
    ]);
    expect(r).toMatchObject({ scopes: [], documents: [], violations: 0 });
  });

  it('a change that does not merge cleanly is not assembled at all', () => {
    const r = reviewChange(base, proposed({ [IAAS]: 'not: [yaml' }, { conflicts: [IAAS] }), ON);
    expect(r).toEqual({
      base: base.head.sha,
      head: HEAD,
      subject: 'Announce v5 (#900)',
      on: ON,
      scopes: [],
      documents: [],
      readiness: [],
      unchanged: [],
      errors: [],
      conflicts: [IAAS],
      violations: 0,
    });
  });

  it('leaves the base snapshot as it was', () => {
    const before = new Map(base.files);
    reviewChange(base, proposed({ [IAAS]: null, [FLAVORS]: null }), ON);
    expect(base.files).toEqual(before);
    expect(base.commits).toHaveLength(1);
  });
});
