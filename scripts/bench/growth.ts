/**
 * Growth: sync and `astro build` at 1× (the real snapshot) and at 10× (a synthetic
 * upstream, scripts/lib/synthetic-upstream.ts), and the ratio. A ratio near 10 or below
 * means no step grows faster than the input; a quadratic step would show as ~100.
 * A synthetic 1× is measured too, so the 10×/1× ratio also compares like with like.
 *
 * `node scripts/bench/growth.ts` runs this section alone.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cloneSnapshot, HAVE_SNAPSHOT, PULLS } from '../lib/snapshot.ts';
import { writeSyntheticUpstream } from '../lib/synthetic-upstream.ts';
import { atMost, type BenchRow, rowsOf } from './rows.ts';
import { median, timed } from './timed.ts';

const ROOT = resolve(import.meta.dirname, '../..');
/** "Near 10 or below": the noise of a loaded 2-core machine on top of linear growth. */
const RATIO_BUDGET = 12;

interface Input {
  label: string;
  repo: string;
  pulls: string;
}

async function syncTimes(input: Input, scratch: string, reps: number) {
  const runs = [];
  for (let i = 0; i < reps; i++) {
    const out = join(scratch, `data-${input.label}-${i}`);
    runs.push(
      await timed(process.execPath, ['scripts/sync.ts', '--git', input.repo, '--out', out, '--pulls', input.pulls], {
        cwd: ROOT,
      }),
    );
  }
  return {
    ms: median(runs.map((r) => r.ms)),
    cpuMs: median(runs.map((r) => r.cpuMs ?? 0)),
    peakMb: median(runs.map((r) => r.peakMb ?? 0)),
    out: join(scratch, `data-${input.label}-0`),
  };
}

async function buildTime(dataDir: string, scratch: string, label: string, reps: number) {
  const runs = [];
  let pages = 0;
  for (let i = 0; i < reps; i++) {
    const outDir = join(scratch, `dist-${label}-${i}`);
    runs.push(
      await timed(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], {
        cwd: ROOT,
        env: { SCS_DATA_DIR: dataDir, ASTRO_TELEMETRY_DISABLED: '1', SCS_TODAY: '2026-08-21' },
      }),
    );
    pages = countPages(outDir);
    rmSync(outDir, { recursive: true, force: true });
  }
  return { ms: median(runs.map((r) => r.ms)), cpuMs: median(runs.map((r) => r.cpuMs ?? 0)), pages };
}

function countPages(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile() && entry.name.endsWith('.html')) n++;
  return n;
}

export async function growth(options: { syncReps?: number; buildReps?: number } = {}): Promise<BenchRow[]> {
  const syncReps = options.syncReps ?? 3;
  const buildReps = options.buildReps ?? 1;
  const scratch = mkdtempSync(join(tmpdir(), 'scs-bench-growth-'));
  const { rows, row: add } = rowsOf('growth');
  const row = (figure: string, value: number, unit: string, max: number | null = null) =>
    add(figure, value, unit, max === null ? null : atMost(value, max));
  try {
    const inputs: Input[] = [];
    if (HAVE_SNAPSHOT) {
      const repo = cloneSnapshot(join(scratch, 'snapshot'));
      inputs.push({ label: 'snapshot', repo, pulls: PULLS });
    }
    for (const scale of [1, 10]) {
      const repo = join(scratch, `synthetic-${scale}`);
      const pulls = join(scratch, `synthetic-${scale}-pulls.json`);
      const counts = await writeSyntheticUpstream(repo, pulls, { scale });
      inputs.push({ label: `synthetic-${scale}`, repo, pulls });
      if (scale === 10) {
        row('10× input: documents', counts.documents, 'files');
        row('10× input: scope-file revisions', counts.scopeRevisions, 'commits');
        row('10× input: commits', counts.commits, 'commits');
        row('10× input: pull requests', counts.pulls, 'PRs');
      }
    }
    const results = new Map<
      string,
      { sync: number; syncCpu: number; peakMb: number; build: number; buildCpu: number; pages: number }
    >();
    for (const input of inputs) {
      const sync = await syncTimes(input, scratch, syncReps);
      const build = await buildTime(sync.out, scratch, input.label, buildReps);
      results.set(input.label, {
        sync: sync.ms,
        syncCpu: sync.cpuMs,
        peakMb: sync.peakMb,
        build: build.ms,
        buildCpu: build.cpuMs,
        pages: build.pages,
      });
    }
    const big = results.get('synthetic-10')!;
    const small = results.get('synthetic-1')!;
    const snapshot = results.get('snapshot');
    for (const [label, r] of results) {
      const name =
        label === 'snapshot' ? '1× (snapshot)' : label === 'synthetic-1' ? '1× (synthetic)' : '10× (synthetic)';
      row(`sync ${name}`, r.sync / 1000, 's');
      row(`sync ${name}: CPU time`, r.syncCpu / 1000, 's');
      row(`sync ${name}: peak memory`, r.peakMb, 'MB');
      row(`astro build ${name}`, r.build / 1000, 's');
      row(`astro build ${name}: CPU time`, r.buildCpu / 1000, 's');
      row(`astro build ${name}: pages`, r.pages, 'pages');
    }
    // Ratios of wall time, and of CPU time, which the load of other work hardly moves.
    if (snapshot) {
      row('sync ratio 10× / 1× (snapshot)', big.sync / snapshot.sync, '×', RATIO_BUDGET);
      row('astro build ratio 10× / 1× (snapshot)', big.build / snapshot.build, '×', RATIO_BUDGET);
      if (snapshot.syncCpu > 0)
        row('sync CPU ratio 10× / 1× (snapshot)', big.syncCpu / snapshot.syncCpu, '×', RATIO_BUDGET);
      if (snapshot.buildCpu > 0)
        row('astro build CPU ratio 10× / 1× (snapshot)', big.buildCpu / snapshot.buildCpu, '×', RATIO_BUDGET);
    }
    row('sync ratio 10× / 1× (synthetic)', big.sync / small.sync, '×', RATIO_BUDGET);
    row('astro build ratio 10× / 1× (synthetic)', big.build / small.build, '×', RATIO_BUDGET);
    if (small.syncCpu > 0) row('sync CPU ratio 10× / 1× (synthetic)', big.syncCpu / small.syncCpu, '×', RATIO_BUDGET);
    if (small.buildCpu > 0)
      row('astro build CPU ratio 10× / 1× (synthetic)', big.buildCpu / small.buildCpu, '×', RATIO_BUDGET);
    row('astro build 10× per page', big.build / Math.max(1, big.pages), 'ms');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return rows;
}

/** The section's entry point for scripts/bench.ts. */
export const run = growth;

if (import.meta.main) {
  for (const r of await growth()) {
    console.log(
      `${r.figure.padEnd(44)} ${String(r.value).padStart(10)} ${r.unit.padEnd(8)} ${r.budget ?? ''} ${r.ok === null ? '' : r.ok ? 'ok' : 'OVER'}`,
    );
  }
}
