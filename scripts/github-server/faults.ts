/**
 * Faults the server can inject, one per request (the first in the queue whose `match`
 * accepts it, then consumed), each in the form GitHub or the network produces it.
 */
import type { RestAnswer } from './rest.ts';

export type Match = (request: { method: string; path: string; operation: string | null }) => boolean;

/** Matches the GraphQL requests of one operation (`Pulls`, `Trees`, …). */
export const byOperation =
  (name: string): Match =>
  (r) =>
    r.operation === name;

/** Matches the requests whose decoded path contains `part` (`/pulls`, `git/ref/heads/main`). */
export const byPath =
  (part: string): Match =>
  (r) =>
    decodeURIComponent(r.path).includes(part);

export type Fault =
  | { kind: 'status'; status: 404 | 500 | 502 | 503 | 504; match?: Match }
  /** Primary limit: 403 (or 429) with x-ratelimit-remaining: 0 and the reset. */
  | { kind: 'rate-limit'; resetIn: number; status?: 403 | 429; match?: Match }
  /** GraphQL's own way: 200 with an error of type RATE_LIMITED and x-ratelimit-remaining: 0. */
  | { kind: 'graphql-rate-limit'; resetIn: number; match?: Match }
  /** Secondary limit: 403 or 429, with or without retry-after. */
  | { kind: 'secondary'; retryAfter: number | null; status?: 403 | 429; match?: Match }
  /** GraphQL's secondary limit reported inside a 200 body. */
  | { kind: 'graphql-secondary'; retryAfter: number | null; match?: Match }
  | { kind: 'reset'; match?: Match }
  | { kind: 'slow'; ms: number; match?: Match }
  /** Half the body (of the bytes on the wire, compressed or not), then the connection closes. */
  | { kind: 'truncate'; match?: Match };

/** What a fault does to the request: answer instead of the server, drop it, delay it, or cut its body. */
export type Effect =
  | { answer: RestAnswer; rate?: { remaining: number; reset?: number } }
  | { destroy: true }
  | { delayMs: number }
  | { truncate: true };

const SECONDARY_MESSAGE = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';
const SECONDARY_DOCS = 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits';
const MESSAGES: Record<number, string> = {
  404: 'Not Found',
  500: 'Internal Server Error',
  502: 'Server Error',
  503: 'Service Unavailable',
  504: 'We couldn’t respond to your request in time.',
};

const retryAfter = (seconds: number | null): Record<string, string> =>
  seconds === null ? {} : { 'retry-after': String(seconds) };

export const FAULTS: { [K in Fault['kind']]: (fault: Extract<Fault, { kind: K }>, nowSeconds: number) => Effect } = {
  status: (f) => ({
    answer: {
      status: f.status,
      body: { message: MESSAGES[f.status], documentation_url: 'https://docs.github.com/rest' },
    },
  }),
  'rate-limit': (f, now) => ({
    answer: {
      status: f.status ?? 403,
      body: {
        message:
          "API rate limit exceeded for 127.0.0.1. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)",
        documentation_url: 'https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting',
      },
    },
    rate: { remaining: 0, reset: now + f.resetIn },
  }),
  'graphql-rate-limit': (f, now) => ({
    answer: {
      status: 200,
      body: { data: null, errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1.' }] },
    },
    rate: { remaining: 0, reset: now + f.resetIn },
  }),
  secondary: (f) => ({
    answer: {
      status: f.status ?? 429,
      body: { message: SECONDARY_MESSAGE, documentation_url: SECONDARY_DOCS },
      headers: retryAfter(f.retryAfter),
    },
  }),
  'graphql-secondary': (f) => ({
    answer: {
      status: 200,
      body: { data: null, errors: [{ message: SECONDARY_MESSAGE }] },
      headers: retryAfter(f.retryAfter),
    },
  }),
  reset: () => ({ destroy: true }),
  slow: (f) => ({ delayMs: f.ms }),
  truncate: () => ({ truncate: true }),
};

export function effectOf(fault: Fault, nowSeconds: number): Effect {
  // The table's entry for this kind; TypeScript cannot follow the correlation through the index.
  const entry = FAULTS[fault.kind] as (f: Fault, now: number) => Effect;
  return entry(fault, nowSeconds);
}
