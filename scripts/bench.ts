/**
 * `npm run bench [-- section …]`: every benchmark section, one table, and
 * bench-results/bench.json. Not a test: it measures and prints; a figure over its budget is
 * marked OVER, and the exit code is non-zero only when a section could not run.
 *
 * A section is a file in scripts/bench/ that exports `async function run(): Promise<BenchRow[]>`
 * (other files there are its helpers). Sections run one after another, in file-name order,
 * so they do not slow each other down. Name sections on the command line to run only those.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchRow } from './bench/rows.ts';

const ROOT = resolve(import.meta.dirname, '..');
const DIR = join(ROOT, 'scripts/bench');
const OUT = join(ROOT, 'bench-results');

type Section = { name: string; run: () => Promise<BenchRow[]> };

async function sections(only: readonly string[]): Promise<Section[]> {
  const found: Section[] = [];
  for (const file of readdirSync(DIR)
    .filter((f) => f.endsWith('.ts'))
    .sort()) {
    const name = file.replace(/\.ts$/, '');
    if (only.length && !only.includes(name)) continue;
    const mod = (await import(pathToFileURL(join(DIR, file)).href)) as { run?: unknown };
    if (typeof mod.run === 'function') found.push({ name, run: mod.run as Section['run'] });
  }
  const unknown = only.filter((n) => !found.some((s) => s.name === n));
  if (unknown.length) {
    console.error(
      `bench: no section ${unknown.join(', ')}; sections are the files in scripts/bench/ that export run()`,
    );
    process.exit(2);
  }
  return found;
}

function table(rows: readonly BenchRow[]): string[] {
  const cells = rows.map((r) => [
    r.section,
    r.figure,
    `${r.value} ${r.unit}`.trim(),
    r.budget ?? '',
    r.ok === null ? '' : r.ok ? 'ok' : 'OVER',
  ]);
  const head = ['section', 'figure (median)', 'value', 'budget', 'ok'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) =>
    c
      .map((x, i) => (i === 2 ? x.padStart(widths[i]!) : x.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)];
}

const rows: BenchRow[] = [];
const failures: string[] = [];
for (const section of await sections(process.argv.slice(2))) {
  console.log(`bench: ${section.name} …`);
  const start = performance.now();
  try {
    rows.push(...(await section.run()));
  } catch (error) {
    failures.push(`${section.name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  console.log(`bench: ${section.name} done in ${Math.round((performance.now() - start) / 1000)} s`);
}
console.log('');
for (const line of table(rows)) console.log(line);
for (const f of failures) console.error(`bench: section failed: ${f}`);
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'bench.json'), `${JSON.stringify({ rows, failures }, null, 2)}\n`);
console.log(`\nwrote ${join('bench-results', 'bench.json')}`);
if (failures.length) process.exitCode = 1;
