/**
 * The sync from a local clone on a throwaway repository built with the git command line:
 * squash merges and real `--no-ff` merges (first-parent history), committer dates with
 * offsets near midnight, the rename of Tests/scs-compatible.yaml, the legacy format turning
 * into the timeline format, a revision that does not parse, pruned timeline entries, a
 * malformed document; then byte-identical re-syncs and the summary of changes.
 */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { accumulatedTimelines, fullTimeline } from '../../../src/domain/scopes/scopes.ts';
import { Dataset, type Revision } from '../../../src/domain/schemas/data.ts';
import { validityOn } from '../../../src/domain/scopes/validity.ts';
import { readDataset } from '../../../src/io/dataset.ts';
import { gitRepo, type GitRepo } from '../../support/git-repo.ts';
import { runScript, syncGit } from '../../support/upstream-repo.ts';
import { scopeYaml } from '../../support/upstream-files.ts';
import { ageFiles, dirState, tempDir } from '../../support/files.ts';

const LEGACY_V1 = `name: SCS Compatible
url: https://example.invalid/Tests/scs-compatible.yaml
iaas:
  - version: v1
    stabilized_at: 2021-01-01
    # obsoleted_at: 2023-10-03
    standards:
      - name: Flavor naming
        url: https://example.invalid/scs-0100-v1-flavor-naming.md
`;
const LEGACY_V2 = `${LEGACY_V1.replace('    # obsoleted_at: 2023-10-03\n', '    obsoleted_at: 2023-10-31\n')}  - version: v2
    stabilized_at: 2023-03-23
    standards:
      - name: Flavor naming
        url: https://example.invalid/scs-0100-v2-flavor-naming.md
`;
const LEGACY_IAAS = `${LEGACY_V2.replace('name: SCS Compatible\n', 'name: SCS Compatible IaaS\n').replace('iaas:', 'versions:')}  - version: v3
    standards: []
`;

const V3_V2_V1 = `  - version: v3
    include: [scs-0100-v3.1]
  - version: v2
    stabilized_at: 2023-03-23
    include: [scs-0100-v3.1]
  - version: v1
    stabilized_at: 2021-01-01
    include: []
`;
const timelineFile = (timeline: string, afterUrl = '') => scopeYaml({ timeline, versions: V3_V2_V1, afterUrl });
const ENTRY_2021 = '  - date: 2021-01-01\n    versions:\n      v1: effective\n';
const ENTRY_2023 = '  - date: 2023-03-23\n    versions:\n      v1: effective\n      v2: effective\n';
const ENTRY_2023_10 = '  - date: 2023-10-31\n    versions:\n      v2: effective\n';
const ENTRY_2024 = '  - date: 2024-08-14\n    versions:\n      v2: effective\n      v3: draft\n';
const ENTRY_2024_11 = '  - date: 2024-11-26\n    versions:\n      v2: warn\n      v3: effective\n';

const doc = (title: string, status: string, extra = '') =>
  `---\ntitle: ${title}\ntype: Standard\nstatus: ${status}\ntrack: IaaS\n${extra}---\n\n<!-- body -->\n`;

let repo: GitRepo;
const commits: Record<string, string> = {};

/** The upstream history, oldest first. */
function buildUpstream(): GitRepo {
  const r = gitRepo('sync');
  r.write({
    'Tests/scs-compatible.yaml': LEGACY_V1,
    'Standards/scs-0100-v1-flavor-naming.md': doc('Flavor naming', 'Stable', 'stabilized_at: 2021-07-01\n'),
    'README.md': '# standards\n',
  });
  commits.first = r.commit('Add scs-compatible.yaml (#206)', { date: '2023-02-14T10:00:00+01:00' });
  // A pull request with two commits of its own, merged with a real merge commit.
  r.checkout('v2', true);
  r.write({ 'Tests/scs-compatible.yaml': LEGACY_V2.replace('stabilized_at: 2023-03-23', 'stabilized_at: 2023-03-30') });
  commits.wip = r.commit('WIP: v2', { date: '2023-03-20T09:00:00+01:00' });
  r.write({ 'Tests/scs-compatible.yaml': LEGACY_V2 });
  r.commit('v2: final date', { date: '2023-03-21T09:00:00+01:00' });
  r.checkout('main');
  r.write({ 'Standards/scs-0101-v1-entropy.md': doc('Entropy', 'Draft') });
  commits.entropy = r.commit('Add entropy standard (#250)', { date: '2023-03-25T12:00:00+01:00' });
  // Merged at 23:30 in UTC-7: already 2023-03-29 in UTC, but the committer's day is the 28th.
  commits.merge253 = r.merge('v2', 'Merge pull request #253 from someone/v2\n\nAdd SCS-compatible v2', {
    date: '2023-03-28T23:30:00-07:00',
  });
  // The rename, with a change, 00:30 in UTC+1 (still 2023-11-29 in UTC).
  r.move('Tests/scs-compatible.yaml', 'Tests/scs-compatible-iaas.yaml');
  r.write({ 'Tests/scs-compatible-iaas.yaml': LEGACY_IAAS });
  commits.rename = r.commit('Split scope files (#362)', { date: '2023-11-30T00:30:00+01:00' });
  r.write({ 'Tests/scs-compatible-iaas.yaml': timelineFile(ENTRY_2024 + ENTRY_2023_10 + ENTRY_2023 + ENTRY_2021) });
  commits.timeline = r.commit('Increase granularity of certification (#668)', { date: '2024-08-14T15:31:06+02:00' });
  r.write({
    'Tests/scs-compatible-iaas.yaml': timelineFile(
      ENTRY_2024_11 + ENTRY_2024 + ENTRY_2023_10 + ENTRY_2023 + ENTRY_2021,
    ).replace('      v3: effective\n', '       v3: effective\n'),
  });
  commits.broken = r.commit('Stabilize v3 (#843)', { date: '2024-11-26T20:42:25+01:00' });
  r.write({
    'Tests/scs-compatible-iaas.yaml': timelineFile(
      ENTRY_2024_11 + ENTRY_2024 + ENTRY_2023_10 + ENTRY_2023 + ENTRY_2021,
    ),
  });
  commits.hotfix = r.commit('Hotfix: syntax error in yaml file (#844)', { date: '2024-11-26T21:14:33+01:00' });
  // A change to the file that changes neither timeline nor versions is not a revision.
  r.write({
    'Tests/scs-compatible-iaas.yaml': timelineFile(
      ENTRY_2024_11 + ENTRY_2024 + ENTRY_2023_10 + ENTRY_2023 + ENTRY_2021,
      '\nvariables: [os_cloud]',
    ),
  });
  commits.cosmetic = r.commit('Add variables (#850)', { date: '2024-12-01T10:00:00+01:00' });
  // Pruned: entries older than six months removed (scs-0003-v1).
  r.write({ 'Tests/scs-compatible-iaas.yaml': timelineFile(ENTRY_2024_11 + ENTRY_2024, '\nvariables: [os_cloud]') });
  commits.prune = r.commit('Prune old content from spec YAML (#928)', { date: '2025-05-22T12:35:00+02:00' });
  r.write({ 'README.md': '# standards\n\nmore\n' });
  commits.readme = r.commit('Update README (#930)', { date: '2025-05-23T10:00:00+02:00' });
  r.write({
    'Standards/scs-0102-v1-no-front-matter.md': '# Image metadata\n\nNo front matter at all.\n',
    'Standards/scs-XXXX-vN-standard-template.md': doc('Template', 'Draft'),
  });
  commits.head = r.commit('Add image metadata draft and template (#940)', { date: '2025-06-01T08:00:00+00:00' });
  return r;
}

let out: string;
let first: { code: number; stdout: string; stderr: string };
let data: Dataset;
let revisions: Revision[];

beforeAll(async () => {
  repo = buildUpstream();
  out = join(tempDir('sync-out'), 'data');
  first = await syncGit(repo.dir, out);
  data = await readDataset(out);
  revisions = data.scopes[0]!.revisions;
});

describe('sync from a throwaway git repository', () => {
  it('succeeds, writes the four files and prints the summary', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('wrote meta.json, scopes.json, documents.json, pulls.json');
    expect(first.stdout).toContain('first sync: no previous data');
    expect(first.stdout).toMatch(/2 documents, 1 scopes \(iaas: 7 revisions; 7 in all\), \d+ pull requests/);
  });
  it('records the head commit and its day', () => {
    expect(data.meta.source).toEqual({
      repo: 'SovereignCloudStack/standards',
      branch: 'main',
      commit: commits.head,
      committedAt: '2025-06-01T08:00:00+00:00',
      date: '2025-06-01',
    });
  });
  it('has one revision per first-parent commit that changed timeline or versions', () => {
    expect(revisions.map((r) => [r.commit, r.date, r.pr, r.format, r.file])).toEqual([
      [commits.first, '2023-02-14', 206, 'legacy', 'Tests/scs-compatible.yaml'],
      [commits.merge253, '2023-03-28', 253, 'legacy', 'Tests/scs-compatible.yaml'],
      [commits.rename, '2023-11-30', 362, 'legacy', 'Tests/scs-compatible-iaas.yaml'],
      [commits.timeline, '2024-08-14', 668, 'timeline', 'Tests/scs-compatible-iaas.yaml'],
      [commits.broken, '2024-11-26', 843, 'unparseable', 'Tests/scs-compatible-iaas.yaml'],
      [commits.hotfix, '2024-11-26', 844, 'timeline', 'Tests/scs-compatible-iaas.yaml'],
      [commits.prune, '2025-05-22', 928, 'timeline', 'Tests/scs-compatible-iaas.yaml'],
    ]);
  });
  it('takes the title of a merge commit from its body, never a commit of the merged branch', () => {
    expect(revisions[1]!.title).toBe('Add SCS-compatible v2');
    expect(revisions.some((r) => r.commit === commits.wip)).toBe(false);
    // The branch's own dates (v2 stabilized 2023-03-30 in the WIP commit) never show.
    expect(revisions[1]!.versions.map((v) => `${v.name}:${v.stabilizedAt}`)).toEqual([
      'v1:2021-01-01',
      'v2:2023-03-23',
    ]);
  });
  it('uses the committer day in its own offset, not in UTC', () => {
    expect(revisions[1]!.date).toBe('2023-03-28');
    expect(revisions[2]!.date).toBe('2023-11-30');
  });
  it('derives the legacy timelines (obsoleted_at = last valid day; drafts since they appeared)', () => {
    const [r206, r253, r362] = revisions;
    expect(r206!.timeline).toEqual([{ date: '2021-01-01', versions: { v1: 'effective' } }]);
    expect(validityOn(r253!.timeline, 'v1', '2023-10-31')).toBe('effective');
    expect(validityOn(r253!.timeline, 'v1', '2023-11-01')).toBe('deprecated');
    expect(validityOn(r253!.timeline, 'v2', '2023-03-22')).toBe('deprecated');
    expect(validityOn(r253!.timeline, 'v2', '2023-03-23')).toBe('effective');
    expect(validityOn(r362!.timeline, 'v3', '2023-11-29')).toBe('deprecated');
    expect(validityOn(r362!.timeline, 'v3', '2023-11-30')).toBe('draft');
    expect(r362!.versions.map((v) => v.name)).toEqual(['v1', 'v2', 'v3']);
  });
  it('keeps the revision that did not parse, with a warning naming file, commit, day and pull request', () => {
    expect(revisions[4]!.error).toMatch(
      /^Tests\/scs-compatible-iaas\.yaml: line \d+, column \d+ = .*YAML syntax error/,
    );
    expect(revisions[4]!.timeline).toEqual([]);
    expect(data.meta.warnings.filter((w) => w.includes('unparseable'))).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Tests/scs-compatible-iaas\\.yaml at ${commits.broken!.slice(0, 7)} \\(2024-11-26, #843\\): kept in the history as unparseable: `,
        ),
      ),
    ]);
  });
  it('keeps pruned entries in the history', () => {
    const scope = data.scopes[0]!;
    expect(scope.timeline.map((e) => e.date)).toEqual(['2024-11-26', '2024-08-14']);
    expect(validityOn(scope.timeline, 'v1', '2022-01-01')).toBe('deprecated');
    const full = fullTimeline(scope);
    expect(validityOn(full, 'v1', '2022-01-01')).toBe('effective');
    expect(validityOn(full, 'v2', '2023-10-31')).toBe('effective');
    expect(
      accumulatedTimelines(scope)
        .at(-1)!
        .timeline.map((e) => e.date),
    ).toEqual(['2024-11-26', '2024-08-14', '2023-10-31', '2023-03-23', '2021-01-01']);
  });
  it('reads the head scope in the timeline format', () => {
    const scope = data.scopes[0]!;
    expect(scope).toMatchObject({
      id: 'iaas',
      uuid: '50393e6f-2ae1-4c5c-a62c-3b75f2abef3f',
      name: 'SCS-compatible IaaS',
      file: 'Tests/scs-compatible-iaas.yaml',
    });
    expect(scope.modules).toEqual([
      {
        id: 'scs-0100-v3.1',
        name: 'Flavor naming v3.1',
        url: 'https://docs.scs.community/standards/scs-0100-v3-flavor-naming',
        document: 'scs-0100-v3',
      },
    ]);
  });
  it('skips a malformed document with a warning naming file and reason, and ignores templates', () => {
    expect(data.documents.map((d) => d.id)).toEqual(['scs-0100-v1', 'scs-0101-v1']);
    expect(data.meta.warnings).toContain(
      'Standards/scs-0102-v1-no-front-matter.md: document skipped: Standards/scs-0102-v1-no-front-matter.md: line 1 = "# Image metadata": expected YAML front matter starting with a --- line (scs-0001-v1)',
    );
    expect(first.stdout).toContain('warning: Standards/scs-0102-v1-no-front-matter.md: document skipped');
    expect(first.stdout).toContain('ignored 1 non-document files under Standards/ (templates)');
  });
  it('gives documents their history with the pull request that landed each change', () => {
    const entropy = data.documents.find((d) => d.id === 'scs-0101-v1')!;
    expect(entropy.history).toEqual([
      {
        commit: commits.entropy,
        date: '2023-03-25',
        pr: 250,
        status: 'Draft',
        stabilizedAt: null,
        deprecatedAt: null,
        rejectedAt: null,
      },
    ]);
  });
  it('lists merged pull requests from commit messages, with merge time and files (both paths of a rename)', () => {
    const pulls = new Map(data.pulls.map((p) => [p.number, p]));
    expect([...pulls.keys()]).toEqual([206, 250, 253, 362, 668, 843, 844, 850, 928, 940]);
    expect(pulls.get(253)).toMatchObject({
      title: 'Add SCS-compatible v2',
      state: 'merged',
      mergedAt: '2023-03-28T23:30:00-07:00',
      files: ['Tests/scs-compatible.yaml'],
      scopes: ['iaas'],
    });
    expect(pulls.get(362)!.files).toEqual(['Tests/scs-compatible-iaas.yaml', 'Tests/scs-compatible.yaml']);
    expect(pulls.get(362)!.scopes).toEqual(['iaas']);
    expect(pulls.has(930)).toBe(false); // README only: not relevant
  });
  it('writes sorted, 2-space indented JSON with a trailing newline, valid by the schemas', () => {
    for (const name of ['meta.json', 'scopes.json', 'documents.json', 'pulls.json']) {
      const text = readFileSync(join(out, name), 'utf8');
      expect(text.endsWith('}\n') || text.endsWith(']\n')).toBe(true);
      expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    }
    const meta = readFileSync(join(out, 'meta.json'), 'utf8');
    expect(meta.indexOf('"pullRequestSource"')).toBeLessThan(meta.indexOf('"schemaVersion"'));
  });
});

describe('re-syncs', () => {
  it('a second sync of the same input rewrites nothing and says so; a sync elsewhere gives the same bytes', async () => {
    const copy = join(tempDir('resync'), 'data');
    cpSync(out, copy, { recursive: true });
    ageFiles(copy);
    const before = dirState(copy);
    const again = await syncGit(repo.dir, copy);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('no file changed');
    expect(again.stdout).toContain('  nothing changed');
    expect(dirState(copy)).toEqual(before);
    const elsewhere = join(tempDir('fresh'), 'data');
    expect((await syncGit(repo.dir, elsewhere)).code).toBe(0);
    const bytes = (dir: string) => Object.fromEntries(Object.entries(dirState(dir)).map(([k, v]) => [k, v.sha]));
    expect(bytes(elsewhere)).toEqual(bytes(out));
  });

  it('summarises what changed upstream since the previous data', async () => {
    const copy = join(tempDir('changes'), 'data');
    cpSync(out, copy, { recursive: true });
    const r = gitRepo('sync-changes', repo.dir);
    r.write({
      'Tests/scs-compatible-iaas.yaml': timelineFile(
        '  - date: 2025-09-01\n    versions:\n      v3: effective\n' + ENTRY_2024_11 + ENTRY_2024,
        '\nvariables: [os_cloud]',
      ),
      'Standards/scs-0101-v1-entropy.md': doc('Entropy', 'Stable', 'stabilized_at: 2025-07-01\n'),
      'Standards/scs-0103-v1-flavors.md': doc('Standard flavors', 'Draft'),
    });
    r.commit('Deprecate v2 on 2025-09-01 (#955)', { date: '2025-06-26T14:11:20+02:00' });
    const result = await syncGit(r.dir, copy);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('wrote meta.json, scopes.json, documents.json, pulls.json');
    const lines = result.stdout.split('\n').filter((l) => l.startsWith('  '));
    expect(lines).toEqual([
      expect.stringMatching(/^ {2}upstream [0-9a-f]{7} \(2025-06-01\) → [0-9a-f]{7} \(2025-06-26\)$/),
      '  document scs-0101-v1: Draft → Stable',
      '  document added: scs-0103-v1 (Draft)',
      '  SCS-compatible IaaS: new revision 2025-06-26 (#955): Deprecate v2 on 2025-09-01',
      '  1 new pull request',
    ]);
  });
});

describe('command line of the sync', () => {
  it('exits 2 with the usage for a wrong command line', async () => {
    // No arguments at all is a sync from GitHub (tests/sync/github), not a wrong command line.
    for (const args of [
      ['--git'],
      ['--bogus', 'x', '--git', '..'],
      ['--git', '..', 'extra'],
      ['--git', '..', '--max-wait', '5'],
    ]) {
      const result = await runScript('scripts/sync.ts', args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^sync: .+\nusage: npm run sync -- .*\n\s+npm run sync -- --git <path-to-clone>/);
    }
  });
  it('exits 1 naming the directory when --git is not a repository, and writes nothing', async () => {
    const dir = tempDir('not-a-repo');
    const target = join(tempDir('nothing'), 'data');
    const result = await syncGit(join(dir, 'missing'), target);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${join(dir, 'missing')}: no such directory`);
    expect(() => readFileSync(join(target, 'meta.json'))).toThrow();
  });
  it('exits 1 with data/ byte-identical when the head scope file is broken', async () => {
    const r = gitRepo('sync-broken', repo.dir);
    r.write({
      'Tests/scs-compatible-iaas.yaml': timelineFile(
        ENTRY_2024_11.replace('v3: effective', 'v3: effectiv') + ENTRY_2024,
      ),
    });
    r.commit('Typo (#999)', { date: '2025-07-01T10:00:00+02:00' });
    const copy = join(tempDir('broken-out'), 'data');
    cpSync(out, copy, { recursive: true });
    ageFiles(copy);
    const before = dirState(copy);
    const result = await syncGit(r.dir, copy);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`sync failed; ${copy}/ is unchanged:`);
    expect(result.stderr).toContain(
      'Tests/scs-compatible-iaas.yaml: timeline[0].versions.v3 = "effectiv": Invalid option: expected one of "draft"|"effective"|"warn"|"deprecated"',
    );
    expect(dirState(copy)).toEqual(before);
  });
  it('replaces previous data that no longer reads, saying so', async () => {
    const copy = join(tempDir('stale'), 'data');
    cpSync(out, copy, { recursive: true });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(copy, 'meta.json'), '{"schemaVersion": 0}\n');
    const result = await syncGit(repo.dir, copy);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('wrote meta.json; unchanged scopes.json, documents.json, pulls.json');
    expect(result.stdout).toMatch(
      / {2}the previous data does not read \(.*meta\.json: schemaVersion = 0: .*\); compared as a first sync/,
    );
  });
});
