/**
 * The only module that constructs the GitHub client (octokit, with its retry and throttling
 * plugins) and the only one that talks to GitHub. Every call the sync makes is one of the
 * small wrappers below, each linked to its API documentation.
 *
 * Faults: 5xx, connection resets, time-outs and truncated bodies are retried with growing
 * pauses (plugin-retry); a rate limit whose reset is within `maxWaitSeconds` is waited out
 * (plugin-throttling), a later one fails with what to do. The token is sent only in the
 * Authorization header: it is scrubbed from every message this module produces.
 */
import Bottleneck from 'bottleneck';
import { Octokit } from 'octokit';

export const DEFAULT_API_URL = 'https://api.github.com';

export interface ClientOptions {
  /** `GITHUB_API_URL`: REST base; GraphQL is `${apiUrl}/graphql` (GitHub Enterprise: `/api/v3` → `/api/graphql`). */
  apiUrl?: string;
  /** `GITHUB_TOKEN`; optional (unauthenticated requests get a lower rate limit). */
  token?: string;
  /** Wait for a rate-limit reset at most this long (seconds); past it, fail. */
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

/** What one sync cost, for the summary. */
export interface RequestStats {
  /** HTTP requests sent, retries included. */
  requests: number;
  /** Of those, answered 304 Not Modified (free of rate limit). */
  notModified: number;
  /** Of those, retried after a transient failure or a rate limit. */
  retried: number;
  /** `x-ratelimit-remaining` / `-limit` of the last response that had them, per resource. */
  rateLimit: Record<string, { remaining: number; limit: number; reset: number }>;
}

/** A failure of the GitHub source the user can act on; the message never holds the token. */
export class GitHubError extends Error {
  readonly status: number | null;
  constructor(message: string, status: number | null = null) {
    super(message);
    this.name = 'GitHubError';
    this.status = status;
  }
}

/** Remove the token from any text that might leave the process. */
export function makeScrubber(token: string | undefined): (text: string) => string {
  // A token too short to be one would blank out ordinary words; GitHub's are 40+ characters.
  if (!token || token.length < 8) return (text) => text;
  return (text) => text.split(token).join('[token]');
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

export interface GitHubClient {
  stats: RequestStats;
  /** The text a failure should name the server by. */
  apiUrl: string;
  getBranchRef(owner: string, repo: string, branch: string, etag: string | null): Promise<ConditionalResult<RefObject>>;
  getLatestPullUpdate(owner: string, repo: string, etag: string | null): Promise<ConditionalResult<{ number: number; updated_at: string }[]>>;
  getBlob(owner: string, repo: string, sha: string): Promise<Uint8Array>;
  graphql<T>(what: string, query: string, variables?: Record<string, unknown>): Promise<T>;
}

interface StatusError {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | undefined>; data?: unknown };
}

function headerNumber(headers: Headers, name: string): number | null {
  const v = headers.get(name);
  return v === null || v === '' || !Number.isFinite(Number(v)) ? null : Number(v);
}

/**
 * fetch as the sync needs it: a time-out per attempt, the whole body read before the
 * response is handed on (a truncated body or one that is not the JSON it claims to be
 * becomes a network error, which plugin-retry retries), and request counting.
 */
function countingFetch(stats: RequestStats, timeoutMs: number, warn: (line: string) => void): typeof fetch {
  return async (input, init) => {
    stats.requests++;
    const target = `${init?.method ?? 'GET'} ${new URL(String(input instanceof Request ? input.url : input)).pathname}`;
    // Every failed attempt is retried (plugin-retry) until the retries are used up.
    const transient = (reason: string) => {
      stats.retried++;
      warn(`GitHub ${target}: ${reason}; retrying`);
      return new TypeError(reason);
    };
    const signal = AbortSignal.timeout(timeoutMs);
    let response: Response;
    try {
      response = await fetch(input, { ...init, signal });
    } catch (error) {
      // No `cause` on the thrown error: octokit would report the cause's message instead.
      throw transient((error as Error).name === 'TimeoutError' ? `no complete answer within ${timeoutMs} ms` : describeCause(error));
    }
    let body: ArrayBuffer;
    try {
      body = await response.arrayBuffer();
    } catch (error) {
      throw transient((error as Error).name === 'TimeoutError' ? `no complete answer within ${timeoutMs} ms` : `the answer broke off: ${describeCause(error)}`);
    }
    const resource = response.headers.get('x-ratelimit-resource') ?? 'core';
    const remaining = headerNumber(response.headers, 'x-ratelimit-remaining');
    const limit = headerNumber(response.headers, 'x-ratelimit-limit');
    if (remaining !== null && limit !== null) {
      stats.rateLimit[resource] = { remaining, limit, reset: headerNumber(response.headers, 'x-ratelimit-reset') ?? 0 };
    }
    if (response.status === 304) {
      stats.notModified++;
      return new Response(null, { status: 304, statusText: response.statusText, headers: response.headers });
    }
    const type = response.headers.get('content-type') ?? '';
    const declared = headerNumber(response.headers, 'content-length');
    if (declared !== null && declared !== body.byteLength) {
      throw transient(`the answer broke off after ${body.byteLength} of ${declared} bytes`);
    }
    if (response.status < 300 && type.includes('json')) {
      try {
        JSON.parse(new TextDecoder().decode(body));
      } catch {
        throw transient(`the answer is not complete JSON (${body.byteLength} bytes)`);
      }
    }
    if (response.status >= 500) {
      stats.retried++;
      warn(`GitHub ${target}: answered ${response.status}; retrying`);
    }
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

function describeCause(error: unknown): string {
  const e = error as { message?: string; cause?: { code?: string; message?: string } };
  const cause = e.cause?.code ?? e.cause?.message;
  return cause ? `${e.message ?? 'fetch failed'} (${cause})` : (e.message ?? String(error));
}

export function createGitHubClient(options: ClientOptions): GitHubClient {
  const apiUrl = (options.apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, '');
  const scrub = makeScrubber(options.token);
  const warn = (line: string) => (options.warn ?? ((l: string) => process.stderr.write(`${l}\n`)))(scrub(line));
  const maxWait = options.maxWaitSeconds ?? 60;
  const stats: RequestStats = { requests: 0, notModified: 0, retried: 0, rateLimit: {} };
  /** The last rate-limit refusal that was not waited out, to explain the failure. */
  let refused: { retryAfter: number } | null = null;

  const onLimit = (kind: string) => (retryAfter: number, request: { method?: string; url?: string }, _octokit: unknown, retryCount: number) => {
    if (retryCount < 2 && retryAfter <= maxWait) {
      stats.retried++;
      warn(`GitHub ${kind} on ${request.method} ${request.url}: waiting ${retryAfter} s (at most ${maxWait} s, SCS_SYNC_MAX_WAIT / --max-wait)`);
      return true;
    }
    refused = { retryAfter };
    return false;
  };

  const octokit = new Octokit({
    baseUrl: apiUrl,
    auth: options.token,
    userAgent: 'scs-standards-timeline-sync',
    log: { debug: () => {}, info: () => {}, warn, error: warn },
    request: { fetch: countingFetch(stats, options.timeoutMs ?? 30_000, warn) },
    retry: {
      retries: options.retries ?? 3,
      retryAfterBaseValue: options.retryBaseMs ?? 1000,
      // 403 and 429 are rate limits, which the throttling plugin handles; 304 is an answer.
      doNotRetry: [304, 400, 401, 403, 404, 410, 422, 429, 451],
    },
    throttle: {
      onRateLimit: onLimit('rate limit'),
      onSecondaryRateLimit: onLimit('secondary rate limit'),
      retryAfterBaseValue: 1000,
      fallbackSecondaryRateRetryAfter: 60,
      // The plugin spaces GraphQL requests like writes (1 s); reads need less, and tests none.
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: options.graphqlSpacingMs ?? 250 }),
    },
  });

  /** Turn an octokit error into one message saying what failed and what to do. */
  function fail(what: string, error: unknown): never {
    if (error instanceof GitHubError) throw error;
    const e = error as StatusError;
    const status = e.status ?? null;
    const headers = e.response?.headers ?? {};
    let hint = '';
    // REST says 403/429; GraphQL says 200 with an error of type RATE_LIMITED (octokit's
    // throttling plugin turns it into "GraphQL Rate Limit Exceeded").
    if (headers['x-ratelimit-remaining'] === '0' || refused || /rate limit/i.test(e.message ?? '')) {
      const reset = Number(headers['x-ratelimit-reset']);
      const when = Number.isFinite(reset) && reset > 0 ? ` (resets at ${new Date(reset * 1000).toISOString()})` : '';
      const wait = refused ? `; the reset is ${refused.retryAfter} s away, more than the ${maxWait} s this sync may wait` : '';
      hint = options.token
        ? `: GitHub's rate limit is used up${when}${wait}. Run again after the reset, or raise --max-wait / SCS_SYNC_MAX_WAIT.`
        : `: GitHub's rate limit for unauthenticated requests is used up${when}${wait}. Set GITHUB_TOKEN (a token with read access to public repositories) for a higher limit, or run again after the reset.`;
    } else if (status === 401) {
      hint = options.token
        ? ': the token was refused (401). Check GITHUB_TOKEN.'
        : ": GitHub answers this only with a token (401). Set GITHUB_TOKEN (any token that can read public repositories; in GitHub Actions, secrets.GITHUB_TOKEN).";
    } else if (status === 404) {
      hint = ': not found (404). Check --repo owner/name and --branch, and that the token can read the repository.';
    } else if (status === 500 && !e.response) {
      hint = `: no usable answer after ${options.retries ?? 3} retries (${e.message ?? 'network error'}); check GITHUB_API_URL and the network, or try again later.`;
    } else if (status !== null && status >= 500) {
      hint = `: GitHub kept failing (${status}) after ${options.retries ?? 3} retries; try again later.`;
    }
    const detail = e.message ? ` (${e.message})` : '';
    refused = null;
    throw new GitHubError(scrub(`${what} at ${apiUrl} failed${hint || ''}${hint ? '' : detail}`), status);
  }

  async function conditional<T>(what: string, route: string, params: Record<string, unknown>, etag: string | null): Promise<ConditionalResult<T>> {
    try {
      const response = await octokit.request(route, { ...params, headers: etag ? { 'if-none-match': etag } : {} });
      return { data: response.data as T, etag: (response.headers.etag as string | undefined) ?? null };
    } catch (error) {
      if ((error as StatusError).status === 304) return { data: null, etag };
      fail(what, error);
    }
  }

  return {
    stats,
    apiUrl,
    // https://docs.github.com/en/rest/git/refs#get-a-reference
    getBranchRef(owner, repo, branch, etag) {
      return conditional(`GET /repos/${owner}/${repo}/git/ref/heads/${branch}`, 'GET /repos/{owner}/{repo}/git/ref/{ref}', { owner, repo, ref: `heads/${branch}` }, etag);
    },
    // https://docs.github.com/en/rest/pulls/pulls#list-pull-requests
    // The most recently updated pull request: its ETag changes whenever any pull request does.
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
        const { data } = await octokit.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', { owner, repo, file_sha: sha });
        if (data.encoding !== 'base64') throw new GitHubError(`blob ${sha}: unexpected encoding ${JSON.stringify(data.encoding)}`);
        return new Uint8Array(Buffer.from(data.content, 'base64'));
      } catch (error) {
        fail(`GET /repos/${owner}/${repo}/git/blobs/${sha}`, error);
      }
    },
    // https://docs.github.com/en/graphql/guides/forming-calls-with-graphql
    async graphql<T>(what: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
      try {
        return await octokit.graphql<T>(query, variables);
      } catch (error) {
        const errors = (error as { errors?: { message?: string; type?: string }[] }).errors;
        if (errors?.length) {
          throw new GitHubError(scrub(`GraphQL ${what} at ${apiUrl}/graphql failed: ${errors.map((e) => e.message ?? e.type).join('; ')}`));
        }
        fail(`GraphQL ${what}`, error);
      }
    },
  };
}
