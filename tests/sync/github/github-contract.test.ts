/**
 * The two contracts with GitHub, checked against GitHub's own descriptions:
 * - every GraphQL document the sync can send, every variant (aliased batches of one and many
 *   objects, `MoreFiles` with a cursor), validates against `@octokit/graphql-schema`;
 * - every REST answer of the GitHub-compatible server (the routes the sync uses, their 404)
 *   validates against the response schema `@octokit/openapi` gives for that operation, so
 *   the server is not a friendlier GitHub than GitHub.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { validate } from '@octokit/graphql-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aliasedDocument,
  BLOBS,
  HISTORY_QUERY,
  MERGES,
  MORE_FILES,
  PATH_BLOBS,
  PULLS_QUERY,
  TREES,
} from '../../../scripts/lib/github/queries.ts';
import { SKIP_GITHUB_SERVER, startGitHubServer, type GitHubServer } from '../../support/github-server.ts';
import { buildHistoryRepo, builtRepoPulls, git } from './support.ts';

const OID = 'a'.repeat(40);
const OID2 = 'b'.repeat(40);

describe('GraphQL documents against GitHub’s published schema', () => {
  const documents: [string, string][] = [
    ['History', HISTORY_QUERY],
    ['Pulls', PULLS_QUERY],
    ['Trees of one', aliasedDocument(TREES, [OID])],
    ['Trees of many', aliasedDocument(TREES, [OID, OID2])],
    ['Blobs of one', aliasedDocument(BLOBS, [OID])],
    ['Blobs of many', aliasedDocument(BLOBS, [OID, OID2])],
    ['Merges of one', aliasedDocument(MERGES, [7])],
    ['Merges of many', aliasedDocument(MERGES, [7, 1234])],
    ['PathBlobs of one', aliasedDocument(PATH_BLOBS, [{ commit: OID, path: 'Tests/scs-compatible-iaas.yaml' }])],
    [
      'PathBlobs of many',
      aliasedDocument(PATH_BLOBS, [
        { commit: OID, path: 'Standards/scs-0100-v3-flavor-naming.md' },
        { commit: OID2, path: 'Standards/a "quoted" name.md' },
      ]),
    ],
    ['MoreFiles of one', aliasedDocument(MORE_FILES, [{ number: 7, after: 'Y3Vyc29yOjEwMA==' }])],
    [
      'MoreFiles of many',
      aliasedDocument(MORE_FILES, [
        { number: 7, after: 'Y3Vyc29yOjEwMA==' },
        { number: 1234, after: 'a "quoted" cursor' },
      ]),
    ],
  ];
  for (const [name, doc] of documents) {
    it(`${name} is valid`, () => {
      expect(validate(doc).map((e) => e.message)).toEqual([]);
    });
  }
  it('the check can fail: a field GitHub does not have is reported', () => {
    expect(
      validate(HISTORY_QUERY.replace('committer { date }', 'committer { date nope }')).map((e) => e.message),
    ).toEqual([expect.stringMatching(/Cannot query field "nope" on type "GitActor"/)]);
  });
});

/** The response schema of one operation in GitHub's OpenAPI description. */
function openapi() {
  const file = createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json');
  const spec = JSON.parse(readFileSync(file, 'utf8'));
  const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: false });
  ajv.addSchema(spec, 'openapi');
  const pointer = (parts: string[]) =>
    parts.map((p) => encodeURIComponent(p.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');
  return (path: string, status: string, body: unknown) => {
    const validateBody = ajv.compile({
      $ref: `openapi#/${pointer(['paths', path, 'get', 'responses', status])}/content/application~1json/schema`,
    });
    return validateBody(body) ? [] : (validateBody.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };
}

describe.skipIf(SKIP_GITHUB_SERVER)('GitHub-compatible server against GitHub’s OpenAPI description', () => {
  let server: GitHubServer;
  let check: ReturnType<typeof openapi>;
  let blob: string;
  const repoPath = '/repos/SovereignCloudStack/standards';

  beforeAll(async () => {
    const repo = buildHistoryRepo();
    blob = git(repo.dir, ['rev-parse', 'main:Tests/scs-compatible-iaas.yaml']).trim();
    server = await startGitHubServer({ repo: repo.dir, pulls: builtRepoPulls() });
    check = openapi();
  }, 120_000);
  afterAll(() => server?.close());

  const get = async (path: string) => {
    const res = await fetch(`${server.url}${path}`);
    return { status: res.status, body: await res.json() };
  };

  it('GET git/ref/heads/main is a git-ref', async () => {
    const r = await get(`${repoPath}/git/ref/heads%2Fmain`);
    expect(r.status).toBe(200);
    expect(check('/repos/{owner}/{repo}/git/ref/{ref}', '200', r.body)).toEqual([]);
  });

  it('GET pulls is a list of pull-request-simple, head and base repositories included', async () => {
    const r = await get(`${repoPath}/pulls?state=all&sort=updated&direction=desc&per_page=100`);
    expect(r.status).toBe(200);
    expect(r.body).toHaveLength(builtRepoPulls().length);
    expect(check('/repos/{owner}/{repo}/pulls', '200', r.body)).toEqual([]);
    // The check can fail: drop a field GitHub always sends.
    const list: unknown = r.body;
    if (!Array.isArray(list)) throw new Error('expected a list');
    const { head: _head, ...withoutHead } = list[0];
    expect(check('/repos/{owner}/{repo}/pulls', '200', [withoutHead])).toEqual([
      expect.stringMatching(/must have required property 'head'/),
    ]);
  });

  it('GET git/blobs/{sha} is a blob', async () => {
    const r = await get(`${repoPath}/git/blobs/${blob}`);
    expect(r.status).toBe(200);
    expect(check('/repos/{owner}/{repo}/git/blobs/{file_sha}', '200', r.body)).toEqual([]);
  });

  it('GET rate_limit is a rate-limit-overview', async () => {
    const r = await get('/rate_limit');
    expect(check('/rate_limit', '200', r.body)).toEqual([]);
  });

  it('a missing ref answers 404 with a basic-error', async () => {
    const r = await get(`${repoPath}/git/ref/heads%2Fnope`);
    expect(r.status).toBe(404);
    const file = createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json');
    const spec = JSON.parse(readFileSync(file, 'utf8'));
    expect(spec.paths['/repos/{owner}/{repo}/git/ref/{ref}'].get.responses['404'].$ref).toBe(
      '#/components/responses/not_found',
    );
    expect(r.body).toMatchObject({ message: 'Not Found', documentation_url: expect.any(String) });
  });
});
