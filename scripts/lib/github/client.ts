/**
 * The only module that constructs the GitHub client (octokit with its retry plugin) and the
 * only one that talks to GitHub. Every call the sync makes is one of the small wrappers
 * below, each linked to its API documentation.
 *
 * Faults: 5xx, connection resets, time-outs and broken-off bodies are retried with growing
 * pauses (plugin-retry; `http.ts` turns the last two into retriable errors). A 502/504 on a
 * query that carries a batch is not retried as it is: GitHub stops a query after 10 s, so the
 * caller splits the batch (`batch.ts`). Rate limits are waited out as GitHub documents them,
 * all waits bounded by `maxWaitSeconds` together (`limits.ts`); octokit's throttling plugin
 * is off because it waits a fixed 60 s for a secondary limit without `retry-after`, does not
 * see one reported inside a GraphQL 200, and bounds each wait, not their sum.
 */
import { Octokit } from 'octokit';
import { describeFailure, GitHubError, makeScrubber } from './errors.ts';
import { countingFetch, emptyStats, type RequestStats } from './http.ts';
import { describeLimit, limitFailure, limitOf, waitSeconds, WaitBudget } from './limits.ts';

export { GitHubError, makeScrubber } from './errors.ts';
export type { RequestStats } from './http.ts';

export const DEFAULT_API_URL = 'https://api.github.com';

export interface ClientOptions {
  /** `GITHUB_API_URL`: REST base; GraphQL is `${apiUrl}/graphql` (GitHub Enterprise: `/api/v3` → `/api/graphql`). */
  apiUrl?: string;
  /** `GITHUB_TOKEN`; optional (unauthenticated requests get a lower rate limit). */
  token?: string;
  /** All rate-limit waits of one sync together at most this long (seconds); past it, fail. */
  maxWaitSeconds?: number;
  /** Give up on one HTTP attempt after this long (ms). */
  timeoutMs?: number;
  /** First pause before retrying a transient failure (ms); then 4×, 9×. */
  retryBaseMs?: number;
  /** How many times a transient failure is retried. */
  retries?: number;
  /** Minimum spacing of GraphQL requests (ms), which GitHub asks for to avoid secondary limits. */
  graphqlSpacingMs?: number;
  /** Where warnings go (already scrubbed of the token). */
  warn?: (line: string) => void;
}

function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new GitHubError(`${name}=${JSON.stringify(raw)}: expected a number ≥ 0`);
  return n;
}

/** Client options from the environment, as the sync and the workflows set them. */
export function clientOptionsFromEnv(overrides: Partial<ClientOptions> = {}): ClientOptions {
  return {
    apiUrl: process.env.GITHUB_API_URL || DEFAULT_API_URL,
    token: process.env.GITHUB_TOKEN || undefined,
    maxWaitSeconds: envNumber('SCS_SYNC_MAX_WAIT', 60),
    timeoutMs: envNumber('SCS_SYNC_TIMEOUT_MS', 30_000),
    retryBaseMs: envNumber('SCS_SYNC_RETRY_BASE_MS', 1000),
    retries: envNumber('SCS_SYNC_RETRIES', 3),
    graphqlSpacingMs: envNumber('SCS_SYNC_GRAPHQL_SPACING_MS', 250),
    ...overrides,
  };
}

export interface ConditionalResult<T> {
  /** null when the server answered 304 (unchanged since `etag`). */
  data: T | null;
  etag: string | null;
}

export interface RefObject {
  ref: string;
  object: { sha: string; type: string };
}

/** The newest update of a pull request, as the REST list gives it. */
export interface PullUpdate {
  number: number;
  updated_at: string;
}

export interface GitHubClient {
  stats: RequestStats;
  /** The text a failure should name the server by. */
  apiUrl: string;
  /** A warning for the user (scrubbed of the token). */
  warn(line: string): void;
  getBranchRef(owner: string, repo: string, branch: string, etag: string | null): Promise<ConditionalResult<RefObject>>;
  getLatestPullUpdate(owner: string, repo: string, etag: string | null): Promise<ConditionalResult<PullUpdate[]>>;
  getBlob(owner: string, repo: string, sha: string): Promise<Uint8Array>;
  /**
   * A GraphQL query. `split`: it carries a batch the caller can split, so a 502/504 is
   * thrown at once (as a GitHubError with that status) instead of being retried as it is.
   */
  graphql<T>(
    what: string,
    query: string,
    variables?: Record<string, unknown>,
    options?: { split?: boolean },
  ): Promise<T>;
}

/** Statuses GitHub answers when a query ran too long; a smaller batch is the remedy. */
export const SPLIT_STATUSES = [502, 504];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface AnswerLike {
  status?: number;
  headers?: Record<string, string | number | undefined>;
  data?: unknown;
  response?: { status?: number; headers?: Record<string, string | number | undefined>; data?: unknown };
}

export function createGitHubClient(options: ClientOptions): GitHubClient {
  const apiUrl = (options.apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, '');
  const scrub = makeScrubber(options.token);
  const warn = (line: string) => (options.warn ?? ((l: string) => process.stderr.write(`${l}\n`)))(scrub(line));
  const stats = emptyStats();
  const retries = options.retries ?? 3;
  const budget = new WaitBudget(options.maxWaitSeconds ?? 60);
  const spacing = options.graphqlSpacingMs ?? 250;
  let lastGraphQL = 0;
  const ctx = { apiUrl, token: options.token, retries };

  function make(noRetry: readonly number[]) {
    const octokit = new Octokit({
      baseUrl: apiUrl,
      auth: options.token,
      userAgent: 'scs-standards-timeline-sync',
      log: { debug: () => {}, info: () => {}, warn, error: warn },
      request: { fetch: countingFetch(stats, options.timeoutMs ?? 30_000, warn, noRetry) },
      retry: {
        retries,
        retryAfterBaseValue: options.retryBaseMs ?? 1000,
        // 403 and 429 are rate limits (waited out below); 304 is an answer.
        doNotRetry: [304, 400, 401, 403, 404, 410, 422, 429, 451, ...noRetry],
      },
      throttle: { enabled: false },
    });
    // Outermost, around plugin-retry: space GraphQL requests, wait out rate limits.
    octokit.hook.wrap('request', async (request, opts) => {
      const isGraphQL = String(opts.url).endsWith('/graphql') || opts.url === '/graphql';
      for (let refusals = 0; ; refusals++) {
        if (isGraphQL && spacing > 0) {
          const wait = lastGraphQL + spacing - Date.now();
          if (wait > 0) await sleep(wait);
          lastGraphQL = Date.now();
        }
        let answer: AnswerLike;
        let failure: unknown = null;
        try {
          answer = await request(opts);
        } catch (error) {
          failure = error;
          const e = error as AnswerLike;
          answer = { status: e.status, headers: e.response?.headers, data: e.response?.data };
        }
        const limit = failure || isGraphQL ? limitOf(answer.status ?? 0, answer.headers, answer.data) : null;
        if (!limit) {
          if (failure) throw failure;
          return answer as Awaited<ReturnType<typeof request>>;
        }
        const seconds = waitSeconds(limit, refusals, Date.now() / 1000);
        if (refusals >= 5 || !budget.take(seconds)) throw limitFailure(limit, seconds, budget, Boolean(options.token));
        stats.retried++;
        const { name, detail } = describeLimit(limit);
        warn(
          `GitHub ${name} on ${opts.method} ${opts.url}: waiting ${seconds} s (${detail}; at most ${budget.maxSeconds} s of waits in all, SCS_SYNC_MAX_WAIT / --max-wait)`,
        );
        await sleep(seconds * 1000);
      }
    });
    return octokit;
  }
  const octokit = make([]);
  const splitting = make(SPLIT_STATUSES);

  function fail(what: string, error: unknown): never {
    throw describeFailure(what, error, ctx);
  }

  async function conditional<T>(
    what: string,
    route: string,
    params: Record<string, unknown>,
    etag: string | null,
  ): Promise<ConditionalResult<T>> {
    try {
      const response = await octokit.request(route, { ...params, headers: etag ? { 'if-none-match': etag } : {} });
      const data: T = response.data;
      return { data, etag: typeof response.headers.etag === 'string' ? response.headers.etag : null };
    } catch (error) {
      if ((error as AnswerLike).status === 304) return { data: null, etag };
      fail(what, error);
    }
  }

  return {
    stats,
    apiUrl,
    warn,
    // https://docs.github.com/en/rest/git/refs#get-a-reference
    getBranchRef(owner, repo, branch, etag) {
      return conditional(
        `GET /repos/${owner}/${repo}/git/ref/heads/${branch}`,
        'GET /repos/{owner}/{repo}/git/ref/{ref}',
        { owner, repo, ref: `heads/${branch}` },
        etag,
      );
    },
    // https://docs.github.com/en/rest/pulls/pulls#list-pull-requests
    // The most recently updated pull request. Its ETag also changes on any push or star (each
    // item embeds head and base repositories), so the caller compares content, not ETags.
    getLatestPullUpdate(owner, repo, etag) {
      return conditional(
        `GET /repos/${owner}/${repo}/pulls`,
        'GET /repos/{owner}/{repo}/pulls',
        { owner, repo, state: 'all', sort: 'updated', direction: 'desc', per_page: 1 },
        etag,
      );
    },
    // https://docs.github.com/en/rest/git/blobs#get-a-blob
    // Only for blobs GraphQL gives no text for (binary, or truncated because large).
    async getBlob(owner, repo, sha) {
      try {
        const { data } = await octokit.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', {
          owner,
          repo,
          file_sha: sha,
        });
        if (data.encoding !== 'base64')
          throw new GitHubError(`blob ${sha}: unexpected encoding ${JSON.stringify(data.encoding)}`);
        return new Uint8Array(Buffer.from(data.content, 'base64'));
      } catch (error) {
        fail(`GET /repos/${owner}/${repo}/git/blobs/${sha}`, error);
      }
    },
    // https://docs.github.com/en/graphql/guides/forming-calls-with-graphql
    async graphql<T>(
      what: string,
      query: string,
      variables: Record<string, unknown> = {},
      opts: { split?: boolean } = {},
    ): Promise<T> {
      try {
        return await (opts.split ? splitting : octokit).graphql<T>(query, variables);
      } catch (error) {
        const status = (error as AnswerLike).status;
        if (opts.split && status !== undefined && SPLIT_STATUSES.includes(status))
          throw new GitHubError(`GraphQL ${what}: ${status}`, status);
        const errors = (error as { errors?: { message?: string; type?: string }[] }).errors;
        if (errors?.length) {
          throw new GitHubError(
            scrub(`GraphQL ${what} at ${apiUrl}/graphql failed: ${errors.map((e) => e.message ?? e.type).join('; ')}`),
          );
        }
        fail(`GraphQL ${what}`, error);
      }
    },
  };
}
