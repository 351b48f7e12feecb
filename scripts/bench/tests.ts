/**
 * The test loop: `npm test` (type check, unit tests, the site built once per distinct dataset,
 * Chromium) and `npm run test:unit` (no build), once each: wall time and CPU time. The budget
 * for the whole suite is 90 s on a 2-core machine; wall time grows with other work on the
 * machine, CPU time far less. `node scripts/bench/tests.ts` runs this section alone.
 */
import { resolve } from 'node:path';
import type { BenchRow } from './growth.ts';
import { timed } from './timed.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SECTION = 'tests';
const BUDGET_S = 90;

const seconds = (ms: number) => Math.round(ms / 100) / 10;

export async function run(): Promise<BenchRow[]> {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // CI=true: without Chromium the suite fails instead of skipping, so the figure is the whole suite's.
  const env = { CI: 'true' };
  const full = await timed(npm, ['test'], { cwd: ROOT, env });
  const unit = await timed(npm, ['run', 'test:unit'], { cwd: ROOT, env });
  const rows: BenchRow[] = [
    {
      section: SECTION,
      figure: 'npm test, wall',
      value: seconds(full.ms),
      unit: 's',
      budget: `≤ ${BUDGET_S} s`,
      ok: full.ms <= BUDGET_S * 1000,
    },
    { section: SECTION, figure: 'npm run test:unit, wall', value: seconds(unit.ms), unit: 's', budget: null, ok: null },
  ];
  if (full.cpuMs !== null)
    rows.push({
      section: SECTION,
      figure: 'npm test, CPU',
      value: seconds(full.cpuMs),
      unit: 's',
      budget: null,
      ok: null,
    });
  if (unit.cpuMs !== null)
    rows.push({
      section: SECTION,
      figure: 'npm run test:unit, CPU',
      value: seconds(unit.cpuMs),
      unit: 's',
      budget: null,
      ok: null,
    });
  return rows;
}

if (import.meta.main) {
  for (const row of await run())
    console.log(
      `${row.figure}: ${row.value} ${row.unit}${row.budget ? ` (budget ${row.budget}: ${row.ok ? 'ok' : 'OVER'})` : ''}`,
    );
}
