/**
 * The kind of a pull request, on real pull requests of the upstream snapshot (data/), one or
 * more per kind, and on made-up ones for the rules real data does not reach.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { classifyPull, kindContext, type KindContext } from '../../../src/domain/pulls/pr-kind.ts';
import { touchesStandards } from '../../../src/domain/pulls/progress.ts';
import type { Dataset, PullRequest } from '../../../src/domain/schemas/data.ts';
import { pull, realData } from '../../support/real-data.ts';
import { buildPull } from '../../support/build-pull.ts';

let data: Dataset;
let ctx: KindContext;
beforeAll(async () => {
  data = await realData();
  ctx = kindContext(data.documents, data.scopes);
});
const kindOf = (n: number) => classifyPull(pull(data, n), ctx);

describe('classifyPull on the snapshot', () => {
  it('#1037 "Stabilize SCS-0005-v2 and deprecate v1": deprecation, known from the history of scs-0005-v1', () => {
    expect(kindOf(1037)).toMatchObject({ kind: 'deprecation', certain: true, documents: ['scs-0005-v1'] });
  });
  it('#828 "Stabilize 0123 …": stabilization of scs-0123-v1, known from its history', () => {
    expect(kindOf(828)).toMatchObject({ kind: 'stabilization', certain: true, documents: ['scs-0123-v1'] });
  });
  it('#835 "Stabilize scs-0214-v1": the history says it stabilized scs-0214-v2', () => {
    expect(kindOf(835)).toMatchObject({ kind: 'stabilization', certain: true, documents: ['scs-0214-v2'] });
  });
  it('#824 "Stabilize SCS-compatible IaaS v5" and #955 "Deprecate SCS-compatible IaaS v4": scope-version changes (IaaS revisions)', () => {
    expect(kindOf(824)).toMatchObject({ kind: 'scope-version', certain: true });
    expect(kindOf(824).reason).toContain('iaas');
    expect(kindOf(955)).toMatchObject({ kind: 'scope-version', certain: true });
    expect(kindOf(859)).toMatchObject({ kind: 'scope-version', certain: true });
  });
  it('#843 "Stabilize SCS-compatible KaaS v1": a scope-version change even though the file did not parse at its commit', () => {
    expect(kindOf(843)).toMatchObject({ kind: 'scope-version', certain: true });
  });
  it('#587 "Create standard for mandatory and supported IaaS services": new draft scs-0123-v1 (history starts with it)', () => {
    expect(kindOf(587)).toMatchObject({ kind: 'new-draft', certain: true, documents: ['scs-0123-v1'] });
  });
  it('open #1195 "Add scs-0219-v2 …" and #1265 "New standard for node software recency.": new drafts (files no known document)', () => {
    expect(kindOf(1195)).toMatchObject({ kind: 'new-draft', certain: false });
    expect(kindOf(1195).reason).toContain('Standards/scs-0219-v2-kaas-networking.md');
    expect(kindOf(1265)).toMatchObject({ kind: 'new-draft', certain: false });
    // scs-xxxx: a number not yet assigned
    expect(kindOf(140)).toMatchObject({ kind: 'new-draft', certain: false });
  });
  it('#827 "fix typo", #796 "Minor grammar fixes", #848 "fix the bothed wording": editorial', () => {
    for (const n of [827, 796, 848]) expect(kindOf(n), `#${n}`).toMatchObject({ kind: 'editorial', certain: false });
  });
  it('#834 "Revert any non-editorial changes … after stabilization": neither editorial nor a stabilization, a revision of the document it edits', () => {
    expect(kindOf(834).kind).toBe('revision');
  });
  it('open #842 (changes the KaaS scope file, not yet merged): a scope-version change, told by its file', () => {
    expect(kindOf(842)).toMatchObject({ kind: 'scope-version', certain: false });
    expect(kindOf(842).reason).toBe('It changes Tests/scs-compatible-kaas.yaml, a scope file.');
  });
  it('open #1166 (edits scs-0219-v1) and #1266 (edits scs-0100-v3 and scs-0103-v1): revisions', () => {
    expect(kindOf(1166)).toMatchObject({ kind: 'revision', certain: false });
    expect(kindOf(1166).reason).toContain('Standards/scs-0219-v1-kaas-networking.md');
    expect(kindOf(1266).kind).toBe('revision');
  });
  it('open #1250 (names scs-0128, changes only Tests/iaas/scs_0128_e2e_testing/): conformance tests', () => {
    expect(kindOf(1250)).toMatchObject({ kind: 'tests', certain: false });
  });
  it('#393 "Fix outdated URL in scs-compatible-iaas.yaml", merged without a scope revision: no scope-version change', () => {
    expect(kindOf(393).kind).toBe('tests');
  });
  it('leaves at most 2 of the pull requests touching standards unknown (#395 and #1253 change no document, test or scope file)', () => {
    const unknown = data.pulls
      .filter(touchesStandards)
      .filter((p) => classifyPull(p, ctx).kind === 'unknown')
      .map((p) => p.number);
    expect(unknown).toEqual([395, 1253]);
  });
  it("#740 \"Avoid confusing usage of 'obsolete' next to 'deprecated'\": not a deprecation", () => {
    expect(kindOf(740).kind).not.toBe('deprecation');
  });
});

describe('classifyPull rules', () => {
  const base: PullRequest = buildPull({
    number: 99999,
    title: '',
    author: 'x',
    createdAt: '2025-01-01T10:00:00Z',
    updatedAt: '2025-01-02T10:00:00Z',
    url: 'https://example.invalid/1',
  });
  it('reads the verb in open titles: stabilize / stabilise / deprecate', () => {
    expect(classifyPull({ ...base, title: 'Stabilise scs-0219-v2' }, ctx)).toMatchObject({
      kind: 'stabilization',
      certain: false,
    });
    expect(classifyPull({ ...base, title: 'feat: stabilizing the flavor standard' }, ctx).kind).toBe('stabilization');
    expect(classifyPull({ ...base, title: 'Deprecate scs-0100-v2' }, ctx)).toMatchObject({
      kind: 'deprecation',
      certain: false,
    });
    expect(classifyPull({ ...base, title: 'Explain deprecated_at' }, ctx).kind).toBe('unknown');
  });
  it('does not trust the history for a pull request that is not merged', () => {
    // #828's number, but still open: the history entry cannot be its doing.
    expect(classifyPull({ ...base, number: 828, title: 'Some change' }, ctx).kind).toBe('unknown');
  });
  it('a known document file is a revision, not a new draft; an unknown one is a new draft', () => {
    expect(
      classifyPull({ ...base, files: ['Standards/scs-0123-v1-mandatory-and-supported-IaaS-services.md'] }, ctx).kind,
    ).toBe('revision');
    // A known id under another file name (renamed since) is that document.
    expect(classifyPull({ ...base, files: ['Standards/scs-0123-v1-old-name.md'] }, ctx).kind).toBe('revision');
    expect(classifyPull({ ...base, files: ['Standards/scs-0999-v1-something-new.md'] }, ctx).kind).toBe('new-draft');
    expect(classifyPull({ ...base, files: ['Standards/README.md'] }, ctx).kind).toBe('unknown');
  });
  it('files under Tests/: a scope file while open is a scope-version change; other files are conformance tests', () => {
    expect(classifyPull({ ...base, files: ['Tests/scs-compatible-iaas.yaml'] }, ctx).kind).toBe('scope-version');
    expect(classifyPull({ ...base, files: ['Tests/scs-compatible.yaml'] }, ctx).kind).toBe('scope-version');
    expect(classifyPull({ ...base, state: 'merged', files: ['Tests/scs-compatible-iaas.yaml'] }, ctx).kind).toBe(
      'tests',
    );
    expect(classifyPull({ ...base, files: ['Tests/iaas/flavor-naming/check.py'] }, ctx).kind).toBe('tests');
    // An editorial title wins over the files.
    expect(classifyPull({ ...base, title: 'Fix typos', files: ['Tests/scs-compatible-iaas.yaml'] }, ctx).kind).toBe(
      'editorial',
    );
  });
});
