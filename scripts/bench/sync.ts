/**
 * The sync from a local clone of the upstream snapshot: wall time of the real command
 * (`node scripts/sync.ts`, median of 5 runs, each into a fresh output directory), its peak
 * memory, and how it compares with the floor: `git log -p` of the same files over the same
 * first-parent history, which any sync from git has to read at least once.
 *
 * Budgets: a sync of the snapshot clone takes well under 2 s on a 2-core machine (issue 2),
 * and at most 256 MB of memory at its peak.
 * Skipped, saying so, when ../shared/fixtures/scs-standards/ is absent.
 *
 * `node scripts/bench/sync.ts` runs this section alone.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BUNDLE, cloneSnapshot, HAVE_SNAPSHOT, PULLS } from '../lib/snapshot.ts';
import { atMost, type BenchRow, rowsOf } from './rows.ts';
import { median } from './timed.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const RUNS = 5;
const BUDGET_S = 2;
/** Peak resident memory of a sync of the snapshot; the worst case within the limits is the `limits` section's (≤ 512 MB). */
const PEAK_BUDGET_MB = 256;
const GNU_TIME = '/usr/bin/time';
/** What `npm run sync` sets (package.json): Node caches compiled modules between runs. */
const COMPILE_CACHE = join(ROOT, 'node_modules/.cache/node-compile-cache');

interface Measured {
  /** Wall time, ms. */
  ms: number;
  /** CPU time (user + system) of the process and its children, ms; null without GNU time. */
  cpuMs: number | null;
  /** Peak resident memory, MB; null without GNU time. */
  peakMb: number | null;
  stdout: string;
}

/** Run a command to completion, with wall time, and CPU time and peak memory from GNU time. */
function measure(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Measured> {
  const scratch = mkdtempSync(join(tmpdir(), 'scs-bench-measure-'));
  const report = join(scratch, 'time');
  const useTime = existsSync(GNU_TIME);
  const [cmd, argv] = useTime ? [GNU_TIME, ['-f', '%U %S %M', '-o', report, command, ...args]] : [command, [...args]];
  const start = performance.now();
  return new Promise((done, fail) => {
    execFile(
      cmd,
      argv,
      { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const ms = performance.now() - start;
        if (error) {
          rmSync(scratch, { recursive: true, force: true });
          fail(new Error(`${command} ${args.join(' ')} failed: ${stderr.slice(-2000)}`));
          return;
        }
        let cpuMs: number | null = null;
        let peakMb: number | null = null;
        if (useTime && existsSync(report)) {
          const [user, sys, kb] = readFileSync(report, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
          if (Number.isFinite(user) && Number.isFinite(sys)) cpuMs = (user! + sys!) * 1000;
          if (Number.isFinite(kb)) peakMb = kb! / 1024;
        }
        rmSync(scratch, { recursive: true, force: true });
        done({ ms, cpuMs, peakMb, stdout });
      },
    );
  });
}

export async function run(options: { runs?: number } = {}): Promise<BenchRow[]> {
  const runs = options.runs ?? RUNS;
  if (!HAVE_SNAPSHOT) {
    console.log(`sync: skipped, the snapshot ${BUNDLE} is absent (../shared beside the project)`);
    return [];
  }
  const scratch = mkdtempSync(join(tmpdir(), 'scs-bench-sync-'));
  try {
    const clone = join(scratch, 'standards');
    cloneSnapshot(clone);
    const args = (out: string) => [join(ROOT, 'scripts/sync.ts'), '--git', clone, '--out', out, '--pulls', PULLS];
    const sync = (out: string, cache = true) =>
      measure(process.execPath, args(out), cache ? { NODE_COMPILE_CACHE: COMPILE_CACHE } : { NODE_COMPILE_CACHE: '' });
    // One run first, so the page cache holds the clone and the compile cache is filled, as
    // for anyone who syncs more than once.
    await sync(join(scratch, 'warmup'));
    const cold: Measured[] = [];
    const warm: Measured[] = [];
    const uncached: Measured[] = [];
    for (let i = 0; i < runs; i++) {
      const out = join(scratch, `out-${i}`);
      cold.push(await sync(out));
      // The same input again: nothing to write.
      const again = await sync(out);
      if (!again.stdout.includes('no file changed'))
        throw new Error(`a second sync of the same input wrote files:\n${again.stdout}`);
      warm.push(again);
      uncached.push(await sync(join(scratch, `uncached-${i}`), false));
    }
    const floor: Measured[] = [];
    const node: Measured[] = [];
    for (let i = 0; i < runs; i++) {
      floor.push(
        await measure('git', [
          '-C',
          clone,
          'log',
          '-p',
          '--first-parent',
          '-M',
          'main',
          '--',
          'Tests/scs-compatible*.yaml',
          'Standards/',
        ]),
      );
      node.push(await measure(process.execPath, ['-e', '']));
    }
    const wall = (m: Measured[]) => median(m.map((x) => x.ms));
    const cpu = (m: Measured[]) => (m.every((x) => x.cpuMs !== null) ? median(m.map((x) => x.cpuMs!)) : null);
    const budget = (m: Measured[], of: (m: Measured[]) => number | null) => atMost(of(m)! / 1000, BUDGET_S, 's');
    const s = (ms: number) => ms / 1000;
    const { rows, row } = rowsOf('sync');
    row(
      `sync of the snapshot clone into an empty directory, wall (median of ${runs})`,
      s(wall(cold)),
      's',
      budget(cold, wall),
    );
    row('sync of the snapshot clone, nothing changed, wall', s(wall(warm)), 's', budget(warm, wall));
    row('sync without Node’s compile cache, wall', s(wall(uncached)), 's');
    row('git log -p of the same files and history (floor), wall', s(wall(floor)), 's');
    row('Node start-up alone, wall', s(wall(node)), 's');
    row('sync / git log -p, wall', wall(cold) / wall(floor), '×');
    if (cpu(cold) !== null) {
      // CPU time moves far less than wall time when other work shares the machine.
      row('sync into an empty directory, CPU time (user + system)', s(cpu(cold)!), 's', budget(cold, cpu));
      row('sync, nothing changed, CPU time', s(cpu(warm)!), 's', budget(warm, cpu));
      row('git log -p (floor), CPU time', s(cpu(floor)!), 's');
    }
    // Wall times mean little on a shared machine: say how busy it was.
    row(`load average (1 min) at the end, on ${availableParallelism()} cores`, loadavg()[0]!, '');
    const peaks = cold.flatMap((m) => (m.peakMb === null ? [] : [m.peakMb]));
    if (peaks.length) {
      const peak = Math.round(Math.max(...peaks));
      row(
        `peak memory of the sync (maximum resident set, the largest of ${peaks.length})`,
        peak,
        'MB',
        atMost(peak, PEAK_BUDGET_MB, 'MB'),
      );
    } else {
      console.log('sync: peak memory not measured: GNU time (/usr/bin/time) is not installed');
    }
    return rows;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  for (const r of await run())
    console.log(
      `${r.figure.padEnd(72)} ${String(r.value).padStart(8)} ${r.unit.padEnd(3)} ${r.budget ?? ''} ${r.ok === null ? '' : r.ok ? 'ok' : 'OVER'}`,
    );
}
