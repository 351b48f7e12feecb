/**
 * The REST side of the GitHub-compatible server: the routes the sync uses, in GitHub's
 * shapes (`rest-objects.ts`), with `Link` pagination on lists.
 *
 * - `GET /repos/{owner}/{repo}/git/ref/heads/{branch}`  https://docs.github.com/en/rest/git/refs#get-a-reference
 * - `GET /repos/{owner}/{repo}/git/blobs/{sha}`          https://docs.github.com/en/rest/git/blobs#get-a-blob
 * - `GET /repos/{owner}/{repo}/pulls`                    https://docs.github.com/en/rest/pulls/pulls#list-pull-requests
 * - `GET /rate_limit`                                    https://docs.github.com/en/rest/rate-limit/rate-limit
 */
import { sortedPulls, type Served } from './model.ts';
import { pullSimple, repositoryObject } from './rest-objects.ts';
import type { GitStore } from './store.ts';

export interface RestAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface RestContext extends Served {
  store: GitStore;
  rateLimit: { core: number; graphql: number; limit: number; resetAt: number };
  stars: number;
}

const notFound: RestAnswer = {
  status: 404,
  body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' },
};

export async function rest(ctx: RestContext, method: string, url: URL): Promise<RestAnswer> {
  if (method !== 'GET') return notFound;
  const base = ctx.base();
  if (url.pathname === '/rate_limit') {
    const { limit, core, graphql, resetAt } = ctx.rateLimit;
    const of = (remaining: number) => ({ limit, remaining, reset: resetAt, used: limit - remaining });
    return {
      status: 200,
      body: {
        rate: of(core),
        resources: {
          core: of(core),
          graphql: of(graphql),
          search: { limit: 30, remaining: 30, reset: resetAt, used: 0 },
        },
      },
    };
  }
  const m = /^\/repos\/([^/]+)\/([^/]+)\/(.*)$/.exec(url.pathname);
  if (!m || m[1]!.toLowerCase() !== ctx.owner.toLowerCase() || m[2]!.toLowerCase() !== ctx.name.toLowerCase())
    return notFound;
  const repoUrl = `${base}/repos/${ctx.owner}/${ctx.name}`;
  const route = decodeURIComponent(m[3]!);
  const ref = /^git\/ref\/heads\/(.+)$/.exec(route);
  if (ref) {
    await ctx.store.refresh();
    const sha = await ctx.store.branchHead(ref[1]!);
    if (!sha) return notFound;
    return {
      status: 200,
      body: {
        ref: `refs/heads/${ref[1]}`,
        node_id: Buffer.from(`ref:${ref[1]}`).toString('base64'),
        url: `${repoUrl}/git/refs/heads/${ref[1]}`,
        object: { sha, type: 'commit', url: `${repoUrl}/git/commits/${sha}` },
      },
    };
  }
  const blob = /^git\/blobs\/([0-9a-f]{40})$/.exec(route);
  if (blob) {
    const obj = await ctx.store.object(blob[1]!);
    if (!obj || obj.type !== 'blob') return notFound;
    const sha = blob[1]!;
    return {
      status: 200,
      body: {
        sha,
        node_id: Buffer.from(`blob:${sha}`).toString('base64'),
        size: obj.content.length,
        url: `${repoUrl}/git/blobs/${sha}`,
        content: obj.content.toString('base64'),
        encoding: 'base64',
      },
    };
  }
  if (route === 'pulls') return pulls(ctx, url);
  return notFound;
}

async function pulls(ctx: RestContext, url: URL): Promise<RestAnswer> {
  const base = ctx.base();
  const stateFilter = url.searchParams.get('state') ?? 'open';
  const field = url.searchParams.get('sort') === 'updated' ? 'updated_at' : 'created_at';
  const direction = url.searchParams.get('direction') === 'asc' ? 'ASC' : 'DESC';
  const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 30)));
  const pageNo = Math.max(1, Number(url.searchParams.get('page') ?? 1));
  let list = sortedPulls(ctx.pulls, field, direction);
  if (stateFilter !== 'all') list = list.filter((p) => p.state === stateFilter);
  const last = Math.max(1, Math.ceil(list.length / perPage));
  const link = (n: number, rel: string) => {
    const u = new URL(url.toString(), base);
    u.searchParams.set('page', String(n));
    return `<${base}${u.pathname}${u.search}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (pageNo < last) links.push(link(pageNo + 1, 'next'), link(last, 'last'));
  if (pageNo > 1) links.push(link(1, 'first'), link(pageNo - 1, 'prev'));
  await ctx.store.refresh();
  const head = (await ctx.store.branchHead(ctx.branch)) ?? '0'.repeat(40);
  const repo = repositoryObject(ctx, { pushedAt: ctx.store.commit(head)?.committerDate ?? null, stars: ctx.stars });
  return {
    status: 200,
    body: list.slice((pageNo - 1) * perPage, pageNo * perPage).map((p) => pullSimple(ctx, p, repo, head)),
    headers: links.length ? { link: links.join(', ') } : {},
  };
}
