/**
 * The GitHub source on the real upstream snapshot (1,068 commits, 850 of them on the first-parent line; 808 pull requests), served
 * by the GitHub-compatible test server: request budgets (cold ≤ 40, warm ≤ 3 and all
 * conditional), the same documents, scopes and revisions as the git source byte for byte, and
 * the same files as the committed data/, whose site tests/site/data-end-build.test.ts builds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDataset } from '../../../src/io/dataset.ts';
import {
  SKIP_GITHUB_SERVER,
  startGitHubServer,
  type GitHubServer,
  type ServerPull,
} from '../../support/github-server.ts';
import { HAVE_SNAPSHOT, PULLS, snapshotClone } from '../../support/snapshot.ts';
import { syncEnv } from './support.ts';
import { runSync, type RunResult } from '../../support/upstream-repo.ts';
import { dirState, tempDir } from '../../support/files.ts';
import { DATA_DIR, realData } from '../../support/real-data.ts';

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

describe.skipIf(!HAVE_SNAPSHOT || SKIP_GITHUB_SERVER)('GitHub sync of the upstream snapshot', () => {
  let server: GitHubServer;
  let out: string;
  let cache: string;
  let cold: RunResult;
  let coldRequests: GitHubServer['requests'];

  beforeAll(async () => {
    const pulls = JSON.parse(readFileSync(PULLS, 'utf8')) as ServerPull[];
    server = await startGitHubServer({ repo: snapshotClone(), pulls });
    out = join(tempDir('snap'), 'data');
    cache = join(tempDir('snap-cache'), 'blobs');
    cold = await runSync(['--out', out, '--cache', cache], syncEnv(server.url));
    coldRequests = [...server.requests];
  });
  afterAll(() => server?.close());

  it('makes at most 40 requests cold, and says so', () => {
    expect(cold.stderr).toBe('');
    expect(cold.code).toBe(0);
    expect(coldRequests.length).toBeLessThanOrEqual(40);
    expect(cold.stdout).toContain(`${coldRequests.length} requests, 0 answered 304`);
    expect(cold.stdout).toMatch(/history: 850 commits on main/);
    expect(cold.stdout).toMatch(/808 pull requests/);
  });

  it('gives the documents, scopes and revisions of the git source, byte for byte', async () => {
    const gitOut = join(tempDir('snap-git'), 'data');
    const g = await runSync(['--git', snapshotClone(), '--out', gitOut], syncEnv(server.url));
    expect(g.code).toBe(0);
    expect(read(out, 'documents.json')).toBe(read(gitOut, 'documents.json'));
    expect(read(out, 'scopes.json')).toBe(read(gitOut, 'scopes.json'));
    // Pull requests from GitHub reach the export's last day; those of commit messages the head's.
    const meta = JSON.parse(read(out, 'meta.json'));
    expect(meta.pullsAsOf).toBe('2026-08-21');
    expect(read(out, 'meta.json')).toBe(
      read(gitOut, 'meta.json')
        .replace('"pullRequestSource": "git"', '"pullRequestSource": "github"')
        .replace(/"pullsAsOf": "[^"]*"/, '"pullsAsOf": "2026-08-21"'),
    );
    // The renamed IaaS file's history reaches back to Tests/scs-compatible.yaml.
    const iaas = JSON.parse(read(out, 'scopes.json')).find((s: { id: string }) => s.id === 'iaas');
    expect(iaas.revisions[0].file).toBe('Tests/scs-compatible.yaml');
  });

  it('keeps every relevant pull request with its state', () => {
    const pulls = JSON.parse(read(out, 'pulls.json')) as { number: number; state: string }[];
    const fixture = JSON.parse(readFileSync(PULLS, 'utf8')) as {
      number: number;
      state: string;
      merged_at: string | null;
    }[];
    const open = new Set(fixture.filter((p) => p.state === 'open').map((p) => p.number));
    const openKept = pulls.filter((p) => p.state === 'open' || p.state === 'draft');
    expect(openKept.length).toBeGreaterThan(0);
    for (const p of openKept) expect(open.has(p.number)).toBe(true);
    expect(pulls.filter((p) => p.state === 'merged').length).toBeGreaterThan(200);
  });

  it("reads each open pull request's proposal off GitHub's test merge, as the git source reads refs/pull/N/head", async () => {
    const github = await readDataset(out);
    const proposals = (d: typeof github) =>
      d.pulls.filter((p) => p.proposal).map((p) => ({ number: p.number, proposal: p.proposal }));
    const fromGit = proposals(await realData());
    expect(fromGit.length).toBe(14);
    expect(proposals(github)).toEqual(fromGit);
    expect(github.pulls.find((p) => p.number === 996)!.proposal!.conflicts).toEqual([
      'Standards/scs-0103-v1-standard-flavors.md',
      'Standards/scs-0103-w1-standard-flavors-implementation.md',
    ]);
  });

  it('makes at most 3 requests warm, all conditional and answered 304, and rewrites nothing', async () => {
    const before = dirState(out);
    const start = server.requests.length;
    const warm = await runSync(['--out', out, '--cache', cache], syncEnv(server.url));
    expect(warm.code).toBe(0);
    const made = server.requests.slice(start);
    expect(made.length).toBeLessThanOrEqual(3);
    expect(made.every((r) => r.conditional && r.status === 304)).toBe(true);
    expect(dirState(out)).toEqual(before);
    expect(warm.stdout).toMatch(/nothing changed upstream/);
    expect(warm.stdout).toContain(`${made.length} requests, ${made.length} answered 304 (free)`);
  });

  it('is the data/ the site is built from: the same documents, scopes and upstream head, read by the site’s schemas', async () => {
    // So the pages of a GitHub sync are those of data/, built (with a last check handed over
    // as the deploy does) by tests/site/data-end-build.test.ts: no build of its own here.
    expect(read(out, 'documents.json')).toBe(read(DATA_DIR, 'documents.json'));
    expect(read(out, 'scopes.json')).toBe(read(DATA_DIR, 'scopes.json'));
    expect(read(out, 'meta.json')).toBe(
      read(DATA_DIR, 'meta.json').replace('"pullRequestSource": "export"', '"pullRequestSource": "github"'),
    );
    const data = await readDataset(out);
    expect(data.meta.source).toEqual((await realData()).meta.source);
    expect(data.scopes.map((s) => s.name)).toContain('SCS-compatible IaaS');
    // Beside data/, what the next sync needs to ask only for what is new: the head it saw.
    expect(readdirSync(out).sort()).toEqual([
      'documents.json',
      'meta.json',
      'pulls.json',
      'scopes.json',
      'sync-state.json',
    ]);
    expect(JSON.parse(read(out, 'sync-state.json')).head).toEqual({
      sha: data.meta.source.commit,
      committedAt: data.meta.source.committedAt,
    });
  });
});
