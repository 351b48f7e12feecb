/**
 * Small files in small folders, so a newcomer can read each idea at once: no source file
 * (src/, scripts/) over 300 lines, and no folder of src/ holding more than 12 files directly
 * (a folder that grows past that is split by concept, as src/domain/ is).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const SOURCE = /\.(ts|tsx|astro|mjs)$/;
const MAX_LINES = 300;
const MAX_FILES = 12;

function walk(dir: string, visit: (dir: string, files: string[]) => void): void {
  const entries = readdirSync(dir, { withFileTypes: true });
  visit(
    dir,
    entries.filter((e) => e.isFile()).map((e) => e.name),
  );
  for (const e of entries) if (e.isDirectory()) walk(join(dir, e.name), visit);
}

describe('source size', () => {
  it(`has no source file over ${MAX_LINES} lines`, () => {
    const long: string[] = [];
    for (const top of ['src', 'scripts']) {
      walk(join(ROOT, top), (dir, files) => {
        for (const f of files.filter((name) => SOURCE.test(name))) {
          const lines = readFileSync(join(dir, f), 'utf8').split('\n').length - 1;
          if (lines > MAX_LINES) long.push(`${relative(ROOT, join(dir, f))}: ${lines} lines`);
        }
      });
    }
    expect(long).toEqual([]);
  });

  it(`has no folder of src/ with more than ${MAX_FILES} files directly`, () => {
    const crowded: string[] = [];
    walk(join(ROOT, 'src'), (dir, files) => {
      if (files.length > MAX_FILES) crowded.push(`${relative(ROOT, dir)}: ${files.length} files`);
    });
    expect(crowded).toEqual([]);
  });
});
