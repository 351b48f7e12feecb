/**
 * Upstream as a hostile contributor would write it: each case is the valid history of
 * tests/support/upstream-repo.ts with the contributor's commit on top, synced with the real
 * pipeline. Every input is either refused cleanly (exit 1, `data/` byte-identical, a message
 * naming file, key and value) or accepted in a form the site builds from.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syncFromGit } from '../../../scripts/lib/sync.ts';
import { MAX_LIST_ENTRIES } from '../../../src/domain/parse/errors.ts';
import { deriveEvents } from '../../../src/domain/events/events.ts';
import { writeDataset } from '../../../src/io/dataset.ts';
import { gitRepo } from '../../support/git-repo.ts';
import { baseCommits, runScript, syncGit, SCOPE_PATH, upstreamRepo } from '../../support/upstream-repo.ts';
import { documentMd, scopeYaml } from '../../support/upstream-files.ts';
import { ageFiles, dirState, tempDir } from '../../support/files.ts';

const out = () => join(tempDir('hostile-data'), 'data');

describe('script URLs upstream: kept as text, with a warning naming file, key and value', () => {
  it('a scope url and module url that are not http(s)', async () => {
    const yaml = scopeYaml()
      .replace('url: https://example.invalid/Tests/scs-compatible-iaas.yaml', 'url: " JaVaScRiPt:alert(1)"')
      .replace(
        'url: https://docs.scs.community/standards/scs-0100-v3-flavor-naming',
        'url: "data:text/html,<script>alert(2)</script>"',
      );
    const repo = await upstreamRepo([
      ...baseCommits(),
      { message: 'Links (#40)', date: '2025-01-20T10:00:00Z', files: { [SCOPE_PATH]: yaml } },
    ]);
    const { dataset } = await syncFromGit({ git: repo, out: out() });
    expect(dataset.meta.warnings).toEqual(
      expect.arrayContaining([
        `${SCOPE_PATH}: url = " JaVaScRiPt:alert(1)": expected an http: or https: URL; kept as text, not linked`,
        `${SCOPE_PATH}: modules[0].url = "data:text/html,<script>alert(2)</script>": expected an http: or https: URL; kept as text, not linked`,
      ]),
    );
    const scope = dataset.scopes[0]!;
    expect(scope.url).toBe(' JaVaScRiPt:alert(1)');
    expect(scope.modules[0]!.url).toBe('data:text/html,<script>alert(2)</script>');
  });

  it('a pull-request export whose html_url is a script URL', async () => {
    const repo = await upstreamRepo(baseCommits());
    const pulls = join(tempDir('hostile-pulls'), 'pulls.json');
    const pull = (number: number, html_url: string) => ({
      number,
      title: `Stabilize scs-0100-v3 (${number})`,
      state: 'open',
      html_url,
      files: ['Standards/scs-0100-v3-flavor-naming.md'],
    });
    writeFileSync(
      pulls,
      JSON.stringify([
        pull(41, 'javascript:alert(document.domain)'),
        pull(42, 'https://github.com/SovereignCloudStack/standards/pull/42'),
      ]),
    );
    const { dataset } = await syncFromGit({ git: repo, out: out(), pulls });
    expect(dataset.meta.warnings).toContain(
      `${pulls}: pull request #41 html_url = "javascript:alert(document.domain)": expected an http: or https: URL; kept as text, not linked`,
    );
    expect(dataset.meta.warnings.filter((w) => w.includes('#42 html_url'))).toEqual([]);
    expect(dataset.pulls.find((p) => p.number === 41)?.url).toBe('javascript:alert(document.domain)');
  });
});

describe('equal lifecycle dates', () => {
  it('stabilized_at = deprecated_at gives one event, with one id', async () => {
    const md = documentMd({ title: 'Stable for no day', status: 'Deprecated', stabilized_at: '2025-03-01' }).replace(
      'stabilized_at: 2025-03-01',
      'stabilized_at: 2025-03-01\ndeprecated_at: 2025-03-01',
    );
    const repo = await upstreamRepo([
      ...baseCommits(),
      {
        message: 'Deprecate at once (#43)',
        date: '2025-01-20T10:00:00Z',
        files: { 'Standards/scs-0103-v1-brief.md': md },
      },
    ]);
    const { dataset } = await syncFromGit({ git: repo, out: out() });
    expect(dataset.documents.find((d) => d.id === 'scs-0103-v1')).toMatchObject({
      stabilizedAt: '2025-03-01',
      deprecatedAt: '2025-03-01',
    });
    const events = deriveEvents(dataset);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(
      events.filter((e) => e.document === 'scs-0103-v1' && e.kind === 'document').map((e) => `${e.date} ${e.state}`),
    ).toEqual(['2025-03-01 Deprecated']);
  });
});

describe('twin scope files', () => {
  it('…-iaas.yml beside …-iaas.yaml fails the sync naming both, and leaves data/ byte-identical', async () => {
    const twin = 'Tests/scs-compatible-iaas.yml';
    const repo = await upstreamRepo([
      ...baseCommits(),
      {
        message: 'Take over the scope (#44)',
        date: '2025-01-20T10:00:00Z',
        files: { [twin]: scopeYaml().replace('name: SCS-compatible IaaS', 'name: Evil IaaS') },
      },
    ]);
    const dir = join(tempDir('twin'), 'data');
    expect((await syncGit(await upstreamRepo(baseCommits()), dir)).code).toBe(0);
    ageFiles(dir);
    const before = dirState(dir);
    const run = await syncGit(repo, dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `sync failed; ${dir}/ is unchanged:\n${SCOPE_PATH} and ${twin}: both are the certificate scope "iaas"; expected one file per scope (remove or rename one of them)\n`,
    );
    expect(dirState(dir)).toEqual(before);
  });
});

/** The base history in a clone the test adds commits to with git itself. */
async function cloneOfBase(prefix: string) {
  return gitRepo(prefix, await upstreamRepo(baseCommits()));
}

describe('git oddities are never fatal for good', () => {
  it('a submodule (gitlink) at a tracked path, once and then removed: skipped with a warning naming path and commit', async () => {
    const repo = await cloneOfBase('gitlink');
    const path = 'Standards/scs-0999-v1-submodule.md';
    repo.git('update-index', '--add', '--cacheinfo', `160000,${'1234567890'.repeat(4)},${path}`);
    repo.git('commit', '-q', '-m', 'Add a submodule (#45)');
    const added = repo.git('rev-parse', 'HEAD').trim();
    repo.git('rm', '-q', '--cached', path);
    repo.commit('Remove it again (#46)', { date: '2025-01-22T10:00:00Z' });
    const { dataset } = await syncFromGit({ git: repo.dir, out: out() });
    expect(dataset.meta.warnings).toContain(
      `${path} at ${added.slice(0, 7)}: this change is skipped: a submodule (gitlink), not a file`,
    );
    expect(dataset.documents.map((d) => d.id)).toEqual(['scs-0001-v1', 'scs-0100-v3', 'scs-0102-v1']);
  });

  it('a gitlink at the head is skipped, naming path and head commit', async () => {
    const repo = await cloneOfBase('gitlink-head');
    const path = 'Standards/scs-0998-v1-submodule.md';
    repo.git('update-index', '--add', '--cacheinfo', `160000,${'abcdef1234'.repeat(4)},${path}`);
    repo.git('commit', '-q', '-m', 'Add a submodule (#47)');
    const head = repo.git('rev-parse', 'HEAD').trim();
    const { dataset } = await syncFromGit({ git: repo.dir, out: out() });
    expect(dataset.meta.warnings).toContain(
      `${path} at ${head.slice(0, 7)} (head): skipped: a submodule (gitlink), not a file`,
    );
  });

  it('a blob missing from the clone is skipped with a warning naming path and commit', async () => {
    const repo = await cloneOfBase('missing');
    const path = 'Standards/scs-0997-v1-gone.md';
    repo.write({ [path]: documentMd({ title: 'Soon gone', status: 'Draft' }) });
    const added = repo.commit('Add a document (#48)', { date: '2025-01-21T10:00:00Z' });
    const blob = repo.git('rev-parse', `${added}:${path}`).trim();
    repo.write({ [path]: null });
    repo.commit('Remove it (#49)', { date: '2025-01-22T10:00:00Z' });
    rmSync(join(repo.dir, '.git/objects', blob.slice(0, 2), blob.slice(2)));
    const { dataset } = await syncFromGit({ git: repo.dir, out: out() });
    expect(dataset.meta.warnings).toContain(
      `${path} at ${added.slice(0, 7)}: this change is skipped: the object is missing from the clone`,
    );
  });

  it('a committer date in year 10000: that commit is left out, named in a warning; a later sync is not blocked', async () => {
    const repo = await upstreamRepo([
      ...baseCommits(),
      {
        message: 'From the future (#50)',
        date: '+010000-01-01T00:00:00Z',
        files: {
          'Standards/scs-0102-v1-image-metadata.md': documentMd({
            title: 'Image Metadata',
            status: 'Stable',
            stabilized_at: '2025-02-01',
          }),
        },
      },
      {
        message: 'Back to now (#51)',
        date: '2025-01-25T10:00:00Z',
        files: { [SCOPE_PATH]: scopeYaml().replace('v4: warn', 'v4: effective') },
      },
    ]);
    const far = execFileSync('git', ['-C', repo, 'rev-parse', 'HEAD~1'], { encoding: 'utf8' }).trim();
    const { dataset } = await syncFromGit({ git: repo, out: out() });
    expect(dataset.meta.warnings).toContain(
      `commit ${far} has the committer date "10000-01-01T00:00:00+00:00"; expected a day from 1970-01-01 to 9000-12-31: its changes to Standards/scs-0102-v1-image-metadata.md are left out of the history`,
    );
    // The document is still read at the head, as it is there.
    expect(dataset.documents.find((d) => d.id === 'scs-0102-v1')).toMatchObject({
      status: 'Stable',
      stabilizedAt: '2025-02-01',
    });
    expect(dataset.scopes[0]!.revisions.map((r) => r.pr)).toEqual([10, 20, 51]);
  });

  it('a head commit dated year 10000 fails once, naming the commit, and leaves data/ byte-identical', async () => {
    const repo = await upstreamRepo([
      ...baseCommits(),
      {
        message: 'From the future (#52)',
        date: '+010000-01-01T00:00:00Z',
        files: { [SCOPE_PATH]: scopeYaml().replace('v4: warn', 'v4: effective') },
      },
    ]);
    const head = execFileSync('git', ['-C', repo, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
    const dir = join(tempDir('far-head'), 'data');
    expect((await syncGit(await upstreamRepo(baseCommits()), dir)).code).toBe(0);
    ageFiles(dir);
    const before = dirState(dir);
    const run = await syncGit(repo, dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `the head commit ${head} of main has the committer date "10000-01-01T00:00:00+00:00"; expected a day from 1970-01-01 to 9000-12-31`,
    );
    expect(dirState(dir)).toEqual(before);
  });

  it('a shallow clone is refused, saying how to fetch the history', async () => {
    const full = await upstreamRepo(baseCommits());
    const shallow = join(tempDir('shallow'), 'standards');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${full}`, shallow]);
    const dir = join(tempDir('shallow-data'), 'data');
    const run = await syncGit(shallow, dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${shallow} is a shallow clone: its history is cut off`);
    expect(run.stderr).toContain(`git -C ${shallow} fetch --unshallow`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(dir)).toBe(false);
  });
});

describe('what the site needs, written into the schemas', () => {
  const headCase = async (name: string, yaml: string) => {
    const repo = await upstreamRepo([
      ...baseCommits(),
      { message: `${name} (#53)`, date: '2025-01-20T10:00:00Z', files: { [SCOPE_PATH]: yaml } },
    ]);
    const dir = join(tempDir('schema'), 'data');
    expect((await syncGit(await upstreamRepo(baseCommits()), dir)).code).toBe(0);
    ageFiles(dir);
    const before = dirState(dir);
    const run = await syncGit(repo, dir);
    expect(dirState(dir)).toEqual(before);
    return run;
  };

  it('a version name with "/" is refused at the head, naming file, key and value', async () => {
    const run = await headCase(
      'Slash',
      scopeYaml({
        timeline: '  - date: 2024-11-08\n    versions:\n      v6/rc: effective\n',
        versions: '  - version: v6/rc\n    include: [scs-0100-v3.1]\n',
      }),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `${SCOPE_PATH}: versions[0].version = "v6/rc": expected a version name without "/", spaces or control characters`,
    );
  });

  it('a timeline date past the days the charts draw is refused, naming the range', async () => {
    const run = await headCase('Far', scopeYaml().replace('date: 2025-02-01', 'date: 9999-07-01'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `${SCOPE_PATH}: timeline[0].date = "9999-07-01": expected a day from 1970-01-01 to 9000-12-31`,
    );
  });

  it('the last day of the range is accepted', async () => {
    const repo = await upstreamRepo([
      ...baseCommits(),
      {
        message: 'Last day (#54)',
        date: '2025-01-20T10:00:00Z',
        files: { [SCOPE_PATH]: scopeYaml().replace('date: 2025-02-01', 'date: 9000-12-31') },
      },
    ]);
    const { dataset } = await syncFromGit({ git: repo, out: out() });
    expect(dataset.scopes[0]!.timeline[0]!.date).toBe('9000-12-31');
  });
});

describe('clean output: upstream text never starts a line, drives a terminal or a CI log', () => {
  const INJECT = 'x\n::error::pwned\r\n::add-mask::secret\u001b[31m\u202e';

  it('a sync failure with control characters in a key escapes them, one problem a line', async () => {
    const yaml = scopeYaml({
      timeline: `  - date: 2024-11-08\n    versions:\n      ${JSON.stringify(INJECT)}: effective\n`,
    });
    const repo = await upstreamRepo([
      ...baseCommits(),
      { message: 'Inject (#55)', date: '2025-01-20T10:00:00Z', files: { [SCOPE_PATH]: yaml } },
    ]);
    const run = await syncGit(repo, join(tempDir('inject'), 'data'));
    expect(run.code).toBe(1);
    const lines = run.stderr.split('\n');
    expect(lines.filter((l) => /^\s*::/.test(l))).toEqual([]);
    expect(run.stderr).not.toMatch(/[\u001b\r\u202e]/);
    expect(run.stderr).toContain('x\\n::error::pwned\\r\\n::add-mask::secret\\u001b[31m\\u202e');
  });

  it('the CLI escapes CR, LF and ESC in titles', async () => {
    const repo = await upstreamRepo(baseCommits());
    const dir = join(tempDir('cli-inject'), 'data');
    const { dataset } = await syncFromGit({ git: repo, out: dir });
    const doc = dataset.documents.find((d) => d.id === 'scs-0100-v3')!;
    doc.title = INJECT;
    await writeDataset(dir, dataset);
    const run = await runScript('src/cli/main.ts', ['standards', '--data', dir], {
      ...process.env,
      SCS_TODAY: '2025-02-01',
    });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').filter((l) => /^\s*::/.test(l))).toEqual([]);
    expect(run.stdout).not.toMatch(/[\u001b\r\u202e]/);
    expect(run.stdout).toContain('x\\n::error::pwned\\r\\n::add-mask::secret\\u001b[31m\\u202e');
  });
});

describe('bounded work', () => {
  it('an export of more entries than any list may hold is refused before it is checked, naming the file', async () => {
    const repo = await upstreamRepo(baseCommits());
    const pulls = join(tempDir('many-pulls'), 'pulls.json');
    writeFileSync(
      pulls,
      `[${Array(MAX_LIST_ENTRIES + 1)
        .fill('{"number":"x"}')
        .join(',')}]`,
    );
    await expect(syncFromGit({ git: repo, out: out(), pulls })).rejects.toThrow(
      `${pulls} = ${MAX_LIST_ENTRIES + 1} entries: expected at most ${MAX_LIST_ENTRIES} entries`,
    );
  });

  it('nesting 200 000 levels deep in an export names the file, no stack overflow', async () => {
    const repo = await upstreamRepo(baseCommits());
    const pulls = join(tempDir('deep-pulls'), 'pulls.json');
    writeFileSync(
      pulls,
      `[{"number":1,"title":"t","state":"open","files":${'['.repeat(200_000)}${']'.repeat(200_000)}}]`,
    );
    await expect(syncFromGit({ git: repo, out: out(), pulls })).rejects.toThrow(`${pulls}: [0].files[0] = […]: `);
  });
});
