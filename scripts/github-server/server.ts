/**
 * A GitHub-compatible API server: a real HTTP server on 127.0.0.1 backed by a git repository
 * and a pull-request export, for the tests, the benchmark and anyone who wants to run the
 * sync without GitHub (`npm run github-server`, `main.ts`). It answers what the sync asks, in
 * GitHub's shapes (REST: `rest.ts`, checked against `@octokit/openapi`; GraphQL: `graphql.ts`):
 *
 * - `ETag` / `If-None-Match` → 304, not counted against the rate limit; with `etagPerToken`
 *   the ETag depends on the Authorization header, as GitHub's does;
 * - `x-ratelimit-*` headers, a 403 once the limit is used up, 401 for GraphQL without a token;
 * - `compress`: every body gzip-, deflate- or br-encoded with its `Content-Length`, as a
 *   compressing front end (GitHub Enterprise behind nginx, a corporate proxy) sends it;
 * - faults injected per request (`faults.ts`). Every request is logged.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { effectOf, type Fault } from './faults.ts';
import { executeGraphQL } from './graphql.ts';
import type { ServerPull } from './model.ts';
import { rest, type RestAnswer } from './rest.ts';
import { GitStore } from './store.ts';

export type { Fault, Match } from './faults.ts';
export { byOperation, byPath } from './faults.ts';
export type { ServerPull } from './model.ts';

/**
 * The server executes GraphQL with graphql-js (a dev dependency). A node_modules installed
 * before it was added lacks it: the tests are then skipped with this message, except in CI.
 */
export const HAVE_GRAPHQL = (() => {
  try {
    createRequire(import.meta.url).resolve('graphql');
    return true;
  } catch {
    return false;
  }
})();

export type Encoding = 'gzip' | 'deflate' | 'br';

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  /** The request carried If-None-Match. */
  conditional: boolean;
  /** GraphQL operation name, for /graphql. */
  operation: string | null;
  /** The Authorization header as received (tests check the token is sent only here). */
  authorization: string | null;
  fault: Fault['kind'] | null;
  /** Bytes of the body on the wire (compressed, when it was). */
  wireBytes: number;
  /** Time the server took to answer, ms. */
  ms: number;
}

export interface GitHubServer {
  url: string;
  requests: LoggedRequest[];
  /** Faults to inject, first matching one per request, consumed. */
  faults: Fault[];
  /** The pull requests served; tests may change them between syncs. */
  pulls: ServerPull[];
  /** Requests left before the core / graphql limits are used up. */
  rateLimit: { core: number; graphql: number; limit: number; resetAt: number };
  /** Stargazers: a star changes every pull request in the list (they embed the repository). */
  stars: { count: number };
  close(): Promise<void>;
}

export interface ServerOptions {
  repo: string;
  owner?: string;
  name?: string;
  branch?: string;
  pulls?: ServerPull[];
  rateLimit?: number;
  /** Answer GraphQL without an Authorization header with 401, as GitHub does (default true). */
  graphqlNeedsToken?: boolean;
  /** ETags that depend on the token, as GitHub's do (a new token gets 200, not 304). */
  etagPerToken?: boolean;
  /** Encode every body, with a Content-Length of the encoded bytes. */
  compress?: Encoding | null;
  /** Port to listen on (0: any free one). */
  port?: number;
}

const ENCODERS: Record<Encoding, (b: Buffer) => Buffer> = {
  gzip: gzipSync,
  deflate: deflateSync,
  br: brotliCompressSync,
};

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseGraphQLBody(text: string): {
  query?: string;
  variables?: Record<string, unknown>;
  operationName?: string;
} {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? parsed : {};
  } catch {
    return {};
  }
}

export async function startGitHubServer(options: ServerOptions): Promise<GitHubServer> {
  const store = new GitStore(options.repo);
  await store.refresh();
  const limit = options.rateLimit ?? 5000;
  const rateLimit = { core: limit, graphql: limit, limit, resetAt: Math.floor(Date.now() / 1000) + 3600 };
  const requests: LoggedRequest[] = [];
  const faults: Fault[] = [];
  const stars = { count: 120 };
  const served = {
    owner: options.owner ?? 'SovereignCloudStack',
    name: options.name ?? 'standards',
    branch: options.branch ?? 'main',
    base: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    pulls: [...(options.pulls ?? [])],
    store,
    rateLimit,
    get stars() {
      return stars.count;
    },
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const isGraphQL = url.pathname === '/graphql';
    const body = isGraphQL ? parseGraphQLBody(method === 'POST' ? await readBody(req) : '') : {};
    const operation = isGraphQL
      ? (body.operationName ?? /^\s*query\s+(\w+)/.exec(body.query ?? '')?.[1] ?? null)
      : null;
    const authorization = req.headers.authorization ?? null;
    const conditional = typeof req.headers['if-none-match'] === 'string';
    const info = { method, path: url.pathname + url.search, operation };
    const index = faults.findIndex((f) => !f.match || f.match(info));
    const fault = index >= 0 ? faults.splice(index, 1)[0]! : null;
    const started = performance.now();
    const log: LoggedRequest = {
      ...info,
      status: 0,
      conditional,
      authorization,
      fault: fault?.kind ?? null,
      wireBytes: 0,
      ms: 0,
    };
    res.on('close', () => (log.ms = Math.round(performance.now() - started)));
    requests.push(log);
    const resource = isGraphQL ? 'graphql' : 'core';
    const now = Math.floor(Date.now() / 1000);
    const rateHeaders = (remaining: number, reset = rateLimit.resetAt) => ({
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-reset': String(reset),
      'x-ratelimit-used': String(limit - remaining),
      'x-ratelimit-resource': resource,
    });
    let truncate = false;
    const send = (answer: RestAnswer, headers: Record<string, string>) => {
      log.status = answer.status;
      let bytes: Buffer = Buffer.from(JSON.stringify(answer.body));
      const wire: Record<string, string> = {
        'content-type': 'application/json; charset=utf-8',
        ...headers,
        ...answer.headers,
      };
      if (options.compress) {
        bytes = ENCODERS[options.compress](bytes);
        wire['content-encoding'] = options.compress;
        wire.vary = 'Accept-Encoding, Accept, Authorization, Cookie';
      }
      wire['content-length'] = String(bytes.length);
      res.writeHead(answer.status, wire);
      if (truncate) {
        log.wireBytes = Math.floor(bytes.length / 2);
        res.write(bytes.subarray(0, log.wireBytes));
        setTimeout(() => req.socket.destroy(), 10);
        return;
      }
      log.wireBytes = bytes.length;
      res.end(bytes);
    };

    const effect = fault ? effectOf(fault, now) : null;
    if (effect && 'destroy' in effect) {
      log.status = -1;
      req.socket.destroy();
      return;
    }
    if (effect && 'delayMs' in effect) await new Promise((r) => setTimeout(r, effect.delayMs));
    if (effect && 'truncate' in effect) truncate = true;
    if (effect && 'answer' in effect) {
      send(effect.answer, rateHeaders(effect.rate?.remaining ?? rateLimit[resource], effect.rate?.reset));
      return;
    }
    if (rateLimit[resource] <= 0) {
      send(
        {
          status: 403,
          body: {
            message: 'API rate limit exceeded for 127.0.0.1.',
            documentation_url: 'https://docs.github.com/rest',
          },
        },
        rateHeaders(0),
      );
      return;
    }
    if (isGraphQL && !authorization && options.graphqlNeedsToken !== false) {
      const docs = 'https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql';
      send(
        { status: 401, body: { message: 'This endpoint requires you to be authenticated.', documentation_url: docs } },
        {},
      );
      return;
    }
    let answer: RestAnswer;
    if (isGraphQL) {
      answer =
        method === 'POST'
          ? { status: 200, body: await executeGraphQL(served, body) }
          : { status: 404, body: { message: 'Not Found' } };
    } else answer = await rest(served, method, url);
    const extra: Record<string, string> = {};
    if (!isGraphQL && answer.status === 200) {
      const hash = createHash('sha256').update(JSON.stringify(answer.body));
      if (options.etagPerToken) hash.update(`\0${authorization ?? ''}`);
      const etag = `W/"${hash.digest('hex').slice(0, 40)}"`;
      extra.etag = etag;
      // A conditional request answered 304 does not count against the rate limit.
      if (req.headers['if-none-match'] === etag) {
        log.status = 304;
        res.writeHead(304, { etag, ...rateHeaders(rateLimit[resource]) });
        res.end();
        return;
      }
    }
    rateLimit[resource]--;
    send(answer, { ...extra, ...rateHeaders(rateLimit[resource]) });
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({ message: `github-server: ${error instanceof Error ? error.message : String(error)}` }),
        );
      } else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });

  return {
    url: served.base(),
    requests,
    faults,
    pulls: served.pulls,
    rateLimit,
    stars,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
