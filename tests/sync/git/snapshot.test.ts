/**
 * The sync on the real upstream snapshot (../shared/fixtures/scs-standards/), checked
 * against facts known from upstream, and the committed data/ checked to be exactly the
 * sync's own output. Skipped, with a message from tests/support/snapshot.ts, when the
 * snapshot is not beside the project.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentStateOn } from '../../../src/domain/documents/document-state.ts';
import { deriveEvents } from '../../../src/domain/events/events.ts';
import { fullTimeline, revisionAsOf } from '../../../src/domain/scopes/scopes.ts';
import type { Dataset, Scope } from '../../../src/domain/schemas/data.ts';
import { periodsOf, transitionsOf, validityOn } from '../../../src/domain/scopes/validity.ts';
import { readDataset } from '../../../src/io/dataset.ts';
import { HAVE_SNAPSHOT, PULLS, snapshotClone } from '../../support/snapshot.ts';
import { ROOT, syncGit } from '../../support/upstream-repo.ts';
import { tempDir } from '../../support/files.ts';
import { validitiesOn } from '../../support/build-scope.ts';

describe.skipIf(!HAVE_SNAPSHOT)('sync of the real upstream snapshot', () => {
  let out: string;
  let stdout: string;
  let data: Dataset;
  let iaas: Scope;
  let kaas: Scope;

  beforeAll(async () => {
    out = join(tempDir('snapshot'), 'data');
    const result = await syncGit(snapshotClone(), out, ['--pulls', PULLS]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    stdout = result.stdout;
    data = await readDataset(out);
    iaas = data.scopes.find((s) => s.id === 'iaas')!;
    kaas = data.scopes.find((s) => s.id === 'kaas')!;
  });

  it('gives the committed data/ byte for byte (data/ is the sync’s own output)', () => {
    const names = readdirSync(out).sort();
    expect(names).toEqual(['documents.json', 'meta.json', 'pulls.json', 'scopes.json']);
    expect(
      readdirSync(join(ROOT, 'data'))
        .filter((n) => n.endsWith('.json'))
        .sort(),
    ).toEqual(names);
    for (const name of names) {
      const fresh = readFileSync(join(out, name));
      const committed = readFileSync(join(ROOT, 'data', name));
      expect(fresh.equals(committed), `data/${name} differs from a fresh sync: run the sync as the README says`).toBe(
        true,
      );
    }
  });

  it('records the upstream head of 2026-08-21 and the pull requests of the export', () => {
    expect(data.meta.source).toMatchObject({
      repo: 'SovereignCloudStack/standards',
      branch: 'main',
      date: '2026-08-21',
    });
    expect(data.meta.pullRequestSource).toBe('export');
    expect(stdout).toMatch(/^upstream SovereignCloudStack\/standards@[0-9a-f]{7} \(2026-08-21\)$/m);
  });

  it('has 102 documents and ignores the 2 templates', () => {
    expect(data.documents).toHaveLength(102);
    expect(stdout).toContain('ignored 2 non-document files under Standards/ (templates)');
    expect(data.meta.warnings.filter((w) => w.includes('document skipped'))).toEqual([]);
  });

  it('KaaS v1 is effective from 2024-11-26, a draft from 2024-02-28 before', () => {
    expect(periodsOf(kaas.timeline, 'v1')).toEqual([
      { validity: 'deprecated', from: null, to: '2024-02-28' },
      { validity: 'draft', from: '2024-02-28', to: '2024-11-26' },
      { validity: 'effective', from: '2024-11-26', to: null },
    ]);
    expect(validityOn(kaas.timeline, 'v1', '2024-11-25')).toBe('draft');
    expect(validityOn(kaas.timeline, 'v1', '2024-11-26')).toBe('effective');
  });

  it('KaaS #843 of 2024-11-26 did not parse and #844 the same day fixed it', () => {
    const sameDay = kaas.revisions.filter((r) => r.date === '2024-11-26');
    expect(sameDay.map((r) => [r.pr, r.format])).toEqual([
      [843, 'unparseable'],
      [844, 'timeline'],
    ]);
    expect(sameDay[0]!.error).toContain('YAML syntax error');
    expect(data.meta.warnings).toContainEqual(
      expect.stringMatching(
        /^Tests\/scs-compatible-kaas\.yaml at [0-9a-f]{7} \(2024-11-26, #843\): kept in the history as unparseable/,
      ),
    );
    // As of that day, the timeline is the one #844 wrote.
    expect(revisionAsOf(kaas, '2024-11-26')?.pr).toBe(844);
  });

  it('IaaS revisions before 2024-08 are legacy, the first from 2023-02-14 in Tests/scs-compatible.yaml', () => {
    const first = iaas.revisions[0]!;
    expect([first.date, first.pr, first.file, first.format]).toEqual([
      '2023-02-14',
      206,
      'Tests/scs-compatible.yaml',
      'legacy',
    ]);
    for (const r of iaas.revisions)
      expect(r.format, `${r.date} #${r.pr}`).toBe(r.date < '2024-08-01' ? 'legacy' : 'timeline');
    expect(iaas.revisions.find((r) => r.pr === 668)?.date).toBe('2024-08-14');
  });

  it('the revision of 2024-12-20 (#859) moved IaaS v4 warn from 2025-01-01 to 2025-02-01', () => {
    const i = iaas.revisions.findIndex((r) => r.pr === 859);
    const r859 = iaas.revisions[i]!;
    const before = iaas.revisions[i - 1]!;
    expect(r859.date).toBe('2024-12-20');
    const warnOf = (r: typeof r859) => transitionsOf(r.timeline, ['v4']).find((t) => t.validity === 'warn')?.date;
    expect(warnOf(before)).toBe('2025-01-01');
    expect(warnOf(r859)).toBe('2025-02-01');
    const moved = deriveEvents(data).find(
      (e) => e.kind === 'moved' && e.scope === 'iaas' && e.version === 'v4' && e.validity === 'warn',
    );
    expect(moved).toMatchObject({
      date: '2024-12-20',
      previous: '2025-01-01',
      target: '2025-02-01',
      source: { pr: 859 },
    });
  });

  it('knows the IaaS dates of 2024–2026, pruned entries included', () => {
    const full = fullTimeline(iaas);
    expect(validitiesOn(full, 'v5.1', ['2024-12-18', '2024-12-19'])).toEqual({
      '2024-12-18': 'deprecated',
      '2024-12-19': 'effective',
    });
    expect(validitiesOn(full, 'v4', ['2025-01-31', '2025-02-01', '2025-06-30', '2025-07-01'])).toEqual({
      '2025-01-31': 'effective',
      '2025-02-01': 'warn',
      '2025-06-30': 'warn',
      '2025-07-01': 'deprecated',
    });
    expect(validityOn(full, 'v5', '2024-11-21')).toBe('effective');
    expect(validityOn(full, 'v3', '2024-04-30')).toBe('warn');
    // The file itself was pruned in 2025 (#932): it no longer says what held in 2024.
    expect(validityOn(iaas.timeline, 'v5', '2024-11-21')).toBe('deprecated');
  });

  it('scs-0214-v2 is Stable since 2024-11-21', () => {
    const doc = data.documents.find((d) => d.id === 'scs-0214-v2')!;
    expect(doc).toMatchObject({
      status: 'Stable',
      stabilizedAt: '2024-11-21',
      track: 'KaaS',
      replaces: ['scs-0214-v1'],
    });
    expect(documentStateOn(doc, '2024-11-20').state).toBe('Draft');
    expect(documentStateOn(doc, '2024-11-21').state).toBe('Stable');
  });

  it('reads the BOM documents and the early history of documents', () => {
    expect(data.documents.find((d) => d.id === 'scs-0007-v1')).toMatchObject({
      status: 'Deprecated',
      deprecatedAt: '2026-04-07',
      replacedBy: ['scs-0007-v2'],
    });
    expect(data.documents.find((d) => d.id === 'scs-0100-v1')!.history[0]).toMatchObject({
      date: '2023-06-27',
      pr: 315,
      deprecatedAt: '2023-10-31',
    });
  });

  it('knows which pull requests touched which scope, under any of its file names', () => {
    const pr = (n: number) => data.pulls.find((p) => p.number === n)!;
    expect(pr(206).scopes).toEqual(['iaas']);
    expect(pr(859).scopes).toEqual(['iaas']);
    expect(pr(843).scopes).toEqual(['kaas']);
    expect(data.pulls.filter((p) => p.scopes.some((s) => s !== 'iaas' && s !== 'kaas'))).toEqual([]);
  });
});
