/**
 * The layout of `src/domain/`: one folder per concept, each with a README whose second line
 * says which folders it may import. Imports run one way (no cycle between folders), nothing
 * in the domain touches the file system, the network or Astro, and every module has a test
 * named after it (`tests/domain/<folder>/<module>.test.ts`).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const DOMAIN = resolve(import.meta.dirname, '../../src/domain');
const TESTS = resolve(import.meta.dirname);

const folders = readdirSync(DOMAIN).filter((d) => statSync(join(DOMAIN, d)).isDirectory());
const modulesOf = (folder: string) => readdirSync(join(DOMAIN, folder)).filter((f) => /\.tsx?$/.test(f));

/** The folders a README's second line allows ("May import `a/`, `b/`." or "Imports no other folder"). */
function allowedImports(folder: string): Set<string> {
  const line = readFileSync(join(DOMAIN, folder, 'README.md'), 'utf8').split('\n')[1] ?? '';
  return new Set([...line.matchAll(/`([a-z-]+)\/`/g)].map((m) => m[1] ?? ''));
}

/** Every import specifier of a module: static, re-exports and dynamic. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1] ?? '');
}

describe('src/domain layout', () => {
  it('holds only concept folders, each with a two-line README', () => {
    expect(readdirSync(DOMAIN).filter((f) => !folders.includes(f))).toEqual([]);
    for (const folder of folders) {
      const lines = readFileSync(join(DOMAIN, folder, 'README.md'), 'utf8')
        .trim()
        .split('\n');
      expect(lines, folder).toHaveLength(2);
      expect(lines[1], folder).toMatch(
        /^(May import (`[a-z-]+\/`(, )?)+\.|Imports no other folder of `src\/domain\/`\.)$/,
      );
    }
  });

  it('imports only what each README allows, and nothing of parse/ or days/ reaches another folder', () => {
    const violations: string[] = [];
    for (const folder of folders) {
      const allowed = allowedImports(folder);
      for (const module of modulesOf(folder)) {
        for (const spec of importsOf(join(DOMAIN, folder, module))) {
          if (!spec.startsWith('.')) continue;
          const [src, domain, target] = posix.normalize(posix.join('src/domain', folder, spec)).split('/');
          if (src !== 'src' || domain !== 'domain') violations.push(`${folder}/${module} leaves src/domain: ${spec}`);
          else if (target !== folder && !allowed.has(target ?? ''))
            violations.push(`${folder}/${module} imports ${spec}`);
        }
      }
    }
    expect(violations).toEqual([]);
    expect(allowedImports('parse')).toEqual(new Set());
  });

  it('has no cycle between folders', () => {
    const graph = new Map(folders.map((f) => [f, [...allowedImports(f)]]));
    const seen = new Set<string>();
    const visit = (f: string, path: string[]): void => {
      expect(path, `cycle ${[...path, f].join(' → ')}`).not.toContain(f);
      if (seen.has(f)) return;
      for (const g of graph.get(f) ?? []) visit(g, [...path, f]);
      seen.add(f);
    };
    for (const f of folders) visit(f, []);
  });

  it('is pure: no file system, network, process or Astro import', () => {
    const impure: string[] = [];
    for (const folder of folders) {
      for (const module of modulesOf(folder)) {
        for (const spec of importsOf(join(DOMAIN, folder, module))) {
          if (/^(node:|fs$|path$|http|astro)/.test(spec)) impure.push(`${folder}/${module}: ${spec}`);
        }
      }
    }
    expect(impure).toEqual([]);
  });

  // Modules tested only through the modules and commands that use them. Every module has its
  // own test now, so the list is empty; it may only shrink: a new module comes with its test.
  const TESTED_THROUGH_OTHERS: string[] = [];

  it('gives every module a test named after it', () => {
    const untested = folders.flatMap((folder) =>
      modulesOf(folder)
        .map((m) => `${folder}/${m.replace(/\.tsx?$/, '.test.ts')}`)
        .filter((t) => !existsSync(join(TESTS, t))),
    );
    expect(untested).toEqual(TESTED_THROUGH_OTHERS);
  });
});
