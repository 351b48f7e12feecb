/**
 * The three inputs of "Done means" for the scope model, each rebuilt here from the snapshot:
 * 1. the snapshot as it is;
 * 2. a copy whose scope files are rewritten to the revamped format (groups, test);
 * 3. a copy without the scope YAML files.
 * On each: every version that was ever effective has a stabilization day, every version with
 * a document names its included standards, no transition is listed twice, and every loss
 * against the data of input 1 is a warning. The CLI (`versions`) answers on each; the site is
 * built from inputs 2 and 3 (input 1 is the committed data, built by tests/site/).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarize, syncFromGit, type SyncResult } from '../../scripts/lib/sync.ts';
import { deriveEvents } from '../../src/domain/events/events.ts';
import { fullTimeline } from '../../src/domain/scopes/scopes.ts';
import { periodsOf } from '../../src/domain/scopes/validity.ts';
import { buildSite, removeBuild } from '../support/astro-build.ts';
import { gitRepo } from '../support/git-repo.ts';
import { revampScopeFile } from '../support/revamp-scope.ts';
import { HAVE_SNAPSHOT, PULLS, snapshotClone } from '../support/snapshot.ts';
import { copyDir, tempDir } from '../support/files.ts';
import { cli } from '../support/cli.ts';

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
      const versionDays = new Set(
        events
          .filter((e) => e.kind === 'validity' && e.scope === s.id && e.version === f.name)
          .map((e) => `${e.date}/${e.validity}`),
      );
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

interface CliVersion {
  version: string;
  document: string | null;
  stabilizedAt: string | null;
  standards: string[];
}

/** `scs-timeline versions` on the data in `dir` (the command line in this process). */
async function checkCli(result: SyncResult, dir: string) {
  for (const s of result.dataset.scopes) {
    const run = await cli(['versions', '--scope', s.id, '--on', '2026-09-01', '--json', '--data', dir]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const rows = (JSON.parse(run.stdout) as { versions: CliVersion[] }).versions;
    for (const f of s.facts) {
      const row = rows.find((r) => r.version === f.name);
      expect(row, `${s.id} ${f.name} in the CLI`).toMatchObject({
        document: f.document,
        stabilizedAt: f.stabilizedAt,
        standards: f.standards,
      });
    }
    const text = await cli(['versions', '--scope', s.id, '--on', '2026-09-01', '--data', dir]);
    for (const f of s.facts.filter((x) => x.stabilizedAt))
      expect(text.stdout).toMatch(new RegExp(`^  ${f.name.replace('.', '\\.')} .*stabilized ${f.stabilizedAt}`, 'm'));
  }
  const v51 = (
    JSON.parse((await cli(['versions', '--scope', 'iaas', '--json', '--data', dir])).stdout) as {
      versions: CliVersion[];
    }
  ).versions.find((r) => r.version === 'v5.1');
  expect(v51).toMatchObject({
    document: 'scs-0501-v5',
    stabilizedAt: '2024-12-19',
    standards: expect.arrayContaining(['scs-0123-v1']),
  });
}

/** A site built from `dir`: each version's stabilization day and included standards, scope pages and scs-0501/scs-0502 linking each other, one calendar event per transition. */
async function checkSite(result: SyncResult, dir: string, label: string, fromDocuments: boolean) {
  const dist = await buildSite({ dataDir: dir, today: '2026-09-01', label });
  try {
    checkPages(result, dist, fromDocuments);
  } finally {
    removeBuild(dist);
  }
}

function checkPages(result: SyncResult, dist: string, fromDocuments: boolean) {
  const page = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
  for (const [scope, series, name] of [
    ['iaas', 'scs-0501', 'IaaS'],
    ['kaas', 'scs-0502', 'KaaS'],
  ] as const) {
    const facts = result.dataset.scopes.find((s) => s.id === scope)!.facts;
    const scopePage = page(`scopes/${scope}`);
    expect(scopePage.includes('No scope file describes this scope'), `${scope}: from documents alone`).toBe(
      fromDocuments,
    );
    const seriesPage = page(`standards/${series}`);
    const versionsTable = /<table class="versions[^"]*">([\s\S]*?)<\/table>/.exec(scopePage)?.[1] ?? '';
    let listed = 0;
    for (const f of facts) {
      if (f.document) {
        expect(scopePage, `${scope} ${f.name}`).toContain(`href="/standards/${series}/#${f.document}"`);
        expect(seriesPage, `${series} ${f.name}`).toContain(`<a href="/scopes/${scope}/#versions">${name} ${f.name}`);
      }
      const row = new RegExp(`<tr data-version="${f.name.replace('.', '\\.')}">([\\s\\S]*?)</tr>`).exec(
        versionsTable,
      )?.[1];
      expect(row, `${scope} ${f.name}: a row of the versions table`).toBeDefined();
      if (f.stabilizedAt)
        expect(row, `${scope} ${f.name} stabilized`).toContain(
          `<time datetime="${f.stabilizedAt}">${f.stabilizedAt}</time>`,
        );
      expect(row!.includes('not stabilized'), `${scope} ${f.name}: "not stabilized" only without a day`).toBe(
        f.stabilizedAt === null,
      );
      const includes = new RegExp(
        `<details[^>]*class="includes"[^>]*data-version="${f.name.replace('.', '\\.')}"[^>]*>([\\s\\S]*?)</details>`,
      ).exec(scopePage)?.[1];
      if (includes === undefined) continue; // a version only the history lists: not in the current file
      listed += 1;
      if (f.stabilizedAt)
        expect(includes, `${scope} ${f.name} stabilization day`).toContain(`stabilized ${f.stabilizedAt}`);
      for (const std of f.standards)
        expect(includes, `${scope} ${f.name} includes ${std}`).toContain(
          `href="/standards/${std.replace(/-v\d+$/, '')}/#${std}"`,
        );
    }
    expect(listed, `${scope}: versions under "What each version includes"`).toBeGreaterThan(0);
  }
  // Built for 2026-09-01: the revamped copy still has IaaS next in draft, and its scope page says how close it is.
  const readiness = /<li data-scope="iaas" data-version="next"[^>]*>\s*<p class="readiness-words">([^<]*)<\/p>/.exec(
    page('scopes/iaas'),
  )?.[1];
  if (fromDocuments) expect(readiness).toBeUndefined();
  else expect(readiness).toMatch(/^IaaS next: .* Stable; scs-0102-v2 Draft/);
  const uids = [...readFileSync(join(dist, 'calendar.ics'), 'utf8').matchAll(/^UID:([^@\r]*)@/gm)].map(
    (m) => m[1] ?? '',
  );
  expect(uids).toContain('scope/iaas/v5.1/effective');
  expect(uids.filter((u) => u.startsWith('document/scs-0501-') || u.startsWith('document/scs-0502-'))).toEqual([]);
  expect(new Set(uids).size).toBe(uids.length);
}

describe.skipIf(!HAVE_SNAPSHOT)('the scope model on the three inputs', () => {
  const out = tempDir('three-inputs');
  const kept = { revamped: tempDir('three-inputs-revamped'), noYaml: tempDir('three-inputs-no-yaml') };
  let first: SyncResult;
  let revamped: SyncResult;
  let noYaml: SyncResult;

  it('1. the snapshot', async () => {
    first = await syncFromGit({ git: snapshotClone(), out, pulls: PULLS });
    checkModel(first);
    await checkCli(first, out);
  });

  it('2. a copy rewritten to the revamped YAML format', async () => {
    const copy = gitRepo('revamped', snapshotClone());
    const documents = Object.fromEntries(
      Object.keys(SCOPE_FILES).map((id) => [
        id,
        Object.fromEntries(
          first.dataset.scopes
            .find((s) => s.id === id)!
            .facts.filter((f) => f.document)
            .map((f) => [f.name, f.document!]),
        ),
      ]),
    );
    for (const [id, file] of Object.entries(SCOPE_FILES)) {
      copy.write({
        [file]: revampScopeFile(readFileSync(join(copy.dir, file), 'utf8'), documents[id]!, `scs-compatible-${id}`),
      });
    }
    copy.commit('Revamp the scope files (groups, test)', { date: '2026-08-22T10:00:00+02:00' });
    const result = await syncFromGit({ git: copy.dir, out, pulls: PULLS });
    checkModel(result);
    const v51 = result.dataset.scopes.find((s) => s.id === 'iaas')!.facts.find((f) => f.name === 'v5.1')!;
    expect(v51.mappedBy).toBe('group url');
    expect(result.dataset.meta.warnings.filter((w) => /unknown/.test(w))).toEqual([]);
    await checkCli(result, out);
    copyDir(out, kept.revamped);
    revamped = result;
  });

  it('3. a copy without the scope YAML files', async () => {
    const copy = gitRepo('no-yaml', snapshotClone());
    copy.write(Object.fromEntries(Object.values(SCOPE_FILES).map((f) => [f, null])));
    copy.commit('Remove the scope files', { date: '2026-08-22T10:00:00+02:00' });
    const result = await syncFromGit({ git: copy.dir, out, pulls: PULLS });
    checkModel(result);
    expect(
      result.dataset.meta.warnings.some((w) => w.startsWith('no scope file (Tests/scs-compatible-*.yaml) at the head')),
    ).toBe(true);
    // The versions only the YAML knew are gone, and said so.
    expect(result.losses).toEqual(
      expect.arrayContaining(['IaaS v3-orig: the version is gone', 'IaaS next: the version is gone']),
    );
    await checkCli(result, out);
    copyDir(out, kept.noYaml);
    noYaml = result;
  });

  // Real builds (they are slow), both at once: input 1 is the committed data, which tests/site/ builds.
  it.concurrent('2. the site builds from the revamped copy', { timeout: 300_000 }, async () => {
    await checkSite(revamped, kept.revamped, 'revamped', false);
  });

  it.concurrent('3. the site builds from the copy without scope YAML', { timeout: 300_000 }, async () => {
    await checkSite(noYaml, kept.noYaml, 'no-yaml', true);
  });
});
