/**
 * Upstream as a hostile contributor would write it: each case is the valid history of
 * tests/support/upstream-repo.ts with the contributor's commit on top, synced with the real
 * pipeline. Every input is either refused cleanly (exit 1, `data/` byte-identical, a message
 * naming file, key and value) or accepted in a form the site builds from.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syncFromGit } from '../../scripts/lib/sync.ts';
import { deriveEvents } from '../../src/domain/events.ts';
import { ageFiles, baseCommits, documentMd, fingerprintDir, runSync, SCOPE_PATH, scopeYaml, tempDir, upstreamRepo } from '../support/upstream-repo.ts';

const out = () => join(tempDir('hostile-data'), 'data');

describe('script URLs upstream: kept as text, with a warning naming file, key and value', () => {
  it('a scope url and module url that are not http(s)', async () => {
    const yaml = scopeYaml()
      .replace('url: https://example.invalid/Tests/scs-compatible-iaas.yaml', 'url: " JaVaScRiPt:alert(1)"')
      .replace('url: https://docs.scs.community/standards/scs-0100-v3-flavor-naming', 'url: "data:text/html,<script>alert(2)</script>"');
    const repo = await upstreamRepo([...baseCommits(), { message: 'Links (#40)', date: '2025-01-20T10:00:00Z', files: { [SCOPE_PATH]: yaml } }]);
    const { dataset } = await syncFromGit({ git: repo, out: out() });
    expect(dataset.meta.warnings).toEqual(expect.arrayContaining([
      `${SCOPE_PATH}: url = " JaVaScRiPt:alert(1)": expected an http: or https: URL; kept as text, not linked`,
      `${SCOPE_PATH}: modules[0].url = "data:text/html,<script>alert(2)</script>": expected an http: or https: URL; kept as text, not linked`,
    ]));
    const scope = dataset.scopes[0]!;
    expect(scope.url).toBe(' JaVaScRiPt:alert(1)');
    expect(scope.modules[0]!.url).toBe('data:text/html,<script>alert(2)</script>');
  });

  it('a pull-request export whose html_url is a script URL', async () => {
    const repo = await upstreamRepo(baseCommits());
    const pulls = join(tempDir('hostile-pulls'), 'pulls.json');
    const pull = (number: number, html_url: string) => ({ number, title: `Stabilize scs-0100-v3 (${number})`, state: 'open', html_url, files: ['Standards/scs-0100-v3-flavor-naming.md'] });
    writeFileSync(pulls, JSON.stringify([pull(41, 'javascript:alert(document.domain)'), pull(42, 'https://github.com/SovereignCloudStack/standards/pull/42')]));
    const { dataset } = await syncFromGit({ git: repo, out: out(), pulls });
    expect(dataset.meta.warnings).toContain(`${pulls}: pull request #41 html_url = "javascript:alert(document.domain)": expected an http: or https: URL; kept as text, not linked`);
    expect(dataset.meta.warnings.filter((w) => w.includes('#42'))).toEqual([]);
    expect(dataset.pulls.find((p) => p.number === 41)?.url).toBe('javascript:alert(document.domain)');
  });
});

describe('equal lifecycle dates', () => {
  it('stabilized_at = deprecated_at gives one event, with one id', async () => {
    const md = documentMd({ title: 'Stable for no day', status: 'Deprecated', stabilized_at: '2025-03-01' }).replace('stabilized_at: 2025-03-01', 'stabilized_at: 2025-03-01\ndeprecated_at: 2025-03-01');
    const repo = await upstreamRepo([...baseCommits(), { message: 'Deprecate at once (#43)', date: '2025-01-20T10:00:00Z', files: { 'Standards/scs-0103-v1-brief.md': md } }]);
    const { dataset } = await syncFromGit({ git: repo, out: out() });
    expect(dataset.documents.find((d) => d.id === 'scs-0103-v1')).toMatchObject({ stabilizedAt: '2025-03-01', deprecatedAt: '2025-03-01' });
    const events = deriveEvents(dataset);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(events.filter((e) => e.document === 'scs-0103-v1' && e.kind === 'document').map((e) => `${e.date} ${e.state}`)).toEqual(['2025-03-01 Deprecated']);
  });
});

describe('twin scope files', () => {
  it('…-iaas.yml beside …-iaas.yaml fails the sync naming both, and leaves data/ byte-identical', async () => {
    const twin = 'Tests/scs-compatible-iaas.yml';
    const repo = await upstreamRepo([...baseCommits(), { message: 'Take over the scope (#44)', date: '2025-01-20T10:00:00Z', files: { [twin]: scopeYaml().replace('name: SCS-compatible IaaS', 'name: Evil IaaS') } }]);
    const dir = join(tempDir('twin'), 'data');
    expect((await runSync(await upstreamRepo(baseCommits()), dir)).code).toBe(0);
    ageFiles(dir);
    const before = fingerprintDir(dir);
    const run = await runSync(repo, dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`sync failed; ${dir}/ is unchanged:\n${SCOPE_PATH} and ${twin}: both are the certificate scope "iaas"; expected one file per scope (remove or rename one of them)\n`);
    expect(fingerprintDir(dir)).toEqual(before);
  });
});
