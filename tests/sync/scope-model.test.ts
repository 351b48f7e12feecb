/**
 * One scope model from the scope YAML and the scope documents, on throwaway repositories:
 * the scs-0003-v1 format, the revamped format (groups, test), a file mixing both, a scope
 * only documents describe, a head without scope YAML, and a head with neither.
 */
import { describe, expect, it } from 'vitest';
import { syncFromGit, summarize } from '../../scripts/lib/sync.ts';
import { deriveEvents } from '../../src/domain/events/events.ts';
import { validityOn } from '../../src/domain/scopes/validity.ts';
import { gitRepo } from '../support/git-repo.ts';
import { syncGit } from '../support/upstream-repo.ts';
import { dirState, tempDir } from '../support/files.ts';

const HEAD = `name: SCS-compatible IaaS
uuid: 50393e6f-2ae1-4c5c-a62c-3b75f2abef3f
`;
const TIMELINE = `timeline:
  - date: 2024-12-19
    versions:
      v5.1: effective
      v4: effective
  - date: 2024-02-28
    versions:
      v4: effective
`;
const MODULES = `modules:
  - id: scs-0100-v3.1
    name: Flavor naming v3.1
    url: https://docs.scs.community/standards/scs-0100-v3-flavor-naming
  - id: scs-0123-v1
    name: Services
    url: https://docs.scs.community/standards/scs-0123-v1-services
`;
const OLD_VERSIONS = `versions:
  - version: v5.1
    stabilized_at: 2024-12-19
    include: [scs-0100-v3.1, scs-0123-v1]
  - version: v4
    stabilized_at: 2024-02-28
    include: [scs-0100-v3.1]
`;
const GROUPS = `groups:
  - id: scs-0100-v3.1
    name: Flavor naming v3.1
    url: https://docs.scs.community/standards/scs-0100-v3-flavor-naming
    include: [scs-0100-syntax-check]
  - id: scs-0123-v1
    name: Services
    url: https://docs.scs.community/standards/scs-0123-v1-services
    include: [scs-0123-service-compute]
  - id: scs-0501-v5
    name: SCS-compatible IaaS v5.1
    url: https://docs.scs.community/standards/scs-0501-v5-scs-compatible-iaas
    include: [scs-0100-v3.1, scs-0123-v1]
  - id: scs-0501-v4
    name: SCS-compatible IaaS v4
    url: https://docs.scs.community/standards/scs-0501-v4-scs-compatible-iaas
    include: [scs-0100-v3.1]
`;
const NEW_VERSIONS = `versions:
  - version: v5.1
    test: scs-0501-v5
  - version: v4
    test: scs-0501-v4
`;
const MIXED_VERSIONS = `versions:
  - version: v5.1
    test: scs-0501-v5
  - version: v4
    stabilized_at: 2024-02-28
    include: [scs-0100-v3.1]
`;

function scopeDoc(title: string, fm: string, version: string, standards: string[]): string {
  return `---
title: ${title}
type: Standard
track: Scopes
${fm}description: |
  The certificate scope.
---

## Introduction

This is ${version} of the certificate scope _${title}_.

## Subject Matter

${standards.map((s) => `- [${s}: a standard](https://docs.scs.community/standards/${s}-a-standard)`).join('\n')}

## Testing Regime

- [scs-0999-v1: not a standard of the scope](https://example.invalid)
`;
}
const DOCS = {
  'Standards/scs-0501-v4-scs-compatible-iaas.md': scopeDoc(
    'SCS-compatible IaaS',
    'status: Stable\nstabilized_at: 2024-02-28\n',
    'v4',
    ['scs-0100-v3'],
  ),
  'Standards/scs-0501-v5-scs-compatible-iaas.md': scopeDoc(
    'SCS-compatible IaaS',
    'status: Stable\nstabilized_at: 2024-12-19\n',
    'v5.1',
    ['scs-0100-v3', 'scs-0123-v1'],
  ),
};
const KAAS_DOC = {
  'Standards/scs-0502-v1-scs-compatible-kaas.md': scopeDoc(
    'SCS-compatible KaaS',
    'status: Stable\nstabilized_at: 2024-11-26\n',
    'v1',
    ['scs-0214-v2', 'scs-0219-v1'],
  ),
};

function repoWith(files: Record<string, string | null>, more: Record<string, string | null>[] = []): string {
  const repo = gitRepo('scope-model');
  repo.write(files);
  repo.commit('Add the scope (#1)', { date: '2024-12-19T10:00:00+01:00' });
  more.forEach((m, i) => {
    repo.write(m);
    repo.commit(`Change ${i + 2} (#${i + 2})`, { date: `2025-01-0${i + 1}T10:00:00+01:00` });
  });
  return repo.dir;
}

async function syncOf(dir: string, out = tempDir('scope-model-out')) {
  return syncFromGit({ git: dir, out, repo: 'SovereignCloudStack/standards' });
}

describe('one scope model from both YAML formats and the scope documents', () => {
  const formats = {
    'scs-0003-v1 (modules, include)': HEAD + MODULES + TIMELINE + OLD_VERSIONS,
    'revamped (groups, test)': HEAD + GROUPS + TIMELINE + NEW_VERSIONS,
    'a mixture of both': HEAD + MODULES.replace('modules:\n', 'modules:\n') + GROUPS + TIMELINE + MIXED_VERSIONS,
  };
  for (const [format, yaml] of Object.entries(formats)) {
    it(`${format}: each version has its document, stabilization day and included standards`, async () => {
      const { dataset } = await syncOf(repoWith({ 'Tests/scs-compatible-iaas.yaml': yaml, ...DOCS }));
      const iaas = dataset.scopes.find((s) => s.id === 'iaas')!;
      const facts = Object.fromEntries(iaas.facts.map((f) => [f.name, f]));
      expect(facts['v5.1']).toMatchObject({
        document: 'scs-0501-v5',
        stabilizedAt: '2024-12-19',
        standards: ['scs-0100-v3', 'scs-0123-v1'],
        standardsFrom: 'scope file',
        disagreements: [],
      });
      expect(facts.v4).toMatchObject({
        document: 'scs-0501-v4',
        stabilizedAt: '2024-02-28',
        standards: ['scs-0100-v3'],
      });
      expect(facts['v5.1']!.mappedBy).toBe(format.startsWith('scs-0003') ? 'document body' : 'group url');
      // Where the revamped file no longer says when a version was stabilized, the document does.
      expect(facts['v5.1']!.stabilizedFrom).toBe(format.startsWith('scs-0003') ? 'scope file' : 'document');
      expect(validityOn(iaas.timeline, 'v5.1', '2024-12-18')).toBe('deprecated');
      expect(validityOn(iaas.timeline, 'v5.1', '2024-12-19')).toBe('effective');
      expect(dataset.meta.warnings).toEqual([]);
      // One transition, one event: v5.1 effective and scs-0501-v5 Stable on 2024-12-19.
      const onDay = deriveEvents(dataset).filter(
        (e) => e.date === '2024-12-19' && (e.kind === 'validity' || e.kind === 'document'),
      );
      expect(onDay.map((e) => [e.id, e.title])).toEqual([
        ['scope/iaas/v5.1/effective', 'IaaS v5.1 (scs-0501-v5) becomes effective on 2024-12-19'],
      ]);
    });
  }

  it('warns about a disagreement naming file, key and both values, and keeps both', async () => {
    const yaml =
      HEAD +
      MODULES +
      TIMELINE +
      OLD_VERSIONS.replace(
        '    stabilized_at: 2024-02-28\n    include: [scs-0100-v3.1]',
        '    stabilized_at: 2024-03-01\n    include: [scs-0100-v3.1]',
      );
    const { dataset } = await syncOf(repoWith({ 'Tests/scs-compatible-iaas.yaml': yaml, ...DOCS }));
    expect(dataset.meta.warnings).toEqual([
      'SCS-compatible IaaS v4: the scope file and its document disagree on stabilized_at: Tests/scs-compatible-iaas.yaml: versions[v4].stabilized_at = 2024-03-01, but Standards/scs-0501-v4-scs-compatible-iaas.md: stabilized_at = 2024-02-28; both are kept',
    ]);
    const v4 = dataset.scopes[0]!.facts.find((f) => f.name === 'v4')!;
    expect(v4.disagreements[0]).toMatchObject({
      scopeFile: { value: '2024-03-01' },
      document: { value: '2024-02-28' },
    });
  });

  it('makes a scope of documents no scope file claims, with a warning', async () => {
    const { dataset } = await syncOf(
      repoWith({ 'Tests/scs-compatible-iaas.yaml': HEAD + MODULES + TIMELINE + OLD_VERSIONS, ...DOCS, ...KAAS_DOC }),
    );
    const kaas = dataset.scopes.find((s) => s.id === 'kaas')!;
    expect(kaas).toMatchObject({ name: 'SCS-compatible KaaS', file: null, uuid: null });
    expect(kaas.facts).toMatchObject([
      {
        name: 'v1',
        document: 'scs-0502-v1',
        stabilizedAt: '2024-11-26',
        stabilizedFrom: 'document',
        standards: ['scs-0214-v2', 'scs-0219-v1'],
        periodsFrom: 'document',
      },
    ]);
    // Added to the repository after its stabilization day: never a draft here.
    expect(validityOn(kaas.timeline, 'v1', '2024-11-25')).toBe('deprecated');
    expect(validityOn(kaas.timeline, 'v1', '2024-11-26')).toBe('effective');
    expect(dataset.meta.warnings).toEqual([
      'SCS-compatible KaaS: no scope file describes it; it comes from its documents alone (scs-0502-v1)',
    ]);
  });

  it('a head without scope YAML: scopes from the documents, with a warning, and every loss named', async () => {
    const dir = repoWith({ 'Tests/scs-compatible-iaas.yaml': HEAD + MODULES + TIMELINE + OLD_VERSIONS, ...DOCS }, [
      { 'Tests/scs-compatible-iaas.yaml': null },
    ]);
    const out = tempDir('scope-model-out');
    const repo = gitRepo('scope-model-before', dir);
    repo.git('checkout', '-q', '-b', 'before', 'HEAD~1');
    await syncFromGit({ git: repo.dir, out, repo: 'SovereignCloudStack/standards', branch: 'before' });
    const result = await syncOf(dir, out);
    const iaas = result.dataset.scopes.find((s) => s.id === 'iaas')!;
    expect(iaas.file).toBeNull();
    expect(iaas.facts.map((f) => [f.name, f.document, f.stabilizedAt, f.standards])).toEqual([
      ['v4', 'scs-0501-v4', '2024-02-28', ['scs-0100-v3']],
      ['v5.1', 'scs-0501-v5', '2024-12-19', ['scs-0100-v3', 'scs-0123-v1']],
    ]);
    expect(result.dataset.meta.warnings).toEqual([
      'no scope file (Tests/scs-compatible-*.yaml) at the head: scopes come from the scope documents (track Scopes) alone: SCS-compatible IaaS (scs-0501-v4, scs-0501-v5)',
    ]);
    expect(result.losses).toEqual([]);
    // Lose a version's standard as well: each loss is said.
    const fewer = gitRepo('scope-model-fewer', dir);
    fewer.write({
      'Standards/scs-0501-v5-scs-compatible-iaas.md': DOCS['Standards/scs-0501-v5-scs-compatible-iaas.md'].replace(
        /- \[scs-0123-v1.*\n/,
        '',
      ),
      'Standards/scs-0501-v4-scs-compatible-iaas.md': null,
    });
    fewer.commit('Drop (#9)', { date: '2025-02-01T10:00:00+01:00' });
    const lossy = await syncOf(fewer.dir, out);
    expect(lossy.losses).toEqual(['IaaS v4: the version is gone', 'IaaS v5.1: no longer includes scs-0123-v1']);
    expect(summarize(lossy)).toContain(
      'warning: lost since the previous data: IaaS v5.1: no longer includes scs-0123-v1',
    );
  });

  it('a head with neither scope YAML nor scope documents fails: exit 1, data/ unchanged', async () => {
    const dir = repoWith({ 'Tests/scs-compatible-iaas.yaml': HEAD + MODULES + TIMELINE + OLD_VERSIONS, ...DOCS }, [
      {
        'Tests/scs-compatible-iaas.yaml': null,
        'Standards/scs-0501-v4-scs-compatible-iaas.md': null,
        'Standards/scs-0501-v5-scs-compatible-iaas.md': null,
      },
    ]);
    const before = gitRepo('scope-model-neither', dir);
    before.git('checkout', '-q', '-b', 'before', 'HEAD~1');
    const out = tempDir('scope-model-out');
    expect((await syncGit(before.dir, out, ['--branch', 'before'])).code).toBe(0);
    const files = dirState(out);
    const run = await syncGit(dir, out);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Tests\/scs-compatible-\*\.yaml: no scope file at the head, and no scope document/);
    expect(dirState(out)).toEqual(files);
  });
});
