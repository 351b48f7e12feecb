/**
 * The sync against the GitHub-compatible server in the modes where GitHub differs from a
 * friendly test server: ETags tied to the token (Actions hands out a new one on every run),
 * a pull-request list whose ETag changes on a push or a star, bodies compressed by a front
 * end with their Content-Length, every form of secondary rate limit, and a 502/504 on a
 * query that carries a large batch.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SKIP_GITHUB_SERVER,
  startGitHubServer,
  type Encoding,
  type Fault,
  type GitHubServer,
  byOperation,
  byPath,
} from '../../support/github-server.ts';
import { copyDir, dirState, tempDir } from '../../support/files.ts';
import { buildHistoryRepo, builtRepoPulls, syncEnv } from './support.ts';
import type { GitRepo } from '../../support/git-repo.ts';
import { runSync } from '../../support/upstream-repo.ts';

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
const DATA_FILES = ['documents.json', 'scopes.json', 'pulls.json', 'meta.json', 'sync-state.json'];

describe.skipIf(SKIP_GITHUB_SERVER)('GitHub sync against GitHub as it behaves', () => {
  let repo: GitRepo;
  let server: GitHubServer;
  /** A cold GitHub sync through the plain server: what every other run must end with. */
  let reference: string;
  /** Data as a git sync left it: a GitHub sync over it is a full one. */
  let base: string;

  beforeAll(async () => {
    repo = buildHistoryRepo();
    server = await startGitHubServer({ repo: repo.dir, pulls: builtRepoPulls(), etagPerToken: true });
    reference = join(tempDir('prod-ref'), 'data');
    const r = await runSync(['--out', reference, '--cache', ''], syncEnv(server.url));
    expect(r.code, r.stderr).toBe(0);
    base = join(tempDir('prod-base'), 'data');
    const g = await runSync(['--git', repo.dir, '--out', base], syncEnv(server.url));
    expect(g.code, g.stderr).toBe(0);
  }, 120_000);
  afterAll(() => server?.close());

  const sameAsReference = (out: string) => {
    for (const f of DATA_FILES) expect(read(out, f), f).toBe(read(reference, f));
  };

  describe('ETags per token', () => {
    let out: string;
    let cache: string;
    beforeAll(async () => {
      out = join(tempDir('prod-etag'), 'data');
      cache = join(tempDir('prod-etag-cache'), 'blobs');
      const r = await runSync(
        ['--out', out, '--cache', cache],
        syncEnv(server.url, { GITHUB_TOKEN: 'token-of-the-first-run-0001' }),
      );
      expect(r.code, r.stderr).toBe(0);
    }, 60_000);

    it('a warm sync with a new token makes 2 requests, gets 200s with the same content and rewrites nothing', async () => {
      const before = dirState(out);
      const start = server.requests.length;
      const r = await runSync(
        ['--out', out, '--cache', cache],
        syncEnv(server.url, { GITHUB_TOKEN: 'token-of-the-next-run-0002' }),
      );
      expect(r.code, r.stderr).toBe(0);
      const made = server.requests.slice(start);
      expect(made.map((q) => [q.conditional, q.status])).toEqual([
        [true, 200],
        [true, 200],
      ]);
      expect(dirState(out)).toEqual(before);
      expect(r.stdout).toMatch(
        /nothing changed upstream \(head [0-9a-f]{7}, newest pull-request update 2024-07-07T08:00:00Z; 0 of 2 answered 304\)/,
      );
      expect(r.stdout).toMatch(/no file changed/);
      // The same token again: its ETags are in the cache now, both answered 304.
      const again = await runSync(
        ['--out', out, '--cache', cache],
        syncEnv(server.url, { GITHUB_TOKEN: 'token-of-the-next-run-0002' }),
      );
      expect(again.code, again.stderr).toBe(0);
      expect(server.requests.slice(-2).map((q) => q.status)).toEqual([304, 304]);
      expect(dirState(out)).toEqual(before);
    });

    it('a star changes the pull-request list ETag, not the content: nothing is fetched or rewritten', async () => {
      const before = dirState(out);
      server.stars.count++;
      const start = server.requests.length;
      const r = await runSync(
        ['--out', out, '--cache', cache],
        syncEnv(server.url, { GITHUB_TOKEN: 'token-of-the-next-run-0002' }),
      );
      expect(r.code, r.stderr).toBe(0);
      expect(server.requests.slice(start).map((q) => `${q.operation ?? q.path.split('?')[0]} ${q.status}`)).toEqual([
        '/repos/SovereignCloudStack/standards/git/ref/heads%2Fmain 304',
        '/repos/SovereignCloudStack/standards/pulls 200',
      ]);
      expect(dirState(out)).toEqual(before);
    });
  });

  describe('a compressing front end', () => {
    const encodings: Encoding[] = ['gzip', 'deflate', 'br'];
    for (const encoding of encodings) {
      it(`syncs through ${encoding} bodies with Content-Length, as without`, async () => {
        const front = await startGitHubServer({ repo: repo.dir, pulls: builtRepoPulls(), compress: encoding });
        try {
          const out = join(tempDir(`prod-${encoding}`), 'data');
          const r = await runSync(['--out', out, '--cache', ''], syncEnv(front.url));
          expect(r.stderr).toBe('');
          expect(r.code).toBe(0);
          expect(front.requests.every((q) => q.status === 200 && q.wireBytes > 0)).toBe(true);
          sameAsReference(out);
        } finally {
          await front.close();
        }
      });
    }

    it('still detects a gzip body broken off on the wire, and retries it', async () => {
      const front = await startGitHubServer({ repo: repo.dir, pulls: builtRepoPulls(), compress: 'gzip' });
      try {
        front.faults.push(
          { kind: 'truncate', match: byOperation('Trees') },
          { kind: 'truncate', match: byPath('/pulls') },
        );
        const out = join(tempDir('prod-gzip-cut'), 'data');
        const r = await runSync(['--out', out, '--cache', ''], syncEnv(front.url));
        expect(r.code, r.stderr).toBe(0);
        expect(r.stderr).toMatch(
          /POST \/graphql: the answer broke off before the \d+ bytes its Content-Length announced \(gzip-encoded\).*; retrying/,
        );
        expect(r.stderr).toMatch(
          /GET \/repos\/SovereignCloudStack\/standards\/pulls: the answer broke off before the \d+ bytes its Content-Length announced \(gzip-encoded\)/,
        );
        expect(front.faults).toHaveLength(0);
        sameAsReference(out);
      } finally {
        await front.close();
      }
    });
  });

  async function withFaults(faults: Fault[], env: Record<string, string> = {}) {
    const out = join(tempDir('prod-faults'), 'data');
    copyDir(base, out);
    const before = dirState(out);
    server.faults.splice(0, server.faults.length, ...faults);
    const start = server.requests.length;
    const started = Date.now();
    const run = await runSync(['--out', out, '--cache', ''], syncEnv(server.url, env));
    const left = server.faults.splice(0).length;
    return {
      run,
      out,
      before,
      after: dirState(out),
      made: server.requests.slice(start),
      left,
      ms: Date.now() - started,
    };
  }

  describe('secondary rate limits in every form', () => {
    const waited: [string, Fault, RegExp][] = [
      [
        'REST 403 with retry-after',
        { kind: 'secondary', status: 403, retryAfter: 1, match: byPath('/pulls') },
        /secondary rate limit on GET \/repos\/\{owner\}\/\{repo\}\/pulls: waiting 1 s \(403, retry-after 1 s/,
      ],
      [
        'REST 429 with retry-after',
        { kind: 'secondary', status: 429, retryAfter: 1, match: byPath('git/ref') },
        /secondary rate limit on GET .*git\/ref.*: waiting 1 s \(429, retry-after 1 s/,
      ],
      [
        'GraphQL 403 with retry-after',
        { kind: 'secondary', status: 403, retryAfter: 1, match: byOperation('History') },
        /secondary rate limit on POST \/graphql: waiting 1 s \(403, retry-after 1 s/,
      ],
      [
        'GraphQL 200 with the error in the body',
        { kind: 'graphql-secondary', retryAfter: 1, match: byOperation('Blobs') },
        /secondary rate limit on POST \/graphql: waiting 1 s \(200, retry-after 1 s/,
      ],
    ];
    for (const [name, fault, message] of waited) {
      it(`waits out ${name} and completes`, async () => {
        const r = await withFaults([fault]);
        expect(r.run.code, r.run.stderr).toBe(0);
        expect(r.left).toBe(0);
        expect(r.run.stderr).toMatch(message);
        expect(r.ms).toBeGreaterThan(1000);
        sameAsReference(r.out);
      });
    }

    const refused: [string, Fault, string][] = [
      [
        'REST 403 without retry-after',
        { kind: 'secondary', status: 403, retryAfter: null, match: byPath('/pulls') },
        'GET /repos/SovereignCloudStack/standards/pulls',
      ],
      [
        'REST 429 without retry-after',
        { kind: 'secondary', status: 429, retryAfter: null, match: byPath('git/ref') },
        'GET /repos/SovereignCloudStack/standards/git/ref/heads/main',
      ],
      [
        'GraphQL 200 without retry-after',
        { kind: 'graphql-secondary', retryAfter: null, match: byOperation('Trees') },
        'GraphQL Trees',
      ],
    ];
    for (const [name, fault, what] of refused) {
      it(`fails on ${name} when 60 s exceed --max-wait, saying so and changing nothing`, async () => {
        const r = await withFaults([fault]);
        expect(r.run.code).toBe(1);
        expect(r.after).toEqual(r.before);
        expect(r.run.stderr).toContain(`${what} at ${server.url}`);
        expect(r.run.stderr).toMatch(
          /failed: GitHub refused with its secondary rate limit \((403|429|200), no retry-after\): too many requests in a short time\. GitHub gave no retry-after, so the sync would wait 60 s, more than the 5 s this sync may wait\. Run again in a few minutes, or raise --max-wait/,
        );
        expect(r.run.stderr).not.toMatch(/used up/);
      });
    }

    it('bounds all waits together by --max-wait', async () => {
      const faults: Fault[] = [1, 2, 3].map(() => ({
        kind: 'secondary',
        status: 429,
        retryAfter: 2,
        match: byOperation('Pulls'),
      }));
      const r = await withFaults(faults, { SCS_SYNC_MAX_WAIT: '5' });
      expect(r.run.code).toBe(1);
      expect(r.run.stderr.match(/waiting 2 s/g)).toHaveLength(2);
      expect(r.run.stderr).toMatch(/GitHub asks to wait 2 s, more than the 5 s this sync may wait \(1 s left\)/);
      expect(r.after).toEqual(r.before);
    });
  });

  describe('502/504 on a query that carries a batch', () => {
    it('halves the blobs of a 502 and goes on', async () => {
      const r = await withFaults([{ kind: 'status', status: 502, match: byOperation('Blobs') }]);
      expect(r.run.code, r.run.stderr).toBe(0);
      const blobs = r.made.filter((q) => q.operation === 'Blobs').map((q) => q.status);
      expect(blobs[0]).toBe(502);
      expect(blobs.slice(1).every((s) => s === 200)).toBe(true);
      expect(r.run.stderr).toMatch(
        /GitHub GraphQL Blobs: \d+ objects took too long \(502\/504\); asking for \d+ at a time/,
      );
      sameAsReference(r.out);
    });

    it('halves the page of pull requests of a 504 and goes on', async () => {
      const r = await withFaults([{ kind: 'status', status: 504, match: byOperation('Pulls') }]);
      expect(r.run.code, r.run.stderr).toBe(0);
      expect(r.made.filter((q) => q.operation === 'Pulls').map((q) => q.status)).toEqual([504, 200]);
      expect(r.run.stderr).toMatch(/GraphQL Pulls: 100 objects took too long \(502\/504\); asking for 50 at a time/);
      sameAsReference(r.out);
    });

    it('retries a query of one object as it is, then fails naming it', async () => {
      const faults: Fault[] = Array.from({ length: 12 }, () => ({
        kind: 'status',
        status: 502,
        match: byOperation('History'),
      }));
      const r = await withFaults(faults);
      expect(r.run.code).toBe(1);
      expect(r.after).toEqual(r.before);
      expect(r.run.stderr).toMatch(/asking for 1 at a time/);
      expect(r.run.stderr).toMatch(
        /GraphQL History at .* failed: GitHub kept failing \(502\) after 3 retries; try again later\./,
      );
    });
  });

  it('reads every changed file of a pull request with more than 100 (MoreFiles)', async () => {
    const files = Array.from({ length: 250 }, (_, i) => `Standards/scs-${String(9000 + i)}-v1-big.md`);
    server.pulls.push({
      number: 30,
      title: 'A large change',
      state: 'open',
      created_at: '2024-07-08T10:00:00Z',
      updated_at: '2024-07-08T10:00:00Z',
      author: 'erin',
      labels: [],
      files,
    });
    try {
      const out = join(tempDir('prod-more'), 'data');
      const start = server.requests.length;
      const r = await runSync(['--out', out, '--cache', ''], syncEnv(server.url));
      expect(r.code, r.stderr).toBe(0);
      expect(server.requests.slice(start).filter((q) => q.operation === 'MoreFiles')).toHaveLength(2);
      const pulls = JSON.parse(read(out, 'pulls.json')) as { number: number; files: string[] }[];
      expect(pulls.find((p) => p.number === 30)!.files).toEqual([...files].sort());
    } finally {
      server.pulls.splice(
        server.pulls.findIndex((p) => p.number === 30),
        1,
      );
    }
  });
});
