/**
 * The worst input within the limits: the 10× synthetic upstream (scripts/lib/synthetic-upstream.ts)
 * with, on top, nine scope files of MAX_REVISION_TIMELINE_ENTRIES entries each, rewritten four
 * times, so that their revisions hold far more timeline entries than all scope files together
 * may keep (MAX_TIMELINE_ENTRIES: the oldest are left out) and their heads as many as the cap
 * allows, and a pull-request export of MAX_LIST_ENTRIES entries, the most an export may
 * have, every one touching a standard (MAX_PULLS are kept). Measured: the sync's wall time
 * and peak memory, and a site built on its output: wall time, pages, the largest HTML page
 * and the largest file.
 *
 * Budgets: peak memory of the sync ≤ 512 MB; the largest HTML page ≤ MAX_PAGE_BYTES.
 *
 * `node scripts/bench/limits.ts` runs this section alone.
 */
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { addDays } from '../../src/domain/days/day.ts';
import {
  MAX_PAGE_BYTES,
  MAX_PULLS,
  MAX_REVISION_TIMELINE_ENTRIES,
  MAX_TIMELINE_ENTRIES,
} from '../../src/domain/parse/caps.ts';
import { MAX_LIST_ENTRIES } from '../../src/domain/parse/errors.ts';
import { fastImport, type ImportCommit } from '../lib/git-fast-import.ts';
import { syntheticUpstream, type ExportedPull } from '../lib/synthetic-upstream.ts';
import { atMost, type BenchRow, rowsOf } from './rows.ts';
import { timed } from './timed.ts';

const ROOT = resolve(import.meta.dirname, '../..');
/** Peak resident memory of one sync, worst case within the limits. */
export const SYNC_PEAK_BUDGET_MB = 512;
const bigFile = (f: number) => `Tests/scs-compatible-big${f}.yaml`;
/** Revisions of the big scope file: together far over the timeline cap, each alone under it. */
const BIG_REVISIONS = 4;

/** Scope file `f` in scs-0003-v1 with `entries` timeline entries, one a day back from 2026-07-01. */
function bigScopeFile(f: number, entries: number, revision: number): string {
  const lines = [
    `name: SCS-compatible Big ${f}`,
    `uuid: 5e1d2c3b-0000-4000-8000-${String(f).padStart(12, '0')}`,
    `url: https://example.invalid/${bigFile(f)}`,
    'modules:',
    '  - id: scs-0100-v1',
    '    name: flavor naming',
    '    url: https://docs.scs.community/standards/scs-0100-v1',
    '    targets:',
    '      main:',
    '      - flavor-check',
    'timeline:',
  ];
  for (let i = 0; i < entries; i++) {
    lines.push(
      `  - date: ${addDays('2026-07-01', -i - revision)}`,
      '    versions:',
      `      v1: ${i % 2 ? 'warn' : 'effective'}`,
      `      v2: ${i % 3 ? 'effective' : 'draft'}`,
    );
  }
  lines.push(
    'versions:',
    '  - version: v1',
    '    stabilized_at: 2008-01-01',
    '    include:',
    '      - scs-0100-v1',
    '  - version: v2',
    '    include:',
    '      - scs-0100-v1',
  );
  return `${lines.join('\n')}\n`;
}

/** Pull requests touching a standard, numbered after the synthetic ones, up to `total` in all. */
function morePulls(existing: readonly ExportedPull[], total: number): ExportedPull[] {
  const start = Math.max(...existing.map((p) => p.number)) + 1;
  return Array.from({ length: total - existing.length }, (_, i) => {
    const number = start + i;
    const day = addDays('2026-06-01', i % 60);
    const open = i % 5 === 0;
    return {
      number,
      title: `Revise scs-${String(100 + (i % 900)).padStart(4, '0')}-v1 (${number})`,
      state: open ? 'open' : 'closed',
      draft: false,
      created_at: `${day}T09:00:00Z`,
      updated_at: `${addDays(day, 3)}T09:00:00Z`,
      closed_at: open ? null : `${addDays(day, 3)}T09:00:00Z`,
      merged_at: open || i % 2 ? null : `${addDays(day, 3)}T09:00:00Z`,
      author: 'someone',
      head_ref: `feat-${number}`,
      head_sha: null,
      labels: ['standards'],
      files: [`Standards/scs-${String(100 + (i % 900)).padStart(4, '0')}-v1-synthetic.md`],
      html_url: `https://github.com/SovereignCloudStack/standards/pull/${number}`,
    };
  });
}

/** The input at the caps in `dir`: `upstream/` (a git repository) and `pulls.json`. */
export async function writeInputAtCaps(
  dir: string,
): Promise<{ repo: string; pullsFile: string; entries: number; pulls: number }> {
  const upstream = syntheticUpstream({ scale: 10 });
  const lastDate = upstream.commits.at(-1)!.date;
  // Files of as many timeline entries as one revision may have, as many as fit beside the
  // other files' current timelines (200 leaves room for those); each rewritten several times.
  const entries = MAX_REVISION_TIMELINE_ENTRIES;
  const bigFiles = Math.floor((MAX_TIMELINE_ENTRIES - 200) / entries);
  const big: ImportCommit[] = Array.from({ length: BIG_REVISIONS }, (_, k) => ({
    message: `Announce many dates, round ${k + 1} (#${90_000 + k})\n`,
    date: lastDate.replace(/^\d{4}-\d{2}-\d{2}/, (d) => addDays(d, k + 1)),
    files: Object.fromEntries(
      Array.from({ length: bigFiles }, (_, f) => [bigFile(f), bigScopeFile(f, entries, BIG_REVISIONS - k)]),
    ),
  }));
  const repo = join(dir, 'upstream');
  await fastImport(repo, [...upstream.commits, ...big]);
  const pullsFile = join(dir, 'pulls.json');
  const pulls = [...upstream.pulls, ...morePulls(upstream.pulls, MAX_LIST_ENTRIES)];
  writeFileSync(pullsFile, `${JSON.stringify(pulls)}\n`);
  return { repo, pullsFile, entries: entries * bigFiles * BIG_REVISIONS, pulls: pulls.length };
}

function files(dir: string): { path: string; bytes: number }[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const path = join(e.parentPath, e.name);
      return { path: relative(dir, path), bytes: statSync(path).size };
    });
}

export async function run(): Promise<BenchRow[]> {
  const scratch = mkdtempSync(join(tmpdir(), 'scs-bench-limits-'));
  const { rows, row: add } = rowsOf('limits');
  const row = (figure: string, value: number, unit: string, max: number | null = null) =>
    add(figure, value, unit, max === null ? null : atMost(value, max, unit));
  try {
    const { repo, pullsFile, entries, pulls } = await writeInputAtCaps(scratch);
    row('input: timeline entries of the big scope files over their revisions', entries, 'entries');
    row('input: pull requests in the export', pulls, 'PRs');
    row('input: pull-request export', statSync(pullsFile).size / 1024 / 1024, 'MB');

    const out = join(scratch, 'data');
    const sync = await timed(process.execPath, ['scripts/sync.ts', '--git', repo, '--out', out, '--pulls', pullsFile], {
      cwd: ROOT,
    });
    const capLines = sync.stdout.split('\n').filter((l) => l.includes('cap reached'));
    if (capLines.length === 0)
      throw new Error(`the sync at the caps said no cap was reached:\n${sync.stdout.slice(-2000)}`);
    row('sync at the caps, wall', sync.ms / 1000, 's');
    if (sync.cpuMs !== null) row('sync at the caps, CPU time', sync.cpuMs / 1000, 's');
    if (sync.peakMb !== null)
      row('sync at the caps, peak memory (maximum resident set)', sync.peakMb, 'MB', SYNC_PEAK_BUDGET_MB);
    row('sync at the caps: caps reached (warnings)', capLines.length, '');
    row(
      `data/pulls.json at the caps (${MAX_PULLS} pull requests)`,
      statSync(join(out, 'pulls.json')).size / 1024 / 1024,
      'MB',
    );
    row('data/scopes.json at the caps', statSync(join(out, 'scopes.json')).size / 1024 / 1024, 'MB');

    const dist = join(scratch, 'dist');
    const build = await timed(
      process.execPath,
      [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', dist],
      {
        cwd: ROOT,
        env: { SCS_DATA_DIR: out, ASTRO_TELEMETRY_DISABLED: '1', SCS_TODAY: '2026-08-21' },
      },
    );
    const built = files(dist);
    const pages = built.filter((f) => f.path.endsWith('.html')).sort((a, b) => b.bytes - a.bytes);
    const largest = [...built].sort((a, b) => b.bytes - a.bytes)[0]!;
    row('astro build at the caps, wall', build.ms / 1000, 's');
    if (build.peakMb !== null) row('astro build at the caps, peak memory', build.peakMb, 'MB');
    row('astro build at the caps: pages', pages.length, 'pages');
    row('astro build at the caps: output', built.reduce((n, f) => n + f.bytes, 0) / 1024 / 1024, 'MB');
    row(`largest HTML page at the caps (${pages[0]!.path})`, pages[0]!.bytes / 1024, 'KB', MAX_PAGE_BYTES / 1024);
    row(`largest file at the caps (${largest.path})`, largest.bytes / 1024 / 1024, 'MB');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return rows;
}

if (import.meta.main) {
  for (const r of await run())
    console.log(
      `${r.figure.padEnd(72)} ${String(r.value).padStart(10)} ${r.unit.padEnd(8)} ${r.budget ?? ''} ${r.ok === null ? '' : r.ok ? 'ok' : 'OVER'}`,
    );
}
