/**
 * Failures of the GitHub source, in words a user can act on. The token is sent only in the
 * Authorization header and scrubbed from every message built here.
 */

/** A failure of the GitHub source the user can act on; the message never holds the token. */
export class GitHubError extends Error {
  readonly status: number | null;
  constructor(message: string, status: number | null = null) {
    super(message);
    this.name = 'GitHubError';
    this.status = status;
  }
}

/** A rate limit the sync did not wait out; the message says why and what to do. */
export class RateLimitRefusal extends Error {
  readonly status: number;
  constructor(message: string, status: number) {
    super(message);
    this.name = 'RateLimitRefusal';
    this.status = status;
  }
}

/** Remove the token from any text that might leave the process. */
export function makeScrubber(token: string | undefined): (text: string) => string {
  // A token too short to be one would blank out ordinary words; GitHub's are 40+ characters.
  if (!token || token.length < 8) return (text) => text;
  return (text) => text.split(token).join('[token]');
}

/** What octokit's errors carry that a message needs. */
interface StatusError {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | undefined>; data?: unknown };
}

export interface FailureContext {
  apiUrl: string;
  token: string | undefined;
  retries: number;
}

/** One message for a failed request: what failed, why, and what to do. */
export function describeFailure(what: string, error: unknown, ctx: FailureContext): GitHubError {
  if (error instanceof GitHubError) return error;
  const scrub = makeScrubber(ctx.token);
  if (error instanceof RateLimitRefusal)
    return new GitHubError(scrub(`${what} at ${ctx.apiUrl} failed: ${error.message}`), error.status);
  const e = (error ?? {}) as StatusError;
  const status = e.status ?? null;
  let hint = '';
  if (status === 401) {
    hint = ctx.token
      ? ': the token was refused (401). Check GITHUB_TOKEN.'
      : ': GitHub answers this only with a token (401). Set GITHUB_TOKEN (any token that can read public repositories; in GitHub Actions, secrets.GITHUB_TOKEN).';
  } else if (status === 403) {
    hint = `: refused (403${e.message ? `: ${e.message}` : ''}). Check that the token may read the repository.`;
  } else if (status === 404) {
    hint = ': not found (404). Check --repo owner/name and --branch, and that the token can read the repository.';
  } else if (status === 500 && !e.response) {
    hint = `: no usable answer after ${ctx.retries} retries (${e.message ?? 'network error'}); check GITHUB_API_URL and the network, or try again later.`;
  } else if (status !== null && status >= 500) {
    hint = `: GitHub kept failing (${status}) after ${ctx.retries} retries; try again later.`;
  }
  const detail = e.message ? ` (${e.message})` : '';
  return new GitHubError(scrub(`${what} at ${ctx.apiUrl} failed${hint || detail}`), status);
}
