/**
 * The GitHub source finds renames from two listings and blob contents; git finds them with
 * `-M`. On commits built here (renames with growing edits around git's 50 % threshold, two
 * candidates for one file, exact renames, CRLF, size changes) both must pair the same files.
 */
import { describe, expect, it } from 'vitest';
import { commitChanges, gitBlobId, similarity, type Listing, type RawChange } from '../../../scripts/lib/tree-diff.ts';
import { git } from './support.ts';
import { gitRepo } from '../../support/git-repo.ts';

/** A small deterministic generator, so a failure can be reproduced. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function lines(n: number, tag: string, eol = '\n'): string[] {
  return Array.from({ length: n }, (_, i) => `${tag} line ${i}: status Stable, track IaaS, ${(i * 7919) % 1000}${eol}`);
}

interface Scenario {
  before: Record<string, string>;
  after: Record<string, string>;
}

function scenarios(): Scenario[] {
  const out: Scenario[] = [];
  const random = rng(42);
  // One file renamed with k of 40 lines rewritten: git's verdict flips near the middle.
  for (let k = 0; k <= 30; k += 2) {
    const base = lines(40, 'doc');
    const edited = base.map((l, i) => (i < k ? `rewritten ${i} ${Math.floor(random() * 1e6)}\n` : l));
    out.push({
      before: { 'Standards/scs-0001-v1-a.md': base.join('') },
      after: { 'Standards/scs-0001-v2-b.md': edited.join('') },
    });
  }
  // Lines added or dropped: the size check of estimate_similarity.
  for (const extra of [5, 20, 40, 60]) {
    const base = lines(30, 'grow');
    out.push({
      before: { 'Tests/scs-compatible.yaml': base.join('') },
      after: { 'Tests/scs-compatible-iaas.yaml': [...base, ...lines(extra, 'added')].join('') },
    });
    out.push({
      before: { 'Tests/scs-compatible.yaml': [...base, ...lines(extra, 'gone')].join('') },
      after: { 'Tests/scs-compatible-iaas.yaml': base.join('') },
    });
  }
  // Two deleted candidates for one added file, and two added for one deleted.
  const a = lines(30, 'alpha');
  const b = lines(30, 'beta');
  out.push({
    before: { 'Standards/scs-0002-v1-x.md': a.join(''), 'Standards/scs-0003-v1-y.md': b.join('') },
    after: { 'Standards/scs-0004-v1-z.md': [...a.slice(0, 20), ...b.slice(0, 10)].join('') },
  });
  out.push({
    before: { 'Standards/scs-0002-v1-x.md': a.join('') },
    after: {
      'Standards/scs-0005-v1-p.md': [...a.slice(0, 25), ...lines(5, 'p')].join(''),
      'Standards/scs-0006-v1-q.md': [...a.slice(0, 18), ...lines(12, 'q')].join(''),
    },
  });
  // Exact renames, one with a matching file name among two identical sources.
  out.push({
    before: { 'Standards/old/x.md': 'same\n', 'Standards/scs-0007-v1-same.md': 'same\n' },
    after: { 'Standards/scs-0007-v1-same.md.bak': 'other\n', 'Standards/new-same.md': 'same\n' },
  });
  // CRLF against LF: git ignores the CR of CRLF in text when it scores.
  out.push({
    before: { 'Standards/scs-0008-v1-crlf.md': lines(30, 'crlf', '\r\n').join('') },
    after: { 'Standards/scs-0008-v1-lf.md': lines(30, 'crlf').join('') },
  });
  return out;
}

function listing(files: Record<string, string>): Listing {
  return new Map(Object.entries(files).map(([p, c]) => [p, { oid: gitBlobId(Buffer.from(c)), mode: 0o100644 }]));
}

/** What `git log -M --raw` says for each commit (path order, as git prints). */
function gitChanges(dir: string): RawChange[][] {
  const out = git(dir, ['log', '--reverse', '--first-parent', '-M', '--raw', '--no-abbrev', '-z', '--format=%x01']);
  return out
    .split('\x01')
    .slice(2) // before the first commit, and the root commit
    .map((chunk) => {
      const tokens = chunk.replace(/^\0?\n?/, '').split('\0');
      const changes: RawChange[] = [];
      for (let i = 0; i < tokens.length; i++) {
        if (!tokens[i]!.startsWith(':')) continue;
        const fields = tokens[i]!.slice(1).split(' ');
        const letter = fields[4]![0]!;
        if (letter === 'R') changes.push({ status: 'R', oldPath: tokens[++i]!, path: tokens[++i]!, oid: fields[3]! });
        else
          changes.push({
            status: letter as 'A' | 'M' | 'D',
            path: tokens[++i]!,
            oldPath: null,
            oid: letter === 'D' ? null : fields[3]!,
          });
      }
      return changes;
    });
}

describe('rename detection as git -M does it', () => {
  it('pairs the same files as git on every built commit', () => {
    const all = scenarios();
    const repo = gitRepo();
    repo.commit('root', { date: '2024-01-01T00:00:00+00:00' }, { 'README.md': 'root\n' });
    for (const [i, s] of all.entries()) {
      // Each scenario is two commits: set up `before`, then replace it with `after`.
      const clear = Object.fromEntries(
        git(repo.dir, ['ls-files'])
          .split('\n')
          .filter((p) => p && p !== 'README.md')
          .map((p) => [p, null]),
      );
      repo.commit(`before ${i}`, { date: '2024-01-01T00:00:00+00:00' }, { ...clear, ...s.before });
      repo.commit(
        `after ${i}`,
        { date: '2024-01-01T00:00:00+00:00' },
        {
          ...Object.fromEntries(Object.keys(s.before).map((p) => [p, null])),
          ...s.after,
        },
      );
    }
    const byGit = gitChanges(repo.dir);
    let renames = 0;
    let nonRenames = 0;
    for (const [i, s] of all.entries()) {
      const contents = new Map(
        [...Object.values(s.before), ...Object.values(s.after)].map((c) => [gitBlobId(Buffer.from(c)), Buffer.from(c)]),
      );
      const ours = commitChanges(listing(s.before), listing(s.after), (oid) => contents.get(oid)!);
      const theirs = byGit[2 * i + 1]!;
      expect(ours, `scenario ${i}`).toEqual(theirs);
      renames += ours.filter((c) => c.status === 'R').length;
      nonRenames += ours.some((c) => c.status === 'A') ? 1 : 0;
    }
    // The scenarios do cross the threshold both ways.
    expect(renames).toBeGreaterThan(10);
    expect(nonRenames).toBeGreaterThan(3);
  });

  it('scores identical files 100 % and unrelated ones 0', () => {
    const a = Buffer.from(lines(20, 'a').join(''));
    expect(similarity(a, a)).toBe(60000);
    expect(similarity(a, Buffer.from(lines(20, 'zzz').join('')))).toBeLessThan(30000);
    expect(gitBlobId(Buffer.from('hello\n'))).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
  });
});
