/**
 * Running a command for the benchmark: wall time and, where GNU time is installed, peak
 * memory (maximum resident set) and CPU time of the command and its children. CPU time
 * moves far less than wall time when other work shares the machine.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';

export interface Timed {
  ms: number;
  /** Peak resident memory in MB, or null without GNU time. */
  peakMb: number | null;
  /** CPU time (user + system) of the command and its children in ms, or null without GNU time. */
  cpuMs: number | null;
  stdout: string;
  stderr: string;
}

/** Run `command args` to completion; throws with its stderr when it exits non-zero. */
export async function timed(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<Timed> {
  const scratch = mkdtempSync(join(tmpdir(), 'scs-bench-time-'));
  const memFile = join(scratch, 'rss');
  const useTime = existsSync(GNU_TIME);
  const [cmd, argv] = useTime ? [GNU_TIME, ['-f', '%M %U %S', '-o', memFile, command, ...args]] : [command, [...args]];
  const start = performance.now();
  const child = spawn(cmd, argv, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (c: Buffer) => out.push(c));
  child.stderr.on('data', (c: Buffer) => err.push(c));
  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c) => resolve(c ?? 1));
  });
  const ms = performance.now() - start;
  const stdout = Buffer.concat(out).toString('utf8');
  const stderr = Buffer.concat(err).toString('utf8');
  let peakMb: number | null = null;
  let cpuMs: number | null = null;
  if (useTime && existsSync(memFile)) {
    const [kb, user, sys] = (readFileSync(memFile, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number);
    if (Number.isFinite(kb)) peakMb = kb! / 1024;
    if (Number.isFinite(user) && Number.isFinite(sys)) cpuMs = (user! + sys!) * 1000;
  }
  rmSync(scratch, { recursive: true, force: true });
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${code}:\n${stderr.slice(-2000)}`);
  return { ms, peakMb, cpuMs, stdout, stderr };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
