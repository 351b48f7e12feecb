/**
 * A copy of data/ with hostile strings in the places pages print: a document title, a pull
 * request title, a revision title. A page that prints them unescaped runs the script.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_DIR } from './build-site.ts';

export const HOSTILE = `<img src=x onerror=alert(1)></script><script>alert(2)</script>"'&amp;`;

export function hostileDataDir(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'scs-hostile-')), 'data');
  cpSync(join(PROJECT_DIR, 'data'), dir, { recursive: true });
  const edit = (file: string, change: (items: Record<string, unknown>[]) => void) => {
    const path = join(dir, file);
    const items = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>[];
    change(items);
    writeFileSync(path, JSON.stringify(items, null, 2) + '\n');
  };
  edit('documents.json', (docs) => {
    for (const d of docs) if (d.id === 'scs-0214-v2' || d.id === 'scs-0005-v1') d.title = `${HOSTILE} ${String(d.title)}`;
  });
  edit('pulls.json', (pulls) => {
    for (const p of pulls) if (p.number === 835) p.title = `${HOSTILE} ${String(p.title)}`;
  });
  edit('scopes.json', (scopes) => {
    for (const s of scopes) for (const r of s.revisions as Record<string, unknown>[]) if (r.pr === 844) r.title = `${HOSTILE} ${String(r.title)}`;
  });
  return dir;
}
