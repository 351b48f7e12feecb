/**
 * Faults injected by the GitHub-compatible test server into the real `node scripts/sync.ts`:
 * transient ones are retried and the sync completes; rate limits are waited out when the
 * reset is near and otherwise fail with what to do; every failure exits 1, names what
 * failed, and leaves `data/` byte-identical (bytes and mtimes, no stray temp files).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SKIP_GITHUB_SERVER,
  startGitHubServer,
  type Fault,
  type GitHubServer,
  byOperation,
  byPath,
} from '../../support/github-server.ts';
import { buildHistoryRepo, builtRepoPulls, syncEnv } from './support.ts';
import { runSync, type RunResult } from '../../support/upstream-repo.ts';
import { copyDir, dirState, tempDir } from '../../support/files.ts';

describe.skipIf(SKIP_GITHUB_SERVER)('GitHub sync under faults', () => {
  let server: GitHubServer;
  let base: string;

  beforeAll(async () => {
    const repo = buildHistoryRepo();
    server = await startGitHubServer({ repo: repo.dir, pulls: builtRepoPulls() });
    // Data as a git sync left it: a GitHub sync over it would rewrite meta and pulls and add its state.
    base = join(tempDir('faults-base'), 'data');
    const g = await runSync(['--git', repo.dir, '--out', base], syncEnv(server.url));
    expect(g.code).toBe(0);
  });
  afterAll(() => server?.close());

  async function withFaults(faults: Fault[], env: Record<string, string> = {}, args: string[] = []) {
    const out = join(tempDir('faults'), 'data');
    copyDir(base, out);
    const before = dirState(out);
    server.faults.length = 0;
    server.faults.push(...faults);
    const start = server.requests.length;
    const started = Date.now();
    const run: RunResult = await runSync(['--out', out, '--cache', '', ...args], syncEnv(server.url, env));
    const made = server.requests.slice(start);
    const left = server.faults.length;
    server.faults.length = 0;
    return { run, before, after: dirState(out), made, left, ms: Date.now() - started };
  }

  const transient: [string, Fault][] = [
    ['500 on the branch request', { kind: 'status', status: 500, match: byPath('git/ref/heads/main') }],
    ['500 on the history query', { kind: 'status', status: 500, match: byOperation('History') }],
    ['503 on a blob query', { kind: 'status', status: 503, match: byOperation('Blobs') }],
    ['a connection reset on the pull-request query', { kind: 'reset', match: byOperation('Pulls') }],
    ['a truncated body on a tree query', { kind: 'truncate', match: byOperation('Trees') }],
    ['a truncated body on a REST answer', { kind: 'truncate', match: byPath('/pulls') }],
  ];
  for (const [name, fault] of transient) {
    it(`retries ${name} and completes`, async () => {
      const r = await withFaults([fault]);
      expect(r.run.stderr).toMatch(/retrying/);
      expect(r.run.code, r.run.stderr).toBe(0);
      expect(r.left).toBe(0);
      expect(r.made.filter((q) => q.fault === fault.kind)).toHaveLength(1);
      expect(r.run.stdout).toMatch(/\d+ requests, 0 answered 304 \(free\), 1 retried/);
      expect(r.after['sync-state.json']).toBeDefined();
    });
  }

  it('retries a response slower than the time-out', async () => {
    const r = await withFaults([{ kind: 'slow', ms: 1500, match: byOperation('History') }], {
      SCS_SYNC_TIMEOUT_MS: '400',
    });
    expect(r.run.code, r.run.stderr).toBe(0);
    expect(r.run.stderr).toMatch(/no complete answer within 400 ms/);
  });

  it('waits out a secondary rate limit (429 with retry-after)', async () => {
    const r = await withFaults([{ kind: 'secondary', retryAfter: 1, match: byOperation('Pulls') }]);
    expect(r.run.code, r.run.stderr).toBe(0);
    expect(r.run.stderr).toMatch(
      /secondary rate limit on POST .*graphql: waiting 1 s \(429, retry-after 1 s; at most 5 s/,
    );
    expect(r.ms).toBeGreaterThan(1000);
  });

  it('waits out a rate limit whose reset is near (403, x-ratelimit-remaining: 0)', async () => {
    const r = await withFaults([{ kind: 'rate-limit', resetIn: 1, match: byOperation('History') }]);
    expect(r.run.code, r.run.stderr).toBe(0);
    expect(r.run.stderr).toMatch(/rate limit on POST .*graphql: waiting [12] s/);
  });

  function expectUnchanged(r: Awaited<ReturnType<typeof withFaults>>) {
    expect(r.run.code).toBe(1);
    expect(r.after).toEqual(r.before);
    expect(r.run.stderr).toMatch(/^sync failed; .*data\/ is unchanged:/m);
  }

  it('fails with what to do when the rate-limit reset is too far away', async () => {
    const r = await withFaults([{ kind: 'rate-limit', resetIn: 3600, match: byOperation('Pulls') }]);
    expectUnchanged(r);
    expect(r.run.stderr).toMatch(
      /GraphQL Pulls at http:\/\/127\.0\.0\.1:\d+ failed: GitHub's rate limit is used up \(resets at \d{4}-\d\d-\d\dT/,
    );
    expect(r.run.stderr).toMatch(
      /the reset is 360\d s away, more than the 5 s this sync may wait\. Run again after the reset, or raise --max-wait/,
    );
  });

  it('tells an unauthenticated sync to set GITHUB_TOKEN when the rate limit is used up', async () => {
    const r = await withFaults([{ kind: 'rate-limit', resetIn: 3600, match: byPath('git/ref/heads/main') }], {
      GITHUB_TOKEN: '',
    });
    expectUnchanged(r);
    expect(r.made[0]!.authorization).toBeNull();
    expect(r.run.stderr).toMatch(
      /GET \/repos\/SovereignCloudStack\/standards\/git\/ref\/heads\/main at .* failed: GitHub's rate limit for unauthenticated requests is used up .*Set GITHUB_TOKEN/,
    );
  });

  it('tells a sync without a token that GraphQL needs one (401), changing nothing', async () => {
    const r = await withFaults([], { GITHUB_TOKEN: '' });
    expectUnchanged(r);
    expect(r.made.map((q) => q.status)).toEqual([200, 200, 401]);
    expect(r.run.stderr).toMatch(
      /GraphQL History at .* failed: GitHub answers this only with a token \(401\)\. Set GITHUB_TOKEN/,
    );
  });

  it("waits out GraphQL's own rate-limit error when the reset is near, and fails when it is not", async () => {
    const near = await withFaults([{ kind: 'graphql-rate-limit', resetIn: 1, match: byOperation('Blobs') }]);
    expect(near.run.code, near.run.stderr).toBe(0);
    expect(near.run.stderr).toMatch(/rate limit on POST .*graphql: waiting [12] s/);
    const far = await withFaults([{ kind: 'graphql-rate-limit', resetIn: 3600, match: byOperation('Blobs') }]);
    expectUnchanged(far);
    expect(far.run.stderr).toMatch(
      /GraphQL Blobs at .* failed: GitHub's rate limit is used up \(resets at .*\); the reset is 360\d s away/,
    );
  });

  it('honours --max-wait over the environment', async () => {
    const r = await withFaults([{ kind: 'rate-limit', resetIn: 30, match: byOperation('Trees') }], {}, [
      '--max-wait',
      '2',
    ]);
    expectUnchanged(r);
    expect(r.run.stderr).toMatch(/more than the 2 s this sync may wait/);
  });

  it('fails naming the query when GitHub keeps answering 503', async () => {
    const r = await withFaults(
      Array.from({ length: 4 }, (): Fault => ({ kind: 'status', status: 503, match: byOperation('Blobs') })),
    );
    expectUnchanged(r);
    expect(r.made.filter((q) => q.fault === 'status')).toHaveLength(4);
    expect(r.run.stderr).toMatch(
      /GraphQL Blobs at http:\/\/127\.0\.0\.1:\d+ failed: GitHub kept failing \(503\) after 3 retries; try again later\./,
    );
  });

  it('fails naming the request when the connection keeps being reset', async () => {
    const r = await withFaults(Array.from({ length: 4 }, (): Fault => ({ kind: 'reset', match: byPath('/pulls') })));
    expectUnchanged(r);
    expect(r.run.stderr).toMatch(
      /GET \/repos\/SovereignCloudStack\/standards\/pulls at .* failed: no usable answer after 3 retries/,
    );
  });

  it('fails when bodies keep arriving truncated', async () => {
    const r = await withFaults(
      Array.from({ length: 4 }, (): Fault => ({ kind: 'truncate', match: byOperation('History') })),
    );
    expectUnchanged(r);
    expect(r.run.stderr).toMatch(/GraphQL History .* failed: no usable answer after 3 retries \(the answer broke off/);
  });

  it('fails at once on 404, naming repository and branch', async () => {
    const r = await withFaults([{ kind: 'status', status: 404, match: byPath('git/ref/heads/main') }]);
    expectUnchanged(r);
    expect(r.made).toHaveLength(1);
    expect(r.run.stderr).toMatch(
      /GET \/repos\/SovereignCloudStack\/standards\/git\/ref\/heads\/main at .* failed: not found \(404\)\. Check --repo owner\/name and --branch/,
    );
  });

  it('fails on an unknown repository or branch the same way', async () => {
    const repo = await withFaults([], {}, ['--repo', 'nobody/nothing']);
    expectUnchanged(repo);
    expect(repo.run.stderr).toMatch(/nobody\/nothing.*not found \(404\)/);
    const branch = await withFaults([], {}, ['--branch', 'no-such-branch']);
    expectUnchanged(branch);
    expect(branch.run.stderr).toMatch(/git\/ref\/heads\/no-such-branch.*not found \(404\)/);
  });

  it('fails with exit 2 on a malformed --max-wait, before any request', async () => {
    const r = await withFaults([], {}, ['--max-wait', 'soon']);
    expect(r.run.code).toBe(2);
    expect(r.made).toHaveLength(0);
    expect(r.after).toEqual(r.before);
    expect(r.run.stderr).toMatch(/--max-wait "soon": expected seconds ≥ 0/);
  });

  it('leaves synced data and its state untouched when a warm sync fails', async () => {
    // A completed GitHub sync, then a pull request changes and the query for it fails.
    const out = join(tempDir('faults-warm'), 'data');
    const src = join(tempDir('faults-src'), 'data');
    const r0 = await runSync(['--out', src, '--cache', ''], syncEnv(server.url));
    expect(r0.code).toBe(0);
    copyDir(src, out);
    const before = dirState(out);
    const pull = server.pulls.find((p) => p.number === 20)!;
    const saved = pull.updated_at;
    pull.updated_at = '2024-09-01T00:00:00Z';
    server.faults.push({ kind: 'rate-limit', resetIn: 3600, match: byOperation('Pulls') });
    const r = await runSync(['--out', out, '--cache', ''], syncEnv(server.url));
    server.faults.length = 0;
    pull.updated_at = saved;
    expect(r.code).toBe(1);
    expect(dirState(out)).toEqual(before);
  });
});
