/**
 * The committed `data/` plus what a monitor says of its subjects: the real sync with
 * `--monitor-only`, as a deployment that adds a monitor to the committed data runs it.
 */
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runScript, type RunResult } from './upstream-repo.ts';

/**
 * Copy `data/` into `dir` and sync the subjects of the monitor at `monitorUrl` into it. Group
 * acme is named (`--monitor-group`): the monitor's overview table, a fixed list of certified
 * clouds, does not link it.
 */
export function syncMonitorInto(monitorUrl: string, dir: string): Promise<RunResult> {
  mkdirSync(dir, { recursive: true });
  cpSync(join(ROOT, 'data'), dir, { recursive: true });
  return runScript('scripts/sync.ts', [
    '--monitor',
    monitorUrl,
    '--monitor-only',
    '--monitor-group',
    'acme',
    '--out',
    dir,
  ]);
}
