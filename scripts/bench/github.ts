/**
 * The sync from GitHub's API, against the GitHub-compatible server (a real HTTP server on
 * 127.0.0.1, scripts/github-server/) serving the upstream snapshot and its 808 pull requests,
 * with ETags tied to the token as GitHub's are. Counts what GitHub would be asked:
 *
 * - cold (no previous data): at most 40 requests, also through a gzip-compressing front end;
 * - warm with a new token (as every Actions run has): at most 3 requests, no file rewritten;
 * - warm with the same token: every conditional request answered 304 (free of rate limit);
 * - after one new upstream commit: what the incremental sync asks (no budget, for the record).
 *
 * Skipped, saying so, when ../shared/fixtures/scs-standards/ is absent.
 * `node scripts/bench/github.ts` runs this section alone.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startGitHubServer, type GitHubServer, type ServerPull } from '../github-server/server.ts';
import { BUNDLE, cloneSnapshot, HAVE_SNAPSHOT, PULLS } from '../lib/snapshot.ts';
import { atMost, type BenchRow, exactly, rowsOf } from './rows.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SECTION = 'github';

/** `node scripts/sync.ts` against the server, without blocking this process (the server lives here). */
function sync(
  server: GitHubServer,
  out: string,
  cache: string,
  token: string,
): Promise<{ ms: number; made: GitHubServer['requests'] }> {
  // The local server asks for a token on GraphQL, as GitHub does; these are not secrets.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GITHUB_API_URL: server.url,
    SCS_SYNC_GRAPHQL_SPACING_MS: '0',
    GITHUB_TOKEN: token,
  };
  const start = server.requests.length;
  const t0 = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts/sync.ts'), '--out', out, '--cache', cache], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', fail);
    child.on('close', (code) => {
      if (code !== 0) fail(new Error(`sync exited ${code}: ${stderr.trim()}`));
      else done({ ms: performance.now() - t0, made: server.requests.slice(start) });
    });
  });
}

/** Each file of `dir` with its bytes and mtime, to count what a run rewrote. */
function fingerprint(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir).map((f) => [f, `${statSync(join(dir, f)).mtimeMs}:${readFileSync(join(dir, f), 'base64')}`]),
  );
}

function rewritten(before: Map<string, string>, after: Map<string, string>): number {
  return (
    [...after].filter(([f, v]) => before.get(f) !== v).length + [...before.keys()].filter((f) => !after.has(f)).length
  );
}

export async function run(): Promise<BenchRow[]> {
  if (!HAVE_SNAPSHOT) {
    console.log(`${SECTION}: skipped, the snapshot ${BUNDLE} is absent (../shared beside the project)`);
    return [];
  }
  const scratch = mkdtempSync(join(tmpdir(), 'scs-bench-github-'));
  const clone = join(scratch, 'standards');
  cloneSnapshot(clone);
  const pulls: ServerPull[] = JSON.parse(readFileSync(PULLS, 'utf8'));
  const server = await startGitHubServer({ repo: clone, pulls, etagPerToken: true });
  const front = await startGitHubServer({ repo: clone, pulls, etagPerToken: true, compress: 'gzip' });
  try {
    const out = join(scratch, 'data');
    const cache = join(scratch, 'cache');
    const cold = await sync(server, out, cache, 'bench-token-of-run-1');
    const gzipped = await sync(front, join(scratch, 'data-gzip'), join(scratch, 'cache-gzip'), 'bench-token-of-run-1');
    const before = fingerprint(out);
    const fresh = await sync(server, out, cache, 'bench-token-of-run-2');
    const freshRewritten = rewritten(before, fingerprint(out));
    const same = await sync(server, out, cache, 'bench-token-of-run-2');
    const free = same.made.filter((r) => r.conditional && r.status === 304).length;
    // One new upstream commit to a scope file, and one pull request updated.
    const file = join(clone, 'Tests/scs-compatible-kaas.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}# bench: one more line\n`);
    execFileSync('git', [
      '-C',
      clone,
      '-c',
      'user.name=Bench',
      '-c',
      'user.email=bench@example.invalid',
      'commit',
      '-qam',
      'Bench change (#9999)',
    ]);
    pulls[pulls.length - 1]!.updated_at = new Date().toISOString();
    server.pulls.splice(0, server.pulls.length, ...pulls);
    const incremental = await sync(server, out, cache, 'bench-token-of-run-3');
    const { rows, row } = rowsOf(SECTION);
    row('GitHub sync cold: requests', cold.made.length, 'requests', atMost(cold.made.length, 40));
    row('GitHub sync cold: wall time (loopback)', Math.round(cold.ms), 'ms');
    row('GitHub sync cold, gzip front end: requests', gzipped.made.length, 'requests', atMost(gzipped.made.length, 40));
    row('GitHub sync warm, new token: requests', fresh.made.length, 'requests', atMost(fresh.made.length, 3));
    row('GitHub sync warm, new token: files rewritten', freshRewritten, 'files', exactly(freshRewritten, 0));
    row('GitHub sync warm, same token: requests', same.made.length, 'requests', atMost(same.made.length, 3));
    row('GitHub sync warm, same token: conditional, answered 304', free, 'requests', exactly(free, same.made.length));
    row('GitHub sync after one new commit: requests', incremental.made.length, 'requests');
    return rows;
  } finally {
    await server.close();
    await front.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  for (const r of await run())
    console.log(`${r.figure}: ${r.value} ${r.unit}${r.budget ? ` (${r.budget}: ${r.ok ? 'ok' : 'OVER'})` : ''}`);
}
