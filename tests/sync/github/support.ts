/**
 * Helpers for the GitHub-sync tests: the environment for running the real `node scripts/sync.ts`
 * against the test server, and the small upstream they serve (built with tests/support/git-repo.ts)
 * with the pull-request export that goes with it.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { gitRepo, type GitRepo } from '../../support/git-repo.ts';
import { documentMd, scopeYamlFrom } from '../../support/upstream-files.ts';

export const ROOT = resolve(import.meta.dirname, '../../..');

/** A token for the test server (GraphQL asks for one, as GitHub does); never a real one. */
export const TEST_TOKEN = 'test-token-for-the-local-server';

/** Environment for a sync against the test server: fast retries, no spacing, the test token (not an inherited one). */
export function syncEnv(apiUrl: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.GITHUB_TOKEN;
  return {
    ...env,
    GITHUB_API_URL: apiUrl,
    GITHUB_TOKEN: TEST_TOKEN,
    SCS_SYNC_RETRY_BASE_MS: '5',
    SCS_SYNC_GRAPHQL_SPACING_MS: '0',
    SCS_SYNC_TIMEOUT_MS: '5000',
    SCS_SYNC_MAX_WAIT: '5',
    ...extra,
  };
}

export function git(dir: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
}

const IAAS = '50393e6f-2ae1-4c5c-a62c-3b75f2abef3f';
const KAAS = '1fffebe6-fd4b-44d3-a36c-fc58b4bb0180';

/**
 * A small upstream with what the git source has to get right: a scope file renamed with an
 * edit (git -M), a merge commit whose branch commits are not first-parent, committer offsets
 * (negative, UTC, late evening), CRLF and a BOM in a document, an exact rename, a deletion,
 * a commit that touches no tracked path.
 */
export function buildHistoryRepo(): GitRepo {
  const repo = gitRepo();
  repo.commit(
    'Initial standards',
    { date: '2024-01-10T10:00:00+02:00' },
    {
      'README.md': '# Standards\n',
      'Tests/scs-compatible.yaml': scopeYamlFrom({
        name: 'SCS-compatible IaaS',
        uuid: IAAS,
        timeline: [{ date: '2024-02-01', versions: { v1: 'effective', v2: 'draft' } }],
        padding: 40,
      }),
      'Tests/other.yaml': 'not: a scope\n',
      'Standards/scs-0001-v1-sovereign.md': documentMd({
        title: 'Sovereign Cloud Standards',
        type: 'Procedural',
        status: 'Stable',
        track: 'Global',
        stabilized_at: '2022-11-28',
      }),
      'Standards/scs-0003-v1-old-name.md': documentMd({
        title: 'Scope YAML',
        type: 'Standard',
        status: 'Draft',
        track: 'Global',
      }),
      'Standards/scs-XXXX-vN-template.md': documentMd({
        title: 'Template',
        type: 'Standard',
        status: 'Draft',
        track: 'Global',
      }),
    },
  );
  repo.commit(
    'Rename the IaaS scope file (#12)',
    { date: '2024-03-01T09:00:00+01:00' },
    {
      'Tests/scs-compatible.yaml': null,
      'Tests/scs-compatible-iaas.yaml': scopeYamlFrom({
        name: 'SCS-compatible IaaS',
        uuid: IAAS,
        timeline: [
          { date: '2024-04-01', versions: { v1: 'warn', v2: 'effective' } },
          { date: '2024-02-01', versions: { v1: 'effective', v2: 'draft' } },
        ],
        padding: 40,
      }),
    },
  );
  repo.checkout('feature', true);
  repo.commit(
    'Add scs-0002 draft',
    { date: '2024-03-02T08:00:00+01:00' },
    {
      'Standards/scs-0002-v1-bar.md': Buffer.from(
        `\ufeff${documentMd({ title: 'Bar', type: 'Decision Record', status: 'Draft', track: 'IaaS' }).replace(/\n/g, '\r\n')}`,
        'utf8',
      ),
    },
  );
  repo.commit('Fix a typo', { date: '2024-03-03T08:00:00+01:00' }, { 'README.md': '# Standards!\n' });
  repo.checkout('main');
  repo.commit(
    'Add KaaS scope (#14)',
    { date: '2024-03-04T23:30:00-05:00' },
    {
      'Tests/scs-compatible-kaas.yaml': scopeYamlFrom({
        name: 'SCS-compatible KaaS',
        uuid: KAAS,
        timeline: [{ date: '2024-03-10', versions: { v1: 'effective' } }],
        versions: ['v1'],
      }),
    },
  );
  repo.merge('feature', 'Merge pull request #15 from someone/feature\n\nAdd scs-0002 draft', {
    date: '2024-03-06T12:00:00+00:00',
  });
  repo.commit(
    'Stabilize scs-0002, rename scs-0003 (#16)',
    { date: '2024-05-01T00:30:00+02:00' },
    {
      'Standards/scs-0002-v1-bar.md': Buffer.from(
        `\ufeff${documentMd({ title: 'Bar', type: 'Decision Record', status: 'Stable', track: 'IaaS', stabilized_at: '2024-05-01' }).replace(/\n/g, '\r\n')}`,
        'utf8',
      ),
      'Standards/scs-0003-v1-old-name.md': null,
      'Standards/scs-0003-v1-new-name.md': documentMd({
        title: 'Scope YAML',
        type: 'Standard',
        status: 'Draft',
        track: 'Global',
      }),
    },
  );
  repo.commit(
    'Drop the template, rewrite scs-0001 (#17)',
    { date: '2024-06-01T10:00:00+02:00' },
    {
      'Standards/scs-XXXX-vN-template.md': null,
      'Standards/scs-0001-v1-sovereign.md': documentMd({
        title: 'Sovereign Cloud Standards, rewritten',
        type: 'Procedural',
        status: 'Deprecated',
        track: 'Global',
        stabilized_at: '2022-11-28',
        deprecated_at: '2024-06-01',
      }),
    },
  );
  repo.commit('Unrelated (#18)', { date: '2024-06-15T10:00:00+02:00' }, { 'README.md': '# Standards of SCS\n' });
  repo.commit(
    'Timeline for v2 (#19)',
    { date: '2024-07-01T10:00:00+02:00' },
    {
      'Tests/scs-compatible-iaas.yaml': scopeYamlFrom({
        name: 'SCS-compatible IaaS',
        uuid: IAAS,
        timeline: [
          { date: '2024-08-01', versions: { v2: 'effective' } },
          { date: '2024-04-01', versions: { v1: 'warn', v2: 'effective' } },
          { date: '2024-02-01', versions: { v1: 'effective', v2: 'draft' } },
        ],
        padding: 40,
      }),
    },
  );
  // The open #20's head, published as GitHub publishes it: it stabilizes scs-0003-v1.
  repo.checkout('stabilize-0003', true);
  const head20 = repo.commit(
    'Stabilize scs-0003-v1',
    { date: '2024-07-03T10:00:00+02:00' },
    {
      'Standards/scs-0003-v1-new-name.md': documentMd({
        title: 'Scope YAML',
        type: 'Standard',
        status: 'Stable',
        track: 'Global',
        stabilized_at: '2024-09-01',
      }),
    },
  );
  git(repo.dir, ['update-ref', 'refs/pull/20/head', head20]);
  repo.checkout('main');
  return repo;
}

/** Pull requests for the built repository, in the fixture's (REST) shape. */
export function builtRepoPulls() {
  return [
    {
      number: 12,
      title: 'Rename the IaaS scope file',
      state: 'closed' as const,
      draft: false,
      created_at: '2024-02-28T10:00:00Z',
      updated_at: '2024-03-01T08:00:00Z',
      closed_at: '2024-03-01T08:00:00Z',
      merged_at: '2024-03-01T08:00:00Z',
      author: 'alice',
      labels: ['standards'],
      files: ['Tests/scs-compatible.yaml', 'Tests/scs-compatible-iaas.yaml'],
      review_decision: 'APPROVED' as const,
    },
    {
      number: 15,
      title: 'Add scs-0002 draft',
      state: 'closed' as const,
      draft: false,
      created_at: '2024-03-02T07:00:00Z',
      updated_at: '2024-03-06T12:00:00Z',
      closed_at: '2024-03-06T12:00:00Z',
      merged_at: '2024-03-06T12:00:00Z',
      author: 'bob',
      labels: [],
      files: ['Standards/scs-0002-v1-bar.md', 'README.md'],
    },
    {
      number: 20,
      title: '<script>alert(1)</script> Stabilize SCS-0003-v1',
      state: 'open' as const,
      draft: true,
      created_at: '2024-07-02T10:00:00Z',
      updated_at: '2024-07-03T10:00:00Z',
      closed_at: null,
      merged_at: null,
      author: 'carol',
      labels: [{ name: 'SCS is standardized' }],
      files: ['Standards/scs-0003-v1-new-name.md'],
      review_decision: 'REVIEW_REQUIRED' as const,
    },
    {
      number: 21,
      title: 'Fix CI',
      state: 'closed' as const,
      draft: false,
      created_at: '2024-07-04T10:00:00Z',
      updated_at: '2024-07-05T10:00:00Z',
      closed_at: '2024-07-05T10:00:00Z',
      merged_at: null,
      author: null,
      labels: [],
      files: ['.github/workflows/ci.yml'],
    },
    {
      number: 22,
      title: 'Discuss scs-0214 wording',
      state: 'closed' as const,
      draft: false,
      created_at: '2024-07-06T10:00:00Z',
      updated_at: '2024-07-07T10:00:00+02:00',
      closed_at: '2024-07-07T10:00:00+02:00',
      merged_at: null,
      author: 'dave',
      labels: [],
      files: ['docs/notes.md'],
    },
  ];
}
