/**
 * The three inputs of "Done means" for the scope model, each rebuilt here from the snapshot:
 * 1. the snapshot as it is;
 * 2. a copy whose scope files are rewritten to the revamped format (groups, test);
 * 3. a copy without the scope YAML files.
 * On each: every version that was ever effective has a stabilization day, every version with
 * a document names its included standards, no transition is listed twice, and every loss
 * against the data of input 1 is a warning. The site is built from input 3.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarize, syncFromGit, type SyncResult } from '../../scripts/lib/sync.ts';
import { deriveEvents } from '../../src/domain/events/events.ts';
import { fullTimeline } from '../../src/domain/scopes/scopes.ts';
import { periodsOf } from '../../src/domain/scopes/validity.ts';
import { buildSite } from '../support/astro-build.ts';
import { gitRepo } from '../support/git-repo.ts';
import { revampScopeFile } from '../support/revamp-scope.ts';
import { HAVE_SNAPSHOT, PULLS, snapshotClone } from '../support/snapshot.ts';
import { tempDir } from '../support/files.ts';

const SCOPE_FILES = { iaas: 'Tests/scs-compatible-iaas.yaml', kaas: 'Tests/scs-compatible-kaas.yaml' } as const;

function checkModel(result: SyncResult) {
  const { dataset } = result;
  expect(dataset.scopes.map((s) => s.id).sort()).toEqual(['iaas', 'kaas']);
  const events = deriveEvents(dataset);
  for (const s of dataset.scopes) {
    const timeline = fullTimeline(s);
    for (const f of s.facts) {
      const everEffective = [...periodsOf(timeline, f.name), ...f.periods].some((p) => p.validity === 'effective');
      if (everEffective) expect(f.stabilizedAt, `${s.id} ${f.name} stabilization day`).not.toBeNull();
      if (f.document) expect(f.standards.length, `${s.id} ${f.name} included standards`).toBeGreaterThan(0);
      if (!f.document) continue;
      // One transition, one event: never the version's and its document's on the same day.
      const versionDays = new Set(events.filter((e) => e.kind === 'validity' && e.scope === s.id && e.version === f.name).map((e) => `${e.date}/${e.validity}`));
      for (const e of events.filter((x) => x.kind === 'document' && x.document === f.document)) {
        const twin = e.state === 'Stable' ? 'effective' : e.state === 'Deprecated' ? 'deprecated' : null;
        expect(twin !== null && versionDays.has(`${e.date}/${twin}`), `${e.id} listed twice`).toBe(false);
      }
    }
  }
  const iaas = dataset.scopes.find((s) => s.id === 'iaas')!;
  const v51 = iaas.facts.find((f) => f.document === 'scs-0501-v5')!;
  expect(v51).toMatchObject({ name: 'v5.1', stabilizedAt: '2024-12-19' });
  expect(v51.standards).toContain('scs-0123-v1');
  const kaas = dataset.scopes.find((s) => s.id === 'kaas')!.facts.find((f) => f.document === 'scs-0502-v1')!;
  expect(kaas.standards).toEqual(expect.arrayContaining(['scs-0214-v2', 'scs-0219-v1']));
  // Nothing lost without a warning.
  const printed = summarize(result);
  for (const loss of result.losses) expect(printed).toContain(`warning: lost since the previous data: ${loss}`);
}

describe.skipIf(!HAVE_SNAPSHOT)('the scope model on the three inputs', () => {
  const out = tempDir('three-inputs');
  let first: SyncResult;
  let noYaml: SyncResult;

  it('1. the snapshot', async () => {
    first = await syncFromGit({ git: snapshotClone(), out, pulls: PULLS });
    checkModel(first);
  });

  it('2. a copy rewritten to the revamped YAML format', async () => {
    const copy = gitRepo('revamped', snapshotClone());
    const documents = Object.fromEntries(Object.keys(SCOPE_FILES).map((id) => [id, Object.fromEntries(first.dataset.scopes.find((s) => s.id === id)!.facts.filter((f) => f.document).map((f) => [f.name, f.document!]))]));
    for (const [id, file] of Object.entries(SCOPE_FILES)) {
      copy.write({ [file]: revampScopeFile(readFileSync(join(copy.dir, file), 'utf8'), documents[id]!, `scs-compatible-${id}`) });
    }
    copy.commit('Revamp the scope files (groups, test)', { date: '2026-08-22T10:00:00+02:00' });
    const result = await syncFromGit({ git: copy.dir, out, pulls: PULLS });
    checkModel(result);
    const v51 = result.dataset.scopes.find((s) => s.id === 'iaas')!.facts.find((f) => f.name === 'v5.1')!;
    expect(v51.mappedBy).toBe('group url');
    expect(result.dataset.meta.warnings.filter((w) => /unknown/.test(w))).toEqual([]);
  });

  it('3. a copy without the scope YAML files', async () => {
    const copy = gitRepo('no-yaml', snapshotClone());
    copy.write(Object.fromEntries(Object.values(SCOPE_FILES).map((f) => [f, null])));
    copy.commit('Remove the scope files', { date: '2026-08-22T10:00:00+02:00' });
    const result = await syncFromGit({ git: copy.dir, out, pulls: PULLS });
    checkModel(result);
    expect(result.dataset.meta.warnings.some((w) => w.startsWith('no scope file (Tests/scs-compatible-*.yaml) at the head'))).toBe(true);
    // The versions only the YAML knew are gone, and said so.
    expect(result.losses).toEqual(expect.arrayContaining(['IaaS v3-orig: the version is gone', 'IaaS next: the version is gone']));
    noYaml = result;
  });

  // One real build (they are slow): of the input whose scopes come from documents alone.
  it('3. the site builds from it: scope pages and scs-0501/scs-0502 point at each other, one calendar event per transition', { timeout: 300_000 }, async () => {
    const dist = await buildSite({ dataDir: out, today: '2026-09-01', label: 'no-yaml' });
    const page = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
    for (const [scope, series, name] of [['iaas', 'scs-0501', 'IaaS'], ['kaas', 'scs-0502', 'KaaS']] as const) {
      const facts = noYaml.dataset.scopes.find((s) => s.id === scope)!.facts;
      const scopePage = page(`scopes/${scope}`);
      expect(scopePage).toContain('No scope file describes this scope');
      expect(scopePage).not.toContain('not stabilized');
      const seriesPage = page(`standards/${series}`);
      for (const f of facts) {
        expect(scopePage, `${scope} ${f.name}`).toContain(`href="/standards/${series}/#${f.document}"`);
        expect(seriesPage, `${series} ${f.name}`).toContain(`<a href="/scopes/${scope}/#versions">${name} ${f.name}`);
      }
    }
    const uids = [...readFileSync(join(dist, 'calendar.ics'), 'utf8').matchAll(/^UID:([^@\r]*)@/gm)].map((m) => m[1] ?? '');
    expect(uids).toContain('scope/iaas/v5.1/effective');
    expect(uids.filter((u) => u.startsWith('document/scs-0501-') || u.startsWith('document/scs-0502-'))).toEqual([]);
    expect(new Set(uids).size).toBe(uids.length);
  });
});
