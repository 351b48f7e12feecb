/**
 * The GitHub-compatible test server itself speaks GitHub's shapes: REST pagination with
 * `Link` headers, `ETag` / `If-None-Match` → 304 that costs no rate limit, `x-ratelimit-*`
 * headers and a 403 once the limit is used up, GraphQL validated against GitHub's schema
 * subset, 401 for GraphQL without a token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SKIP_GITHUB_SERVER, startGitHubServer, type GitHubServer } from '../support/github-server.ts';
import { buildHistoryRepo, builtRepoPulls, git } from './support.ts';

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
    let url: string | null = `${server.url}/repos/SovereignCloudStack/standards/pulls?state=all&sort=updated&direction=desc&per_page=2`;
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
      fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
    const anonymous = await post('query { rateLimit { remaining } }', {});
    expect(anonymous.status).toBe(401);
    const bad = (await (await post('query { repository(owner: "SovereignCloudStack", name: "standards") { nope } }')).json()) as { errors: { message: string }[] };
    expect(bad.errors[0]!.message).toMatch(/Cannot query field "nope" on type "Repository"/);
    const ok = (await (
      await post(`query { repository(owner: "SovereignCloudStack", name: "standards") { ref(qualifiedName: "refs/heads/main") { target { oid ... on Commit { committer { date } } } } } }`)
    ).json()) as { data: { repository: { ref: { target: { oid: string; committer: { date: string } } } } } };
    expect(ok.data.repository.ref.target.oid).toBe(head);
    expect(ok.data.repository.ref.target.committer.date).toBe('2024-07-01T10:00:00+02:00');
    const missing = (await (await post('query { repository(owner: "x", name: "y") { nameWithOwner } }')).json()) as { data: unknown; errors: { message: string }[] };
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
