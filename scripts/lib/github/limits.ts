/**
 * GitHub's rate limits, as its documentation describes them, and how long the sync waits
 * for each (https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api,
 * https://docs.github.com/en/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api):
 *
 * - primary: `x-ratelimit-remaining: 0` (REST 403 or 429; GraphQL 200 or 403 with an error
 *   of type `RATE_LIMITED`): wait until `x-ratelimit-reset`;
 * - secondary: 403 or 429 (GraphQL: 200 with the error in the body, or 403, never 429)
 *   saying so, with or without `retry-after`: wait `retry-after` seconds; without it at
 *   least 60 s, doubled on each further refusal of the same request.
 *
 * All waits of one sync together are bounded by `--max-wait`: a wait that would pass it is
 * not started, and the sync fails saying what GitHub asked for.
 */
import { RateLimitRefusal } from './errors.ts';

export type Limit =
  | { kind: 'primary'; status: number; resetAt: number | null }
  | { kind: 'secondary'; status: number; retryAfter: number | null };

type Headers = Record<string, string | number | undefined>;

const SECONDARY = /secondary rate limit|abuse detection/i;
const PRIMARY = /API rate limit exceeded/i;

function header(headers: Headers | undefined, name: string): number | null {
  const v = headers?.[name];
  if (v === undefined || v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

function messages(body: unknown): { text: string; rateLimited: boolean } {
  const b = (body ?? {}) as { message?: unknown; errors?: unknown };
  const parts: string[] = typeof b.message === 'string' ? [b.message] : [];
  let rateLimited = false;
  if (Array.isArray(b.errors)) {
    for (const e of b.errors as { message?: unknown; type?: unknown }[]) {
      if (typeof e?.message === 'string') parts.push(e.message);
      if (e?.type === 'RATE_LIMITED') rateLimited = true;
    }
  }
  return { text: parts.join('; '), rateLimited };
}

/** The rate limit an answer reports, or null when it is no rate limit. */
export function limitOf(status: number, headers: Headers | undefined, body: unknown): Limit | null {
  if (status !== 200 && status !== 403 && status !== 429) return null;
  const { text, rateLimited } = messages(body);
  const retryAfter = header(headers, 'retry-after');
  const remaining = header(headers, 'x-ratelimit-remaining');
  const reset = header(headers, 'x-ratelimit-reset');
  if (status === 200 && !rateLimited && !SECONDARY.test(text)) return null;
  // retry-after first: GitHub says not to retry before it, whatever else the answer says.
  if (retryAfter !== null) return { kind: 'secondary', status, retryAfter };
  if (remaining === 0 || rateLimited || PRIMARY.test(text)) return { kind: 'primary', status, resetAt: reset };
  if (SECONDARY.test(text) || status === 429) return { kind: 'secondary', status, retryAfter: null };
  // A 403 that is no limit (no permission, a blocked resource) is an answer, not a wait.
  return null;
}

/** Seconds to wait for `limit`; `refusals` counts earlier refusals of the same request. */
export function waitSeconds(limit: Limit, refusals: number, nowSeconds: number): number {
  if (limit.kind === 'primary')
    return limit.resetAt === null ? 60 : Math.max(0, Math.ceil(limit.resetAt - nowSeconds)) + 1;
  if (limit.retryAfter !== null) return Math.max(0, Math.ceil(limit.retryAfter));
  return 60 * 2 ** refusals;
}

/** In words, for messages: "secondary rate limit", and how GitHub said it: "429, retry-after 30 s". */
export function describeLimit(limit: Limit): { name: string; detail: string } {
  if (limit.kind === 'primary') return { name: 'rate limit', detail: `${limit.status}, x-ratelimit-remaining: 0` };
  return {
    name: 'secondary rate limit',
    detail: `${limit.status}, ${limit.retryAfter === null ? 'no retry-after' : `retry-after ${limit.retryAfter} s`}`,
  };
}

/** The waits of one sync, bounded together by `--max-wait`. */
export class WaitBudget {
  waited = 0;
  readonly maxSeconds: number;
  constructor(maxSeconds: number) {
    this.maxSeconds = maxSeconds;
  }
  /** Take `seconds` from the budget; false (and nothing taken) when they do not fit. */
  take(seconds: number): boolean {
    if (this.waited + seconds > this.maxSeconds) return false;
    this.waited += seconds;
    return true;
  }
}

/** The failure when a limit's wait does not fit the budget: what happened, what to do. */
export function limitFailure(limit: Limit, seconds: number, budget: WaitBudget, token: boolean): RateLimitRefusal {
  const left = budget.maxSeconds - budget.waited;
  const room = `more than the ${budget.maxSeconds} s this sync may wait${budget.waited ? ` (${left} s left)` : ''}`;
  if (limit.kind === 'primary') {
    const when = limit.resetAt ? ` (resets at ${new Date(limit.resetAt * 1000).toISOString()})` : '';
    return token
      ? new RateLimitRefusal(
          `GitHub's rate limit is used up${when}; the reset is ${seconds} s away, ${room}. Run again after the reset, or raise --max-wait / SCS_SYNC_MAX_WAIT.`,
          limit.status,
        )
      : new RateLimitRefusal(
          `GitHub's rate limit for unauthenticated requests is used up${when}; the reset is ${seconds} s away, ${room}. Set GITHUB_TOKEN (a token with read access to public repositories) for a higher limit, or run again after the reset.`,
          limit.status,
        );
  }
  const asked =
    limit.retryAfter === null
      ? `GitHub gave no retry-after, so the sync would wait ${seconds} s`
      : `GitHub asks to wait ${seconds} s`;
  return new RateLimitRefusal(
    `GitHub refused with its ${describeLimit(limit).name} (${describeLimit(limit).detail}): too many requests in a short time. ${asked}, ${room}. Run again in a few minutes, or raise --max-wait / SCS_SYNC_MAX_WAIT.`,
    limit.status,
  );
}
