import { describe, expect, it } from 'vitest';
import {
  documentsTouched,
  isRelevant,
  mergePulls,
  parsePullExport,
  pullFromGitHub,
  pullHref,
  scopesTouched,
} from '../../../src/domain/pulls/pulls.ts';
import type { PullRequest } from '../../../src/domain/schemas/data.ts';
import { realData } from '../../support/real-data.ts';
import { caught } from '../../support/input-error.ts';

const REPO = 'SovereignCloudStack/standards';

const raw = {
  number: 843,
  title: 'Stabilize scs-0214-v2 and IaaS v5',
  state: 'closed',
  draft: false,
  created_at: '2024-11-20T09:00:00+01:00',
  updated_at: '2024-11-26T10:00:00+01:00',
  closed_at: '2024-11-26T10:00:00+01:00',
  merged_at: '2024-11-26T10:00:00+01:00',
  user: { login: 'mbuechse', id: 1 },
  labels: [{ name: 'SCS-VP10' }, 'IaaS'],
  html_url: `https://github.com/${REPO}/pull/843`,
  files: [
    'Tests/scs-compatible-iaas.yaml',
    'Standards/scs-0214-v2-k8s-node-distribution.md',
    'Tests/scs-compatible-iaas.yaml',
    'README.md',
  ],
  head_sha: 'b5a64dc497dd974ec93ce697f41b2944ef69bec1',
};

describe('documentsTouched', () => {
  it('names the documents of changed Standards/ files and those the title names, sorted, once each', () => {
    expect(
      documentsTouched('Update scs-0214-v2', [
        'Standards/scs-0214-v2-k8s-node-distribution.md',
        'Standards/scs-0100-w1-flavor-naming-implementation-testing.md',
        'Tests/x.py',
      ]),
    ).toEqual(['scs-0100-w1', 'scs-0214-v2']);
  });
  it('reads a title in any case, and a series without a version as the series', () => {
    expect(documentsTouched('SCS-0214-V2 and scs-0100: fix', [])).toEqual(['scs-0100', 'scs-0214-v2']);
  });
  it('ignores a number that is no document (scs-12345, xscs-0100) and files outside Standards/', () => {
    expect(documentsTouched('scs-12345 and xscs-0100-v1', ['Drafts/scs-0300-v1-x.md'])).toEqual([]);
  });
});

describe('scopesTouched and isRelevant', () => {
  it('names scopes of changed scope files only', () => {
    expect(
      scopesTouched([
        'Tests/scs-compatible-kaas.yaml',
        'Tests/scs-compatible-iaas.yaml',
        'Tests/iaas/scs-compatible-iaas.yaml',
        'Tests/scs-compatible-iaas.yaml',
      ]),
    ).toEqual(['iaas', 'kaas']);
  });
  it('keeps a pull request that touches Standards/ or a scope file, or names a document', () => {
    expect(isRelevant('x', ['Standards/scs-0001-v1-sovereign-cloud-standards.md'])).toBe(true);
    expect(isRelevant('x', ['Tests/scs-compatible-iaas.yaml'])).toBe(true);
    expect(isRelevant('Discuss scs-0214', ['README.md'])).toBe(true);
    expect(isRelevant('Fix CI', ['README.md', 'Tests/iaas/test.py'])).toBe(false);
  });
});

describe('parsePullExport and pullFromGitHub', () => {
  it('normalises a merged pull request from GitHub’s shape', () => {
    const [p] = parsePullExport([raw], 'pulls.json');
    expect(pullFromGitHub(p!, REPO)).toEqual({
      number: 843,
      title: raw.title,
      state: 'merged',
      author: 'mbuechse',
      createdAt: '2024-11-20T09:00:00+01:00',
      updatedAt: '2024-11-26T10:00:00+01:00',
      mergedAt: '2024-11-26T10:00:00+01:00',
      closedAt: '2024-11-26T10:00:00+01:00',
      labels: ['IaaS', 'SCS-VP10'],
      reviewDecision: null,
      files: ['README.md', 'Standards/scs-0214-v2-k8s-node-distribution.md', 'Tests/scs-compatible-iaas.yaml'],
      documents: ['scs-0214-v2'],
      scopes: ['iaas'],
      url: raw.html_url,
    });
  });
  it('tells merged, closed, draft and open apart', () => {
    const state = (extra: object) =>
      pullFromGitHub(parsePullExport([{ ...raw, ...extra }], 'pulls.json')[0]!, REPO).state;
    expect(state({})).toBe('merged');
    expect(state({ merged_at: null })).toBe('closed');
    expect(state({ merged_at: null, closed_at: null, state: 'open', draft: true })).toBe('draft');
    expect(state({ merged_at: null, closed_at: null, state: 'open', draft: null })).toBe('open');
  });
  it('takes the author from `author`, else the user, else none; the URL from GitHub, else the repository', () => {
    const one = (extra: object) => pullFromGitHub(parsePullExport([{ ...raw, ...extra }], 'pulls.json')[0]!, REPO);
    expect(one({ author: 'someone' }).author).toBe('someone');
    expect(one({ user: null }).author).toBeNull();
    expect(one({ html_url: undefined }).url).toBe(`https://github.com/${REPO}/pull/843`);
  });
  it('refuses an entry naming its index, key, value and expectation', () => {
    const error = caught(() =>
      parsePullExport([raw, { ...raw, number: 844, merged_at: '2024-02-30T10:00:00Z' }], 'pulls.json'),
    );
    expect(error.problems).toEqual([
      {
        file: 'pulls.json',
        key: '[1].merged_at',
        value: '"2024-02-30T10:00:00Z"',
        expected: 'expected an ISO 8601 timestamp',
      },
    ]);
    expect(caught(() => parsePullExport([{ ...raw, state: 'merged' }], 'pulls.json')).problems[0]).toMatchObject({
      key: '[0].state',
      value: '"merged"',
    });
    expect(caught(() => parsePullExport({ pulls: [] }, 'pulls.json')).problems[0]).toMatchObject({
      key: '',
      value: '{"pulls":[]}',
    });
  });
});

describe('pullHref', () => {
  it('links the pull request’s own http(s) URL, and GitHub’s address in place of any other', () => {
    expect(pullHref({ number: 5, url: 'https://example.invalid/pr/5' }, REPO)).toBe('https://example.invalid/pr/5');
    expect(pullHref({ number: 5, url: 'javascript:alert(1)' }, REPO)).toBe(`https://github.com/${REPO}/pull/5`);
    expect(pullHref({ number: 5, url: '' }, REPO)).toBe(`https://github.com/${REPO}/pull/5`);
  });
});

describe('mergePulls', () => {
  const fromCommit = (number: number, files: string[], title = `Commit of #${number}`): PullRequest => ({
    number,
    title,
    state: 'merged',
    author: null,
    createdAt: null,
    updatedAt: null,
    mergedAt: '2024-11-26T10:00:00+01:00',
    closedAt: null,
    labels: [],
    reviewDecision: null,
    files,
    documents: documentsTouched(title, files),
    scopes: scopesTouched(files),
    url: `https://github.com/${REPO}/pull/${number}`,
  });
  it('lets GitHub’s fields win, unites the files and recomputes what they touch', () => {
    const github = pullFromGitHub(parsePullExport([{ ...raw, files: ['README.md'] }], 'pulls.json')[0]!, REPO);
    const [merged] = mergePulls([fromCommit(843, ['Tests/scs-compatible-kaas.yaml'])], [github]);
    expect(merged).toMatchObject({
      title: raw.title,
      author: 'mbuechse',
      createdAt: raw.created_at,
      files: ['README.md', 'Tests/scs-compatible-kaas.yaml'],
      scopes: ['kaas'],
      documents: ['scs-0214-v2'],
    });
  });
  it('keeps pull requests known from one side only, drops irrelevant ones, and orders by number', () => {
    const merged = mergePulls(
      [fromCommit(10, ['Standards/scs-0001-v1-x.md']), fromCommit(3, ['README.md'])],
      [pullFromGitHub(parsePullExport([{ ...raw, number: 9 }], 'pulls.json')[0]!, REPO)],
    );
    expect(merged.map((p) => p.number)).toEqual([9, 10]);
  });
});

describe('the committed pull requests', () => {
  it('say which documents they touch as these functions tell it, and all are relevant', async () => {
    const { pulls, scopes } = await realData();
    expect(pulls.length).toBeGreaterThan(0);
    const ids = scopes.map((s) => s.id);
    for (const p of pulls) {
      expect(p.documents, `#${p.number}`).toEqual(documentsTouched(p.title, p.files));
      expect(isRelevant(p.title, p.files), `#${p.number}`).toBe(true);
      // The sync names scopes by the file's history (`Tests/scs-compatible.yaml` became iaas), so
      // the ids may differ from the file names; but a scope is named only for a changed scope file.
      for (const s of p.scopes) expect(ids, `#${p.number}`).toContain(s);
      if (p.scopes.length > 0) expect(scopesTouched(p.files).length, `#${p.number}`).toBeGreaterThan(0);
    }
  });
});
