/**
 * GITHUB_TOKEN goes to GitHub in the Authorization header and nowhere else: not in stdout,
 * stderr, `data/` (the sync state included) or the blob cache, whether the sync succeeds,
 * finds nothing new, or fails.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SKIP_GITHUB_SERVER, startGitHubServer, type GitHubServer } from '../../support/github-server.ts';
import { buildHistoryRepo, builtRepoPulls, syncEnv } from './support.ts';
import { runSync, type RunResult } from '../../support/upstream-repo.ts';
import { tempDir } from '../../support/files.ts';

const TOKEN = 'ghp_Sc5TeSt0nLy7oKeN1234567890abcdefXYZ';

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out;
}

describe.skipIf(SKIP_GITHUB_SERVER)('the token', () => {
  let server: GitHubServer;
  const runs: RunResult[] = [];
  let out: string;
  let cache: string;

  beforeAll(async () => {
    server = await startGitHubServer({ repo: buildHistoryRepo().dir, pulls: builtRepoPulls() });
    out = join(tempDir('token'), 'data');
    cache = join(tempDir('token-cache'), 'blobs');
    const env = syncEnv(server.url, { GITHUB_TOKEN: TOKEN });
    runs.push(await runSync(['--out', out, '--cache', cache], env)); // cold
    runs.push(await runSync(['--out', out, '--cache', cache], env)); // warm, nothing new
    server.pulls[0]!.updated_at = '2025-01-01T00:00:00Z';
    server.faults.push({ kind: 'status', status: 502 }, { kind: 'rate-limit', resetIn: 3600 });
    runs.push(await runSync(['--out', out, '--cache', cache], env)); // a retry, then a failure
    server.faults.push({ kind: 'status', status: 404 });
    runs.push(await runSync(['--out', out, '--cache', cache, '--repo', 'SovereignCloudStack/other'], env));
  });
  afterAll(() => server?.close());

  it('is sent to GitHub in the Authorization header', () => {
    expect(runs.map((r) => r.code)).toEqual([0, 0, 1, 1]);
    expect(server.requests.length).toBeGreaterThan(10);
    for (const r of server.requests) expect(r.authorization).toBe(`token ${TOKEN}`);
  });

  it('appears in no output, no data file and no cache file', () => {
    for (const r of runs) {
      expect(r.stdout).not.toContain(TOKEN);
      expect(r.stderr).not.toContain(TOKEN);
      expect(r.stdout + r.stderr).not.toContain(TOKEN.slice(4, 20));
    }
    const files = [...filesUnder(out), ...filesUnder(cache)];
    expect(files.some((f) => f.endsWith('sync-state.json'))).toBe(true);
    for (const f of files) expect(readFileSync(f).includes(Buffer.from(TOKEN.slice(4))), f).toBe(false);
  });

  it('gives the authenticated rate-limit advice when the limit is used up', () => {
    expect(runs[2]!.stderr).toMatch(/rate limit is used up .*Run again after the reset, or raise --max-wait/);
    expect(runs[2]!.stderr).not.toMatch(/Set GITHUB_TOKEN/);
  });
});
