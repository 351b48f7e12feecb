/**
 * The tools under `scripts/` (sync, benchmark, GitHub-compatible server) stand on their own:
 * none imports from `tests/`, which a user running them need not have.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('scripts/', () => {
  it('imports nothing from tests/', () => {
    const offenders = sources(join(ROOT, 'scripts')).filter((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bfrom\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]/g)].some((m) => {
        const spec = m[1] ?? m[2]!;
        return spec.startsWith('.') && relative(ROOT, resolve(join(file, '..'), spec)).startsWith('tests');
      }),
    );
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
    expect(sources(join(ROOT, 'scripts')).length).toBeGreaterThan(10);
  });
});
