/**
 * The GitHub source against the GitHub-compatible test server, on a repository built here:
 * the same documents, scopes and revisions as the git source; pull-request states; a warm
 * sync of an unchanged upstream is two conditional requests answered 304 and rewrites
 * nothing; a changed upstream fetches only what is new and ends where a cold sync ends.
 */
import { readFileSync, existsSync, writeFileSync } from 'node:fs';
import type { PullRequest } from '../../../src/domain/schemas/data.ts';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullsDataEnd } from '../../../src/domain/pulls/data-end.ts';
import { SKIP_GITHUB_SERVER, startGitHubServer, type GitHubServer } from '../../support/github-server.ts';
import { buildHistoryRepo, builtRepoPulls, git, syncEnv } from './support.ts';
import type { GitRepo } from '../../support/git-repo.ts';
import { scopeYamlFrom } from '../../support/upstream-files.ts';
import { runSync } from '../../support/upstream-repo.ts';
import { dirState, tempDir } from '../../support/files.ts';

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

describe.skipIf(SKIP_GITHUB_SERVER)('GitHub sync of a built repository', () => {
  let repo: GitRepo;
  let server: GitHubServer;
  let gitOut: string;
  let out: string;
  let cache: string;

  beforeAll(async () => {
    repo = buildHistoryRepo();
    server = await startGitHubServer({ repo: repo.dir, pulls: builtRepoPulls() });
    gitOut = join(tempDir('git'), 'data');
    const g = await runSync(['--git', repo.dir, '--out', gitOut], syncEnv(server.url));
    expect(g.stderr).toBe('');
    expect(g.code).toBe(0);
    out = join(tempDir('gh'), 'data');
    cache = join(tempDir('cache'), 'blobs');
    const r = await runSync(['--out', out, '--cache', cache], syncEnv(server.url));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
  afterAll(() => server?.close());

  it('gives documents, scopes and revisions byte-identical to the git source', () => {
    expect(read(out, 'documents.json')).toBe(read(gitOut, 'documents.json'));
    expect(read(out, 'scopes.json')).toBe(read(gitOut, 'scopes.json'));
    const meta = JSON.parse(read(out, 'meta.json'));
    const gitMeta = JSON.parse(read(gitOut, 'meta.json'));
    expect(meta.pullRequestSource).toBe('github');
    // Pull requests from GitHub reach further than those read from commit messages.
    expect(meta.pullsAsOf).toBe(pullsDataEnd(JSON.parse(read(out, 'pulls.json')), meta.source.date));
    expect(gitMeta.pullsAsOf).toBe(gitMeta.source.date);
    expect({ ...meta, pullRequestSource: 'git', pullsAsOf: gitMeta.pullsAsOf }).toEqual(gitMeta);
  });

  it("reads the open #20's proposal off GitHub's test merge, as the git source reads refs/pull/20/head", async () => {
    const pulls = JSON.parse(read(out, 'pulls.json')) as PullRequest[];
    const p20 = pulls.find((p) => p.number === 20)!.proposal!;
    expect(p20.documents).toEqual([
      {
        id: 'scs-0003-v1',
        file: 'Standards/scs-0003-v1-new-name.md',
        stabilizedAt: '2024-09-01',
        deprecatedAt: null,
        rejectedAt: null,
      },
    ]);
    expect([p20.scopes, p20.conflicts]).toEqual([[], []]);
    // The same from the clone, with the same pull requests (an export of the server's).
    const exportFile = join(tempDir('gh-export'), 'pulls.json');
    writeFileSync(exportFile, JSON.stringify(server.pulls));
    const viaGit = join(tempDir('gh-git-export'), 'data');
    const g = await runSync(['--git', repo.dir, '--out', viaGit, '--pulls', exportFile], syncEnv(server.url));
    expect(g.code).toBe(0);
    const fromGit = JSON.parse(read(viaGit, 'pulls.json')) as PullRequest[];
    expect(fromGit.find((p) => p.number === 20)!.proposal).toEqual(p20);
    expect(p20.head).toBe(git(repo.dir, ['rev-parse', 'refs/pull/20/head']).trim());
  });

  it('follows the rename of the IaaS scope file and keeps committer offsets', () => {
    const scopes = JSON.parse(read(out, 'scopes.json'));
    const iaas = scopes.find((s: { id: string }) => s.id === 'iaas');
    expect(
      iaas.revisions.map((r: { file: string; date: string; pr: number | null }) => [r.file, r.date, r.pr]),
    ).toEqual([
      ['Tests/scs-compatible.yaml', '2024-01-10', null],
      ['Tests/scs-compatible-iaas.yaml', '2024-03-01', 12],
      ['Tests/scs-compatible-iaas.yaml', '2024-07-01', 19],
    ]);
    const kaas = scopes.find((s: { id: string }) => s.id === 'kaas');
    // 23:30 at -05:00 is already the 5th in UTC: the day is the committer's own.
    expect(kaas.revisions[0].date).toBe('2024-03-04');
    expect(JSON.parse(read(out, 'meta.json')).source.committedAt).toBe('2024-07-01T10:00:00+02:00');
  });

  it('reads documents through a merge commit, CRLF and BOM, and an exact rename', () => {
    const docs = JSON.parse(read(out, 'documents.json'));
    const bar = docs.find((d: { id: string }) => d.id === 'scs-0002-v1');
    expect(bar.status).toBe('Stable');
    expect(
      bar.history.map((h: { date: string; pr: number | null; status: string }) => [h.date, h.pr, h.status]),
    ).toEqual([
      ['2024-03-06', 15, 'Draft'],
      ['2024-05-01', 16, 'Stable'],
    ]);
    expect(docs.map((d: { id: string }) => d.id)).toEqual(['scs-0001-v1', 'scs-0002-v1', 'scs-0003-v1']);
  });

  it('records pull-request states, review decisions, labels and what they touch', () => {
    const pulls = JSON.parse(read(out, 'pulls.json')) as {
      number: number;
      state: string;
      reviewDecision: string | null;
      labels: string[];
      documents: string[];
      scopes: string[];
      title: string;
    }[];
    const by = new Map(pulls.map((p) => [p.number, p]));
    expect([...by.keys()]).toEqual([12, 14, 15, 16, 17, 19, 20, 22]);
    expect(by.get(12)).toMatchObject({ state: 'merged', reviewDecision: 'APPROVED', labels: ['standards'] });
    expect(by.get(12)!.scopes).toContain('iaas');
    expect(by.get(20)).toMatchObject({
      state: 'draft',
      reviewDecision: 'REVIEW_REQUIRED',
      documents: ['scs-0003-v1'],
      labels: ['SCS is standardized'],
    });
    expect(by.get(20)!.title).toBe('<script>alert(1)</script> Stabilize SCS-0003-v1');
    expect(by.get(22)).toMatchObject({ state: 'closed', documents: ['scs-0214'] });
    expect(by.has(21)).toBe(false); // touches neither standards nor scopes, names no document
    // Known only from the commit message on main (the server has no such pull request).
    expect(by.get(14)).toMatchObject({ state: 'merged', scopes: ['kaas'] });
  });

  it('writes a state without secrets that a schema accepts', () => {
    const state = JSON.parse(read(out, 'sync-state.json'));
    expect(state.repo).toBe('SovereignCloudStack/standards');
    expect(state.schemaVersion).toBe(2);
    // Nothing tied to the token: ETags live in the cache directory, with what they stand for.
    expect(state.etags).toBeUndefined();
    expect(state.head.sha).toBe(git(repo.dir, ['rev-parse', 'main']).trim());
    expect(state.commits.length).toBe(7);
    expect(state.newestPull).toEqual({ updatedAt: '2024-07-07T08:00:00Z', numbers: [22] });
    const etags = JSON.parse(readFileSync(join(cache, 'etags.json'), 'utf8'));
    expect(etags.ref).toEqual({ etag: expect.stringMatching(/^W\/"/), sha: state.head.sha });
    expect(etags.pulls.newest).toEqual({ number: 22, updated_at: '2024-07-07T08:00:00Z' });
  });

  it('fetches each blob once, with or without a cache directory', async () => {
    const dir = join(tempDir('no-cache'), 'data');
    const start = server.requests.length;
    const r = await runSync(['--out', dir, '--cache', ''], syncEnv(server.url));
    expect(r.code).toBe(0);
    // The built repository has fewer blobs than one query carries.
    expect(server.requests.slice(start).filter((q) => q.operation === 'Blobs')).toHaveLength(1);
    expect(read(dir, 'scopes.json')).toBe(read(out, 'scopes.json'));
  });

  it('makes two conditional requests and rewrites nothing when nothing changed', async () => {
    const before = dirState(out);
    const start = server.requests.length;
    const r = await runSync(['--out', out, '--cache', cache], syncEnv(server.url));
    expect(r.code).toBe(0);
    const made = server.requests.slice(start);
    expect(made.length).toBeLessThanOrEqual(3);
    expect(made.every((q) => q.conditional && q.status === 304)).toBe(true);
    expect(dirState(out)).toEqual(before);
    expect(r.stdout).toMatch(/nothing changed upstream/);
    expect(r.stdout).toMatch(/2 requests, 2 answered 304/);
    expect(r.stdout).toMatch(/rate limit left: core \d+\/5000/);
    // Without a token too: the check is REST only (GitHub answers GraphQL only with a token).
    const anonymous = await runSync(['--out', out, '--cache', cache], syncEnv(server.url, { GITHUB_TOKEN: '' }));
    expect(anonymous.code).toBe(0);
    expect(server.requests.slice(-2).map((q) => [q.status, q.authorization])).toEqual([
      [304, null],
      [304, null],
    ]);
    expect(dirState(out)).toEqual(before);
  });

  it('fetches only what is new after an upstream change, and ends where a cold sync ends', async () => {
    repo.commit(
      'Timeline for v3 (#23)',
      { date: '2024-08-01T10:00:00+02:00' },
      {
        'Tests/scs-compatible-iaas.yaml': scopeYamlFrom({
          name: 'SCS-compatible IaaS',
          uuid: '50393e6f-2ae1-4c5c-a62c-3b75f2abef3f',
          timeline: [
            { date: '2024-09-01', versions: { v2: 'effective', v3: 'draft' } },
            { date: '2024-08-01', versions: { v2: 'effective' } },
            { date: '2024-04-01', versions: { v1: 'warn', v2: 'effective' } },
          ],
          versions: ['v1', 'v2', 'v3'],
          padding: 40,
        }),
      },
    );
    const pr20 = server.pulls.find((p) => p.number === 20)!;
    pr20.draft = false;
    pr20.updated_at = '2024-08-02T10:00:00Z';
    server.pulls.push({
      number: 23,
      title: 'Timeline for v3',
      state: 'closed',
      draft: false,
      created_at: '2024-07-30T10:00:00Z',
      updated_at: '2024-08-01T08:00:00Z',
      closed_at: '2024-08-01T08:00:00Z',
      merged_at: '2024-08-01T08:00:00Z',
      author: 'alice',
      labels: [],
      files: ['Tests/scs-compatible-iaas.yaml'],
    });

    const start = server.requests.length;
    const r = await runSync(['--out', out, '--cache', cache], syncEnv(server.url));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const made = server.requests.slice(start);
    expect(made.map((q) => q.operation ?? decodeURIComponent(q.path.split('?')[0]!))).toEqual([
      '/repos/SovereignCloudStack/standards/git/ref/heads/main',
      '/repos/SovereignCloudStack/standards/pulls',
      'History',
      'Trees',
      'Blobs',
      'Pulls',
      'Merges',
      'PathBlobs',
    ]);
    expect(r.stdout).toMatch(/1 new commit on main, 1 touching standards or scopes/);
    expect(r.stdout).toMatch(/3 pull requests updated at or after 2024-07-07T08:00:00Z/);
    expect(r.stdout).toMatch(/IaaS: new revision 2024-08-01 \(#23\)/);

    // The same upstream synced cold, and by git, gives the same files.
    const cold = join(tempDir('cold'), 'data');
    const c = await runSync(['--out', cold, '--cache', join(tempDir('cache2'), 'blobs')], syncEnv(server.url));
    expect(c.code).toBe(0);
    for (const f of ['meta.json', 'scopes.json', 'documents.json', 'pulls.json', 'sync-state.json'])
      expect(read(out, f), f).toBe(read(cold, f));
    const g = await runSync(['--git', repo.dir, '--out', gitOut], syncEnv(server.url));
    expect(g.code).toBe(0);
    expect(read(out, 'scopes.json')).toBe(read(gitOut, 'scopes.json'));
    const pulls = JSON.parse(read(out, 'pulls.json')) as { number: number; state: string }[];
    expect(pulls.find((p) => p.number === 20)!.state).toBe('open');
  });

  it('asks only for pull requests when only a pull request changed', async () => {
    const pr = server.pulls.find((p) => p.number === 22)!;
    pr.title = 'Discuss scs-0214 and scs-0215 wording';
    pr.updated_at = '2024-08-05T10:00:00Z';
    const before = dirState(out);
    const start = server.requests.length;
    const r = await runSync(['--out', out, '--cache', cache], syncEnv(server.url));
    expect(r.code).toBe(0);
    expect(server.requests.slice(start).map((q) => `${q.operation ?? 'GET'} ${q.status}`)).toEqual([
      'GET 304',
      'GET 200',
      'Pulls 200',
      'Merges 200',
      'PathBlobs 200',
    ]);
    const after = dirState(out);
    expect(after['scopes.json']).toEqual(before['scopes.json']);
    expect(after['documents.json']).toEqual(before['documents.json']);
    const pulls = JSON.parse(read(out, 'pulls.json')) as { number: number; documents: string[] }[];
    expect(pulls.find((p) => p.number === 22)!.documents).toEqual(['scs-0214', 'scs-0215']);
  });

  it('starts over when the branch was rewritten', async () => {
    const head = git(repo.dir, ['rev-parse', 'main']).trim();
    git(repo.dir, ['reset', '-q', '--hard', 'HEAD~2']);
    repo.commit(
      'Timeline for v3, again (#24)',
      { date: '2024-08-03T10:00:00+02:00' },
      {
        'Standards/scs-0004-v1-new.md': '---\ntitle: New\ntype: Standard\nstatus: Draft\ntrack: KaaS\n---\n',
      },
    );
    const r = await runSync(['--out', out, '--cache', cache], syncEnv(server.url));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/was rewritten/);
    const g = await runSync(['--git', repo.dir, '--out', gitOut], syncEnv(server.url));
    expect(g.code).toBe(0);
    expect(read(out, 'scopes.json')).toBe(read(gitOut, 'scopes.json'));
    expect(read(out, 'documents.json')).toBe(read(gitOut, 'documents.json'));
    git(repo.dir, ['reset', '-q', '--hard', head]);
  });

  it('refuses a malformed state with a message naming the file and key, changing nothing', async () => {
    const dir = join(tempDir('bad-state'), 'data');
    const first = await runSync(['--out', dir, '--cache', cache], syncEnv(server.url));
    expect(first.code).toBe(0);
    const file = join(dir, 'sync-state.json');
    const state = JSON.parse(readFileSync(file, 'utf8'));
    state.head.sha = 'not-a-sha';
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, JSON.stringify(state));
    const before = dirState(dir);
    const r = await runSync(['--out', dir, '--cache', cache], syncEnv(server.url));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/sync-state\.json: head\.sha = "not-a-sha": expected a 40-digit object id/);
    expect(dirState(dir)).toEqual(before);
    expect(existsSync(file)).toBe(true);
  });
});
