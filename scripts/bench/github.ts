/**
 * The sync from GitHub's API, against the GitHub-compatible test server (a real HTTP server on
 * 127.0.0.1, tests/support/github-server.ts) serving the upstream snapshot and its 808 pull
 * requests. Counts what GitHub would be asked:
 *
 * - cold (no previous data): at most 40 requests (issue 3);
 * - warm (nothing changed upstream): at most 3, all conditional, answered 304 (free of rate limit);
 * - after one new upstream commit: what the incremental sync asks (no budget, for the record).
 *
 * Skipped, saying so, when ../shared/fixtures/scs-standards/ is absent.
 * `node scripts/bench/github.ts` runs this section alone.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startGitHubServer, type GitHubServer, type ServerPull } from '../../tests/support/github-server.ts';
import { BUNDLE, cloneSnapshot, HAVE_SNAPSHOT, PULLS } from '../lib/snapshot.ts';
import type { BenchRow } from './growth.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SECTION = 'github';

/** `node scripts/sync.ts` against the server, without blocking this process (the server lives here). */
function sync(server: GitHubServer, out: string, cache: string): Promise<{ ms: number; made: GitHubServer['requests'] }> {
  const env: NodeJS.ProcessEnv = { ...process.env, GITHUB_API_URL: server.url, SCS_SYNC_GRAPHQL_SPACING_MS: '0' };
  // The local server asks for a token on GraphQL, as GitHub does; this one is not a secret.
  env.GITHUB_TOKEN = 'bench-token-for-the-local-server';
  const start = server.requests.length;
  const t0 = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts/sync.ts'), '--out', out, '--cache', cache], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', fail);
    child.on('close', (code) => {
      if (code !== 0) fail(new Error(`sync exited ${code}: ${stderr.trim()}`));
      else done({ ms: performance.now() - t0, made: server.requests.slice(start) });
    });
  });
}

export async function run(): Promise<BenchRow[]> {
  if (!HAVE_SNAPSHOT) {
    console.log(`${SECTION}: skipped, the snapshot ${BUNDLE} is absent (../shared beside the project)`);
    return [];
  }
  const scratch = mkdtempSync(join(tmpdir(), 'scs-bench-github-'));
  const clone = join(scratch, 'standards');
  cloneSnapshot(clone);
  const pulls = JSON.parse(readFileSync(PULLS, 'utf8')) as ServerPull[];
  const server = await startGitHubServer({ repo: clone, pulls });
  try {
    const out = join(scratch, 'data');
    const cache = join(scratch, 'cache');
    const cold = await sync(server, out, cache);
    const warm = await sync(server, out, cache);
    const free = warm.made.filter((r) => r.conditional && r.status === 304).length;
    // One new upstream commit to a scope file, and one pull request updated.
    const file = join(clone, 'Tests/scs-compatible-kaas.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}# bench: one more line\n`);
    execFileSync('git', ['-C', clone, '-c', 'user.name=Bench', '-c', 'user.email=bench@example.invalid', 'commit', '-qam', 'Bench change (#9999)']);
    pulls[pulls.length - 1]!.updated_at = new Date().toISOString();
    server.pulls.splice(0, server.pulls.length, ...pulls);
    const incremental = await sync(server, out, cache);
    return [
      { section: SECTION, figure: 'GitHub sync cold: requests', value: cold.made.length, unit: 'requests', budget: '≤ 40', ok: cold.made.length <= 40 },
      { section: SECTION, figure: 'GitHub sync cold: wall time (loopback)', value: Math.round(cold.ms), unit: 'ms', budget: null, ok: null },
      { section: SECTION, figure: 'GitHub sync warm: requests', value: warm.made.length, unit: 'requests', budget: '≤ 3', ok: warm.made.length <= 3 },
      { section: SECTION, figure: 'GitHub sync warm: conditional, answered 304', value: free, unit: 'requests', budget: `= ${warm.made.length}`, ok: free === warm.made.length },
      { section: SECTION, figure: 'GitHub sync after one new commit: requests', value: incremental.made.length, unit: 'requests', budget: null, ok: null },
    ];
  } finally {
    await server.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  for (const row of await run()) console.log(`${row.figure}: ${row.value} ${row.unit}${row.budget ? ` (${row.budget}: ${row.ok ? 'ok' : 'OVER'})` : ''}`);
}
