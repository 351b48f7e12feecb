/**
 * The fetch the GitHub client runs on: Node's own, which asks for and decodes compressed
 * bodies (gzip, deflate, br) and fails a body that breaks off before its `Content-Length`
 * or its last chunk arrived — both counted on the bytes on the wire, never on the decoded
 * size. On top of it: a time-out per attempt, the whole body read before octokit sees the
 * response (so a broken-off body is a network error, which octokit's retry plugin retries),
 * a JSON body that does not parse (a body cut short where HTTP cannot tell) treated the
 * same, and the count of requests for the summary.
 */

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

export function emptyStats(): RequestStats {
  return { requests: 0, notModified: 0, retried: 0, rateLimit: {} };
}

function headerNumber(headers: Headers, name: string): number | null {
  const v = headers.get(name);
  return v === null || v === '' || !Number.isFinite(Number(v)) ? null : Number(v);
}

function describeCause(error: unknown): string {
  const e = error as { message?: string; cause?: { code?: string; message?: string } };
  const cause = e.cause?.code ?? e.cause?.message;
  return cause ? `${e.message ?? 'fetch failed'} (${cause})` : (e.message ?? String(error));
}

/** Headers that described the bytes on the wire; the body handed on is decoded. */
const WIRE_HEADERS = ['content-encoding', 'content-length', 'transfer-encoding'];

/** `noRetry`: statuses the caller handles itself (a 502 on a batch is split, not retried). */
export function countingFetch(
  stats: RequestStats,
  timeoutMs: number,
  warn: (line: string) => void,
  noRetry: readonly number[] = [],
): typeof fetch {
  return async (input, init) => {
    stats.requests++;
    const target = `${init?.method ?? 'GET'} ${new URL(String(input instanceof Request ? input.url : input)).pathname}`;
    // Every failed attempt is retried (plugin-retry) until the retries are used up.
    const transient = (reason: string) => {
      stats.retried++;
      warn(`GitHub ${target}: ${reason}; retrying`);
      return new TypeError(reason);
    };
    const timedOut = (error: unknown) => (error as Error).name === 'TimeoutError';
    const signal = AbortSignal.timeout(timeoutMs);
    let response: Response;
    try {
      response = await fetch(input, { ...init, signal });
    } catch (error) {
      // No `cause` on the thrown error: octokit would report the cause's message instead.
      throw transient(timedOut(error) ? `no complete answer within ${timeoutMs} ms` : describeCause(error));
    }
    let body: ArrayBuffer;
    try {
      body = await response.arrayBuffer();
    } catch (error) {
      if (timedOut(error)) throw transient(`no complete answer within ${timeoutMs} ms`);
      const declared = headerNumber(response.headers, 'content-length');
      const encoding = response.headers.get('content-encoding');
      const expected =
        declared !== null ? ` before the ${declared} bytes its Content-Length announced` : ' before its last chunk';
      throw transient(
        `the answer broke off${expected}${encoding ? ` (${encoding}-encoded)` : ''}: ${describeCause(error)}`,
      );
    }
    const resource = response.headers.get('x-ratelimit-resource') ?? 'core';
    const remaining = headerNumber(response.headers, 'x-ratelimit-remaining');
    const limit = headerNumber(response.headers, 'x-ratelimit-limit');
    if (remaining !== null && limit !== null) {
      stats.rateLimit[resource] = { remaining, limit, reset: headerNumber(response.headers, 'x-ratelimit-reset') ?? 0 };
    }
    const headers = new Headers(response.headers);
    for (const name of WIRE_HEADERS) headers.delete(name);
    if (response.status === 304) {
      stats.notModified++;
      return new Response(null, { status: 304, statusText: response.statusText, headers });
    }
    const type = response.headers.get('content-type') ?? '';
    if (response.status < 300 && type.includes('json')) {
      try {
        JSON.parse(new TextDecoder().decode(body));
      } catch {
        throw transient(`the answer is not complete JSON (${body.byteLength} bytes decoded)`);
      }
    }
    if (response.status >= 500 && !noRetry.includes(response.status)) {
      stats.retried++;
      warn(`GitHub ${target}: answered ${response.status}; retrying`);
    }
    return new Response(body, { status: response.status, statusText: response.statusText, headers });
  };
}
