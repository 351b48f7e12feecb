/**
 * The same broken scope files, synced from GitHub's API (the local test server backed by
 * the corpus repository) instead of a clone: the policy does not depend on the source.
 * Each fails with the same message, and `data/` stays byte-identical (bytes and mtimes).
 * A 20 MB file is left to the git source: through the API it is 27 MB of base64 JSON.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncFromGit, syncFromGitHub } from '../../../scripts/lib/sync.ts';
import { InputError } from '../../../src/domain/parse/errors.ts';
import { SKIP_GITHUB_SERVER, startGitHubServer, type GitHubServer } from '../../support/github-server.ts';
import { SCOPE_PATH } from '../../support/upstream-repo.ts';
import { caseBranch, faultRepo, HEAD_CASES } from './corpus.ts';
import { ageFiles, dirState, tempDir } from '../../support/files.ts';

const SAMPLE = ['invalid YAML', 'impossible date 2024-02-30', 'an alias bomb', 'invalid UTF-8'];

describe.skipIf(SKIP_GITHUB_SERVER)('a broken scope file at the head, synced from GitHub', () => {
  let server: GitHubServer;
  let baseline: string;

  beforeAll(async () => {
    const repo = await faultRepo();
    baseline = join(tempDir('gh-baseline'), 'data');
    await syncFromGit({ git: repo, out: baseline });
    server = await startGitHubServer({ repo });
  });
  afterAll(() => server?.close());

  // A few kinds of breakage (syntax, schema, bytes, size of the tree): each GitHub sync
  // without state reads the whole history, seconds apiece, and the git source runs them all.
  const cases = HEAD_CASES.map((c, i) => ({ ...c, i })).filter((c) => SAMPLE.includes(c.name));

  it('samples cases that exist', () => expect(cases.map((c) => c.name)).toEqual(SAMPLE));

  it.each(cases)('$name', async ({ says, i }) => {
    const out = join(tempDir('gh-data'), 'data');
    cpSync(baseline, out, { recursive: true });
    ageFiles(out);
    const before = dirState(out);
    const error = await syncFromGitHub({
      repo: 'SovereignCloudStack/standards',
      out,
      branch: caseBranch(i),
      client: { apiUrl: server.url, token: 'test-token-for-the-local-server', retryBaseMs: 5, graphqlSpacingMs: 0 },
      cache: null,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    const message = (error as InputError).message;
    expect(message.startsWith(SCOPE_PATH)).toBe(true);
    for (const fragment of says) expect(message).toContain(fragment);
    expect(dirState(out)).toEqual(before);
  });
});
