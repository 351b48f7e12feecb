/**
 * A synthetic standards repository, `scale` times the size of the real snapshot (at 10:
 * about 1,000 documents, 500 scope-file revisions, 2,300 commits, 8,000 pull requests),
 * for the growth benchmark. It is a real git repository in the upstream formats:
 * scope files in scs-0003-v1 with `timeline`, some starting in the legacy format (one
 * under the old name `Tests/scs-compatible.yaml` with a `iaas:` key, renamed later), a few
 * revisions that do not parse, documents with scs-0001-v1 front matter and its
 * irregularities (BOM, status case, `replaces` as string or list), squash and merge
 * commit messages; and a pull-request export in GitHub's shape, as the fixture's.
 *
 * Deterministic: the same seed and scale give the same commits, ids and export.
 */
import { writeFileSync } from 'node:fs';
import { addDays } from '../../src/domain/days/day.ts';
import { fastImport, type ImportCommit } from './git-fast-import.ts';
import { documentChanges } from './synthetic/documents.ts';
import { AUTHORS, hex, phrase, rng, timestamp, WORDS } from './synthetic/random.ts';
import { scopeChanges } from './synthetic/scopes.ts';

export interface SyntheticOptions {
  /** 1 is about the snapshot's size; 10 is the growth benchmark's. */
  scale: number;
  seed?: number;
}

export interface SyntheticUpstream {
  commits: ImportCommit[];
  pulls: ExportedPull[];
  counts: { commits: number; documents: number; scopes: number; scopeRevisions: number; pulls: number };
}

export interface ExportedPull {
  number: number;
  title: string;
  state: 'open' | 'closed';
  draft: boolean;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  merged_at: string | null;
  author: string | null;
  head_ref: string | null;
  head_sha: string | null;
  labels: string[];
  files: string[];
  html_url: string;
}

export function syntheticUpstream(options: SyntheticOptions): SyntheticUpstream {
  const r = rng(options.seed ?? 20260721);
  const scale = options.scale;
  const docs = documentChanges(Math.round(100 * scale), r);
  const scopeCount = Math.max(2, Math.round(2 * scale));
  const revisionsPerScope = 25;
  const changes = [...docs.changes];
  for (let k = 0; k < scopeCount; k++) changes.push(...scopeChanges(k, revisionsPerScope, r));
  changes.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));

  const totalPulls = Math.round(808 * scale);
  const extraPerCommit = Math.max(0, (totalPulls - changes.length) / changes.length);
  const commits: ImportCommit[] = [];
  const pulls: ExportedPull[] = [];
  const allDocFiles = docs.changes.flatMap((c) => Object.keys(c.files));
  let number = 0;
  let owed = 0;
  for (const [i, change] of changes.entries()) {
    owed += extraPerCommit;
    // Pull requests that were opened around this time and not merged (or are still open).
    while (owed >= 1) {
      owed -= 1;
      number++;
      const created = `${addDays(change.day, -r.int(1, 30))}T10:00:00Z`;
      const relevant = r.chance(0.7);
      const files = relevant ? [r.pick(allDocFiles)] : [`Tests/iaas/${r.pick(WORDS)}/${r.pick(WORDS)}.py`];
      const open = i > changes.length * 0.97 && r.chance(0.5);
      const closed = `${addDays(change.day, r.int(0, 20))}T16:00:00Z`;
      pulls.push({
        number,
        title: `${r.chance(0.5) ? 'Draft' : 'Discuss'} ${phrase(r, 3)}`,
        state: open ? 'open' : 'closed',
        draft: false,
        created_at: created,
        updated_at: open ? created : closed,
        closed_at: open ? null : closed,
        merged_at: null,
        author: r.pick(AUTHORS),
        head_ref: `feat/${r.pick(WORDS)}-${number}`,
        head_sha: hex(r, 40),
        labels: r.chance(0.3) ? [r.pick(['SCS-VP10', 'IaaS', 'KaaS', 'documentation', 'standards'])] : [],
        files,
        html_url: `https://github.com/SovereignCloudStack/standards/pull/${number}`,
      });
    }
    number++;
    const date = timestamp(change.day, r);
    const squash = change.day >= '2023-06-01' || r.chance(0.3);
    const author = r.pick(AUTHORS);
    const message = squash
      ? `${change.title} (#${number})\n`
      : `Merge pull request #${number} from ${author}/feat-${number}\n\n${change.title}\n`;
    commits.push({
      message,
      date,
      author: { name: author, email: `${author}@example.invalid` },
      files: change.files,
      ...(change.renames ? { renames: change.renames } : {}),
    });
    const merged = new Date(Date.parse(date)).toISOString().replace('.000Z', 'Z');
    pulls.push({
      number,
      title: change.title,
      state: 'closed',
      draft: false,
      created_at: `${addDays(change.day, -r.int(1, 40))}T09:00:00Z`,
      updated_at: merged,
      closed_at: merged,
      merged_at: merged,
      author,
      head_ref: `feat-${number}`,
      head_sha: hex(r, 40),
      labels: [],
      files: [...(change.renames ?? []).flatMap((x) => [x.from, x.to]), ...Object.keys(change.files)].sort(),
      html_url: `https://github.com/SovereignCloudStack/standards/pull/${number}`,
    });
  }
  return {
    commits,
    pulls,
    counts: {
      commits: commits.length,
      documents: docs.documents,
      scopes: scopeCount,
      scopeRevisions: scopeCount * revisionsPerScope,
      pulls: pulls.length,
    },
  };
}

/** Write the repository (branch `main`) to `dir` and the pull-request export to `pullsFile`. */
export async function writeSyntheticUpstream(
  dir: string,
  pullsFile: string,
  options: SyntheticOptions,
): Promise<SyntheticUpstream['counts']> {
  const upstream = syntheticUpstream(options);
  await fastImport(dir, upstream.commits);
  writeFileSync(pullsFile, `${JSON.stringify(upstream.pulls, null, 2)}\n`);
  return upstream.counts;
}
