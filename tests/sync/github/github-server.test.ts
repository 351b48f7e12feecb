/**
 * The GitHub-compatible test server itself speaks GitHub's shapes: REST pagination with
 * `Link` headers, `ETag` / `If-None-Match` → 304 that costs no rate limit, `x-ratelimit-*`
 * headers and a 403 once the limit is used up, GraphQL validated against GitHub's schema
 * subset, 401 for GraphQL without a token; and as a command of its own (`npm run github-server`).
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SKIP_GITHUB_SERVER, startGitHubServer, type GitHubServer } from '../../support/github-server.ts';
import { tempDir } from '../../support/files.ts';
import { buildHistoryRepo, builtRepoPulls, git, ROOT } from './support.ts';

const AUTH = { authorization: 'token test' };

describe.skipIf(SKIP_GITHUB_SERVER)('GitHub-compatible test server', () => {
  let server: GitHubServer;
  let head: string;

  beforeAll(async () => {
    const repo = buildHistoryRepo();
    head = git(repo.dir, ['rev-parse', 'main']).trim();
    server = await startGitHubServer({ repo: repo.dir, pulls: builtRepoPulls(), rateLimit: 30 });
  });
  afterAll(() => server?.close());

  it('pages pull requests with Link headers, newest update first', async () => {
    const numbers: number[] = [];
    let url: string | null =
      `${server.url}/repos/SovereignCloudStack/standards/pulls?state=all&sort=updated&direction=desc&per_page=2`;
    let pages = 0;
    while (url) {
      const res: Response = await fetch(url);
      expect(res.status).toBe(200);
      numbers.push(...((await res.json()) as { number: number }[]).map((p) => p.number));
      url = /<([^>]+)>; rel="next"/.exec(res.headers.get('link') ?? '')?.[1] ?? null;
      pages++;
    }
    expect(pages).toBe(3);
    expect(numbers).toEqual([22, 21, 20, 15, 12]);
  });

  it('answers a matching If-None-Match with 304, free of rate limit', async () => {
    const ref = `${server.url}/repos/SovereignCloudStack/standards/git/ref/heads%2Fmain`;
    const first = await fetch(ref);
    expect(((await first.json()) as { object: { sha: string } }).object.sha).toBe(head);
    const etag = first.headers.get('etag')!;
    const remaining = Number(first.headers.get('x-ratelimit-remaining'));
    const again = await fetch(ref, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(Number(again.headers.get('x-ratelimit-remaining'))).toBe(remaining);
    const other = await fetch(ref, { headers: { 'if-none-match': 'W/"other"' } });
    expect(other.status).toBe(200);
    expect(Number(other.headers.get('x-ratelimit-remaining'))).toBe(remaining - 1);
    expect(other.headers.get('x-ratelimit-resource')).toBe('core');
  });

  it('validates GraphQL against the schema and asks for a token', async () => {
    const post = (query: string, headers: Record<string, string> = AUTH) =>
      fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query }),
      });
    const anonymous = await post('query { rateLimit { remaining } }', {});
    expect(anonymous.status).toBe(401);
    const bad = (await (
      await post('query { repository(owner: "SovereignCloudStack", name: "standards") { nope } }')
    ).json()) as { errors: { message: string }[] };
    expect(bad.errors[0]!.message).toMatch(/Cannot query field "nope" on type "Repository"/);
    const ok = (await (
      await post(
        `query { repository(owner: "SovereignCloudStack", name: "standards") { ref(qualifiedName: "refs/heads/main") { target { oid ... on Commit { committer { date } } } } } }`,
      )
    ).json()) as { data: { repository: { ref: { target: { oid: string; committer: { date: string } } } } } };
    expect(ok.data.repository.ref.target.oid).toBe(head);
    expect(ok.data.repository.ref.target.committer.date).toBe('2024-07-01T10:00:00+02:00');
    const missing = (await (await post('query { repository(owner: "x", name: "y") { nameWithOwner } }')).json()) as {
      data: unknown;
      errors: { message: string }[];
    };
    expect(missing.errors[0]!.message).toMatch(/Could not resolve to a Repository/);
  });

  it('refuses with 403 and x-ratelimit-remaining: 0 once the limit is used up', async () => {
    const url = `${server.url}/repos/SovereignCloudStack/standards/pulls?per_page=1`;
    let last: Response | null = null;
    for (let i = 0; i < 40; i++) {
      last = await fetch(url);
      if (last.status === 403) break;
    }
    expect(last!.status).toBe(403);
    expect(last!.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(last!.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    expect(((await last!.json()) as { message: string }).message).toMatch(/API rate limit exceeded/);
  });
});

describe.skipIf(SKIP_GITHUB_SERVER)('npm run github-server', () => {
  it('prints where it listens first, serves gzip with per-token ETags, and stops on SIGTERM', async () => {
    const repo = buildHistoryRepo();
    const pulls = join(tempDir('server-cli'), 'pulls.json');
    writeFileSync(pulls, JSON.stringify(builtRepoPulls()));
    const child = spawn(
      process.execPath,
      [join(ROOT, 'scripts/github-server/main.ts'), '--repo', repo.dir, '--pulls', pulls, '--etag-per-token', '--gzip'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      const first = await new Promise<string>((resolve) =>
        createInterface({ input: child.stdout! }).once('line', resolve),
      );
      const m = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(first);
      expect(m, first).not.toBeNull();
      const ref = `${m![1]}/repos/SovereignCloudStack/standards/git/ref/heads%2Fmain`;
      const a = await fetch(ref, { headers: { authorization: 'token one-token-for-the-test' } });
      expect(a.headers.get('content-encoding')).toBe('gzip');
      expect(((await a.json()) as { object: { sha: string } }).object.sha).toBe(
        git(repo.dir, ['rev-parse', 'main']).trim(),
      );
      const b = await fetch(ref, {
        headers: { authorization: 'token another-token-for-the-test', 'if-none-match': a.headers.get('etag')! },
      });
      expect(b.status).toBe(200);
      expect(b.headers.get('etag')).not.toBe(a.headers.get('etag'));
      const c = await fetch(ref, {
        headers: { authorization: 'token another-token-for-the-test', 'if-none-match': b.headers.get('etag')! },
      });
      expect(c.status).toBe(304);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('refuses a wrong command line with exit 2 and the usage', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts/github-server/main.ts'), '--port', 'x'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    expect(await new Promise((resolve) => child.on('close', resolve))).toBe(2);
    expect(stderr).toMatch(
      /--repo is required\nusage: npm run github-server -- --repo <git dir> --pulls <export.json>/,
    );
  });
});
