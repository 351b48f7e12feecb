/**
 * The test loop: `npm test` (type check, unit tests, the site built once per distinct dataset,
 * Chromium) and `npm run test:unit` (no build), once each: wall time and CPU time. The budget
 * for the whole suite is 90 s on a 2-core machine; wall time grows with other work on the
 * machine, CPU time far less. `node scripts/bench/tests.ts` runs this section alone.
 */
import { resolve } from 'node:path';
import { atMost, type BenchRow, rowsOf } from './rows.ts';
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
  const { rows, row } = rowsOf(SECTION);
  row('npm test, wall', seconds(full.ms), 's', atMost(seconds(full.ms), BUDGET_S, 's'));
  row('npm run test:unit, wall', seconds(unit.ms), 's');
  if (full.cpuMs !== null) row('npm test, CPU', seconds(full.cpuMs), 's');
  if (unit.cpuMs !== null) row('npm run test:unit, CPU', seconds(unit.cpuMs), 's');
  return rows;
}

if (import.meta.main) {
  for (const row of await run())
    console.log(
      `${row.figure}: ${row.value} ${row.unit}${row.budget ? ` (budget ${row.budget}: ${row.ok ? 'ok' : 'OVER'})` : ''}`,
    );
}
