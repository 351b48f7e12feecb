/**
 * The site: `astro build` wall time (whole site and per page), page weight per page type
 * (the heaviest page of each type; HTML, CSS, JavaScript loaded at once and later, all
 * gzipped), and Lighthouse scores of the home page, a scope page and the catalogue.
 *
 * Budgets (issue "Proof of speed and robustness"): the home page ≤ 30 KB gzipped in all
 * and needs no JavaScript; no page over 100 KB gzipped before lazily loaded chart islands;
 * Lighthouse performance ≥ 95 and accessibility 100.
 *
 * `node scripts/bench/site.ts` runs this section alone.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serveStatic } from '../lib/static-server.ts';
import { atMost, type BenchRow, exactly, rowsOf } from './rows.ts';
import { htmlPages, pageWeight, type PageWeight } from './page-weight.ts';
import { median, timed } from './timed.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';
const KB = 1024;
const HOME_BUDGET = 30 * KB;
const PAGE_BUDGET = 100 * KB;
/** The pages Lighthouse scores, by the issue: home, a scope page, the catalogue. */
const LIGHTHOUSE_PAGES = ['', 'scopes/iaas/', 'standards/'];

interface SiteOptions {
  buildReps?: number;
  lighthouseRuns?: number;
  /** Build day, fixed so the figures are reproducible. */
  today?: string;
}

async function lighthouse(url: string, out: string): Promise<{ performance: number; accessibility: number }> {
  await timed(
    process.execPath,
    [
      join(ROOT, 'node_modules/lighthouse/cli/index.js'),
      url,
      '--quiet',
      '--output=json',
      `--output-path=${out}`,
      '--only-categories=performance,accessibility',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run',
    ],
    { cwd: ROOT, env: { CHROME_PATH: CHROMIUM } },
  );
  const report = JSON.parse(readFileSync(out, 'utf8')) as {
    runtimeError?: { message: string };
    categories: Record<string, { score: number | null }>;
  };
  if (report.runtimeError) throw new Error(`lighthouse on ${url}: ${report.runtimeError.message}`);
  return {
    performance: Math.round((report.categories.performance?.score ?? 0) * 100),
    accessibility: Math.round((report.categories.accessibility?.score ?? 0) * 100),
  };
}

export async function site(options: SiteOptions = {}): Promise<BenchRow[]> {
  const buildReps = options.buildReps ?? 1;
  const lighthouseRuns = options.lighthouseRuns ?? 3;
  const scratch = mkdtempSync(join(tmpdir(), 'scs-bench-site-'));
  const build = rowsOf('build');
  const weight = rowsOf('page weight');
  const lh = rowsOf('lighthouse');
  try {
    const dist = join(scratch, 'dist');
    const times: number[] = [];
    for (let i = 0; i < buildReps; i++) {
      rmSync(dist, { recursive: true, force: true });
      const t = await timed(
        process.execPath,
        [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', dist],
        {
          cwd: ROOT,
          env: { ASTRO_TELEMETRY_DISABLED: '1', SCS_TODAY: options.today ?? '2026-08-21' },
        },
      );
      times.push(t.ms);
    }
    const pages = htmlPages(dist);
    const buildMs = median(times);
    build.row('astro build, whole site', buildMs / 1000, 's');
    build.row('pages', pages.length, 'pages');
    build.row('per page', buildMs / Math.max(1, pages.length), 'ms');

    const weights = pages.map((p) => pageWeight(dist, p));
    const byType = new Map<string, PageWeight[]>();
    for (const w of weights) byType.set(w.type, [...(byType.get(w.type) ?? []), w]);
    const total = (w: PageWeight) => w.html + w.css + w.jsEager;
    for (const [type, list] of [...byType].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const heaviest = list.reduce((a, b) => (total(b) > total(a) ? b : a));
      const label = `${type === '/' ? 'home' : type} (${list.length} page${list.length > 1 ? 's' : ''}, heaviest /${heaviest.path})`;
      weight.row(`${label}: HTML`, heaviest.html / KB, 'KB gz');
      weight.row(`${label}: CSS`, heaviest.css / KB, 'KB gz');
      const jsAtLoad = heaviest.jsEager / KB;
      weight.row(`${label}: JS at load`, jsAtLoad, 'KB gz', type === '/' ? exactly(jsAtLoad, 0) : null);
      if (heaviest.jsLazy > 0 || list.some((w) => w.jsLazy > 0))
        weight.row(`${label}: JS of lazy islands`, Math.max(...list.map((w) => w.jsLazy)) / KB, 'KB gz');
      if (type === '/') {
        const all = (heaviest.html + heaviest.css + heaviest.jsEager + heaviest.jsLazy) / KB;
        weight.row('home: total', all, 'KB gz', atMost(all, HOME_BUDGET / KB));
      } else {
        const before = total(heaviest) / KB;
        weight.row(`${label}: total before lazy islands`, before, 'KB gz', atMost(before, PAGE_BUDGET / KB));
      }
    }
    const over = weights.filter((w) => total(w) > PAGE_BUDGET);
    weight.row(
      `pages over 100 KB gz before lazy islands${over.length ? ` (/${over[0]!.path}, …)` : ''}`,
      over.length,
      'pages',
      exactly(over.length, 0),
    );

    const server = await serveStatic(dist);
    try {
      for (const path of LIGHTHOUSE_PAGES) {
        if (!pages.includes(`${path}index.html`)) {
          lh.row(`/${path}: not built`, 0, '', { text: 'exists', ok: false });
          continue;
        }
        const scores = [];
        for (let i = 0; i < lighthouseRuns; i++)
          scores.push(await lighthouse(`${server.url}/${path}`, join(scratch, `lh-${i}.json`)));
        const perf = median(scores.map((s) => s.performance));
        const a11y = median(scores.map((s) => s.accessibility));
        lh.row(`/${path} performance`, perf, 'score', { text: '≥ 95', ok: perf >= 95 });
        lh.row(`/${path} accessibility`, a11y, 'score', exactly(a11y, 100));
      }
    } finally {
      await server.close();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return [...build.rows, ...weight.rows, ...lh.rows];
}

/** The section's entry point for scripts/bench.ts. */
export const run = site;

if (import.meta.main) {
  for (const r of await site()) {
    console.log(
      `${r.section.padEnd(12)} ${r.figure.padEnd(70)} ${String(r.value).padStart(9)} ${r.unit.padEnd(6)} ${r.budget ?? ''} ${r.ok === null ? '' : r.ok ? 'ok' : 'OVER'}`,
    );
  }
}
