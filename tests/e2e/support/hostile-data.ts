/**
 * A copy of data/ with hostile strings in the places pages print: a document title, a pull
 * request title, a revision title. A page that prints them unescaped runs the script.
 * And script URLs where upstream writes addresses: every pull request's `html_url`, the
 * IaaS scope's `url` and one of its modules' `url` (a module that names no document, so its
 * own URL is all a page could link).
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_DIR } from './build-site.ts';

export const HOSTILE = `<img src=x onerror=alert(1)></script><script>alert(2)</script>"'&amp;`;

/** What browsers would run or open: mixed case, leading space, tab and newline in the scheme, data and vbscript. */
export const HOSTILE_URLS = [
  'javascript:alert(document.domain)',
  ' JaVaScRiPt:alert(2)',
  'java\tscript:alert(3)',
  '\njavascript:alert(4)',
  'data:text/html,<script>alert(5)</script>',
  'vbscript:msgbox(6)',
  '//evil.invalid/protocol-relative',
];
/** The IaaS module whose URL is hostile; it names no document in the hostile data. */
export const HOSTILE_MODULE = 'opc-v2022.11';

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
    pulls.forEach((p, i) => (p.url = HOSTILE_URLS[i % HOSTILE_URLS.length]));
  });
  edit('scopes.json', (scopes) => {
    for (const s of scopes) for (const r of s.revisions as Record<string, unknown>[]) if (r.pr === 844) r.title = `${HOSTILE} ${String(r.title)}`;
    for (const s of scopes) {
      if (s.id !== 'iaas') continue;
      s.url = HOSTILE_URLS[0];
      for (const m of s.modules as Record<string, unknown>[]) if (m.id === HOSTILE_MODULE) Object.assign(m, { url: HOSTILE_URLS[1], document: null });
    }
  });
  return dir;
}
