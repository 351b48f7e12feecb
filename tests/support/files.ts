/**
 * Files and directories for tests: throwaway directories, and the state of a directory (every
 * file with a hash of its bytes and its mtime) to prove a run changed nothing, not even a
 * file's modification time.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `scs-${prefix}-`));
}

/** Every file under `dir` (recursively) with a hash of its bytes and its mtime. */
export function dirState(dir: string): Record<string, { sha: string; mtimeMs: number }> {
  const out: Record<string, { sha: string; mtimeMs: number }> = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else
        out[relative(dir, p)] = {
          sha: createHash('sha256').update(readFileSync(p)).digest('hex'),
          mtimeMs: statSync(p).mtimeMs,
        };
    }
  };
  walk(dir);
  return out;
}

/** Set every file's times to a fixed past instant, so an unchanged mtime means "not rewritten". */
export function ageFiles(dir: string): void {
  const past = new Date('2020-01-01T00:00:00Z');
  for (const name of readdirSync(dir)) utimesSync(join(dir, name), past, past);
}

export function copyDir(from: string, to: string): void {
  execFileSync('cp', ['-a', `${from}/.`, to]);
}
