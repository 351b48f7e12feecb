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
import { addDays, daysBetween, type Day } from '../../src/domain/days/day.ts';
import { fastImport, type ImportCommit } from './git-fast-import.ts';

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

const START: Day = '2021-07-01';
const END: Day = '2026-07-20';
const TIMELINE_SINCE: Day = '2024-08-01';
const TRACKS = ['Global', 'IaaS', 'KaaS', 'IAM', 'Ops'];
const WORDS = ['flavor', 'image', 'metadata', 'entropy', 'network', 'storage', 'cluster', 'upgrade', 'policy', 'identity', 'audit', 'backup', 'quota', 'region', 'domain', 'node', 'volume', 'secret', 'load', 'balancer'];
const AUTHORS = ['mbuechse', 'garloff', 'fkr', 'cah-hbaum', 'josephineSei', 'anjastrunk', 'markus-hentsch', 'tonifinger'];

/** mulberry32: a small seeded generator, enough for reproducible test data. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof rng>;

/** A commit time on a day: office hours, in CET/CEST or UTC, as upstream's committers. */
function timestamp(day: Day, r: Rng): string {
  const month = Number(day.slice(5, 7));
  const offset = r.chance(0.15) ? '+00:00' : month >= 4 && month <= 10 ? '+02:00' : '+01:00';
  return `${day}T${String(r.int(8, 19)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}${offset}`;
}

function hex(r: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[r.int(0, 15)];
  return s;
}

function uuid(r: Rng): string {
  return `${hex(r, 8)}-${hex(r, 4)}-4${hex(r, 3)}-a${hex(r, 3)}-${hex(r, 12)}`;
}

function phrase(r: Rng, n: number): string {
  return Array.from({ length: n }, () => r.pick(WORDS)).join(' ');
}

interface Change {
  day: Day;
  title: string;
  files: Record<string, string | null>;
  renames?: { from: string; to: string }[];
}

// ---------------------------------------------------------------- documents (scs-0001-v1)

interface DocSpec {
  id: string;
  file: string;
  title: string;
  type: string;
  track: string;
  added: Day;
  stabilized: Day | null;
  deprecated: Day | null;
  rejected: Day | null;
  replaces: string | null;
  replacedBy: string | null;
  supplements: string | null;
}

function frontMatter(d: DocSpec, on: Day, r: Rng): string {
  const status = d.rejected && on >= d.rejected ? 'Rejected' : d.deprecated && on >= d.deprecated ? 'Deprecated' : d.stabilized && on >= d.stabilized ? 'Stable' : 'Draft';
  const lines = ['---', `title: ${d.title.includes(': ') ? JSON.stringify(d.title) : d.title}`, `type: ${d.type}`];
  if (d.type !== 'Supplement' || r.chance(0.5)) lines.push(`status: ${r.chance(0.05) ? status.toLowerCase() : status}`);
  lines.push(`track: ${d.track}`);
  if (d.stabilized && on >= d.stabilized) lines.push(`stabilized_at: ${d.stabilized}`);
  if (d.deprecated && on >= d.deprecated) lines.push(`deprecated_at: ${d.deprecated}  # superseded`);
  if (d.rejected && on >= d.rejected) lines.push(`rejected_at: ${d.rejected}`);
  if (d.replaces) lines.push(r.chance(0.5) ? `replaces: ${d.replaces}` : `replaces:\n  - ${d.replaces}`);
  if (d.replacedBy && d.deprecated && on >= d.deprecated) lines.push(`replaced_by: ${d.replacedBy}`);
  if (d.supplements) lines.push(`supplements:\n  - ${d.supplements}`);
  lines.push(`description: |\n  ${phrase(r, 12)}\n  ${phrase(r, 10)}.`);
  lines.push('---', '', '<!-- document body omitted from this synthetic fixture -->', '');
  return (r.chance(0.02) ? '\uFEFF' : '') + lines.join('\n');
}

function documentChanges(count: number, r: Rng): { changes: Change[]; documents: number } {
  const specs: DocSpec[] = [];
  const span = daysBetween(START, END);
  for (let series = 1; specs.length < count; series++) {
    const num = String(series).padStart(4, '0');
    const slug = `${r.pick(WORDS)}-${r.pick(WORDS)}`;
    const track = r.pick(TRACKS);
    const added = addDays(START, r.int(0, span - 60));
    const v1: DocSpec = { id: `scs-${num}-v1`, file: `Standards/scs-${num}-v1-${slug}.md`, title: `SCS ${phrase(r, 2)} standard`, type: r.chance(0.1) ? 'Decision Record' : 'Standard', track, added, stabilized: null, deprecated: null, rejected: null, replaces: null, replacedBy: null, supplements: null };
    if (r.chance(0.06)) v1.rejected = addDays(added, r.int(20, 200));
    else if (r.chance(0.7)) v1.stabilized = addDays(added, r.int(20, 300));
    specs.push(v1);
    const added2 = v1.stabilized ? addDays(v1.stabilized, r.int(60, 400)) : END;
    if (v1.stabilized && added2 < END && r.chance(0.5) && specs.length < count) {
      const v2: DocSpec = { ...v1, id: `scs-${num}-v2`, file: `Standards/scs-${num}-v2-${slug}.md`, added: added2, stabilized: null, deprecated: null, rejected: null, replaces: `scs-${num}-v1-${slug}.md`, replacedBy: null };
      if (r.chance(0.7)) {
        v2.stabilized = addDays(added2, r.int(20, 200));
        v1.deprecated = addDays(v2.stabilized, r.int(30, 200));
        v1.replacedBy = `scs-${num}-v2-${slug}.md`;
      }
      specs.push(v2);
    }
    const addedW = addDays(added, r.int(5, 100));
    if (addedW < END && r.chance(0.2) && specs.length < count) {
      specs.push({ ...v1, id: `scs-${num}-w1`, file: `Standards/scs-${num}-w1-${slug}-implementation.md`, title: `${v1.title}: implementation notes`, type: 'Supplement', added: addedW, stabilized: null, deprecated: null, rejected: null, replaces: null, replacedBy: null, supplements: v1.file.slice('Standards/'.length) });
    }
  }
  const changes: Change[] = [];
  for (const d of specs) {
    const days = [d.added, d.stabilized, d.deprecated, d.rejected].filter((x): x is Day => x !== null && x <= END);
    for (const [i, day] of [...new Set(days)].sort().entries()) {
      const what = i === 0 ? `Add ${d.id} (${d.title})` : day === d.stabilized ? `Stabilize ${d.id}` : day === d.deprecated ? `Deprecate ${d.id} in favour of its successor` : `Reject ${d.id}`;
      changes.push({ day, title: what, files: { [d.file]: frontMatter(d, day, r) } });
    }
  }
  return { changes, documents: specs.length };
}

// ------------------------------------------------------------ scope files (scs-0003-v1)

interface VersionState {
  name: string;
  stabilized: Day | null;
  end: Day | null;
  include: string[];
}

interface Entry {
  date: Day;
  versions: Record<string, string>;
}

function legacyText(name: string, key: string, versions: VersionState[]): string {
  const lines = [`name: ${name}`, `url: https://raw.githubusercontent.com/SovereignCloudStack/standards/main/Tests/scs-compatible.yaml`, `${key}:`];
  for (const v of versions) {
    lines.push(`  - version: ${v.name}`);
    if (v.stabilized) lines.push(`    stabilized_at: ${v.stabilized}`);
    if (v.end) lines.push(`    deprecated_at: ${v.end}`);
    lines.push('    standards:');
    for (const m of v.include) lines.push(`      - name: ${m}`, `        url: https://docs.scs.community/standards/${m}`);
  }
  return `${lines.join('\n')}\n`;
}

function timelineText(name: string, id: string, scopeUuid: string, modules: string[], timeline: Entry[], versions: VersionState[]): string {
  const lines = [
    '# -- informal edit log --',
    '# whenever old content is removed as per scs-0003-v1, add a line of the form',
    '# - YYYY-MM-DD pruned old content; affected versions: vN, ...',
    `name: ${name}`,
    `uuid: ${scopeUuid}`,
    `url: https://raw.githubusercontent.com/SovereignCloudStack/standards/main/Tests/scs-compatible-${id}.yaml`,
    'variables:',
    '  - os_cloud',
    'modules:',
  ];
  for (const m of modules) lines.push(`  - id: ${m}`, `    name: ${m.replace(/-/g, ' ')}`, `    url: https://docs.scs.community/standards/${m.replace(/\.\d+$/, '')}`, '    targets:', '      main:', `      - ${m}-check`);
  lines.push('timeline:');
  for (const e of [...timeline].sort((a, b) => (a.date < b.date ? 1 : -1))) {
    lines.push(`  - date: ${e.date}`, '    versions:');
    for (const [v, validity] of Object.entries(e.versions)) lines.push(`      ${v}: ${validity}`);
  }
  lines.push('versions:');
  for (const v of [...versions].reverse()) {
    lines.push(`  - version: ${v.name}`);
    if (v.stabilized) lines.push(`    stabilized_at: ${v.stabilized}`);
    lines.push('    include:');
    for (const m of v.include) lines.push(`      - ${m}`);
  }
  return `${lines.join('\n')}\n`;
}

function scopeChanges(index: number, revisions: number, r: Rng): Change[] {
  const id = index === 0 ? 'iaas' : `syn${index}`;
  const name = `SCS-compatible ${index === 0 ? 'IaaS' : `Synthetic ${index}`}`;
  const scopeUuid = uuid(r);
  const modules = Array.from({ length: 8 }, (_, j) => `scs-${String(100 + index * 8 + j).padStart(4, '0')}-v1`);
  const legacy = index % 3 === 0;
  const first = legacy ? addDays(START, r.int(0, 300)) : addDays(TIMELINE_SINCE, r.int(0, 120));
  const step = Math.max(1, Math.floor(daysBetween(first, END) / (revisions + 1)));
  const changes: Change[] = [];
  const versions: VersionState[] = [{ name: 'v1', stabilized: first, end: null, include: modules.slice(0, 3) }];
  const timeline: Entry[] = [];
  let path = index === 0 ? 'Tests/scs-compatible.yaml' : `Tests/scs-compatible-${id}.yaml`;
  const finalPath = `Tests/scs-compatible-${id}.yaml`;
  const brokenAt = index % 4 === 1 ? Math.floor(revisions / 2) : -1;

  for (let rev = 0; rev < revisions; rev++) {
    const day = addDays(first, rev * step + r.int(0, Math.max(0, step - 1)));
    const inLegacy = legacy && day < TIMELINE_SINCE;
    const latest = versions.at(-1)!;
    let title: string;
    if (rev > 0 && rev % 4 === 0) {
      versions.push({ name: `v${versions.length + 1}`, stabilized: null, end: null, include: [...latest.include] });
      title = `Prepare ${name} v${versions.length}`;
    } else if (rev > 0 && latest.stabilized === null && rev % 4 === 1) {
      const effective = addDays(day, r.int(20, 60));
      latest.stabilized = day;
      const previous = versions.at(-2);
      if (previous && previous.end === null) previous.end = addDays(effective, r.int(90, 200));
      if (!inLegacy) {
        const entry: Entry = { date: effective, versions: {} };
        for (const v of versions) {
          if (v.end !== null && v.end <= effective) continue;
          entry.versions[v.name] = v === latest ? 'effective' : v === previous ? 'warn' : 'effective';
        }
        timeline.push(entry);
        if (previous?.end) timeline.push({ date: previous.end, versions: { [latest.name]: 'effective' } });
      }
      title = `Stabilize ${name} ${latest.name}, announce dates`;
    } else {
      const unused = modules.filter((m) => !latest.include.includes(m));
      if (unused.length) latest.include.push(r.pick(unused));
      else latest.include.pop();
      title = `Update modules of ${name} ${latest.name}`;
    }
    if (!inLegacy && timeline.length === 0) timeline.push({ date: day, versions: Object.fromEntries(versions.map((v) => [v.name, v.stabilized ? 'effective' : 'draft'])) });
    // scs-0003-v1 allows pruning content older than six months: entries superseded before
    // then go; the entry in effect today stays, however old.
    const inEffect = timeline.filter((e) => e.date <= day).reduce<Day | null>((a, e) => (a === null || e.date > a ? e.date : a), null);
    const horizon = addDays(day, -183);
    const cut = inEffect !== null && inEffect < horizon ? inEffect : horizon;
    const kept = timeline.filter((e) => e.date >= cut);
    timeline.splice(0, timeline.length, ...kept);
    let text = inLegacy
      ? legacyText(name, index === 0 ? 'iaas' : 'versions', versions)
      : timelineText(name, id, scopeUuid, modules, timeline, versions);
    if (path !== finalPath && !inLegacy) {
      // A rename alone, so git sees it as one (the format changes in the next commit).
      changes.push({ day, title: `Rename ${path} to ${finalPath}`, files: {}, renames: [{ from: path, to: finalPath }] });
      path = finalPath;
    }
    const change: Change = { day, title, files: {} };
    if (rev === brokenAt) {
      // A revision that does not parse, fixed in the next (upstream has two of these).
      text = text.replace('\nversions:\n', '\nversions:\n   - version: broken\n  include: []\n');
      change.title = `Add ${name} modules (broken indentation)`;
    }
    change.files[path] = text;
    changes.push(change);
  }
  return changes;
}

// ------------------------------------------------------------------------ assembly

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
    const message = squash ? `${change.title} (#${number})\n` : `Merge pull request #${number} from ${author}/feat-${number}\n\n${change.title}\n`;
    commits.push({ message, date, author: { name: author, email: `${author}@example.invalid` }, files: change.files, ...(change.renames ? { renames: change.renames } : {}) });
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
    counts: { commits: commits.length, documents: docs.documents, scopes: scopeCount, scopeRevisions: scopeCount * revisionsPerScope, pulls: pulls.length },
  };
}

/** Write the repository (branch `main`) to `dir` and the pull-request export to `pullsFile`. */
export async function writeSyntheticUpstream(dir: string, pullsFile: string, options: SyntheticOptions): Promise<SyntheticUpstream['counts']> {
  const upstream = syntheticUpstream(options);
  await fastImport(dir, upstream.commits);
  writeFileSync(pullsFile, `${JSON.stringify(upstream.pulls, null, 2)}\n`);
  return upstream.counts;
}
