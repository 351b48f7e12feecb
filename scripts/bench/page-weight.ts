/**
 * What a built page costs a browser, gzipped: its HTML, the stylesheets it links, the
 * JavaScript it loads at once (module scripts, `client:load` islands, and what they import
 * statically), and the JavaScript of islands that load later (`client:visible`, `idle`,
 * `media`), which the budgets count apart.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  /** Path of the page in the site, `scopes/iaas/` (`` for the home page). */
  path: string;
  /** The route it belongs to, dynamic segments as `*`: `scopes/*`. */
  type: string;
  html: number;
  css: number;
  /** JavaScript loaded with the page. */
  jsEager: number;
  /** JavaScript of islands hydrated later. */
  jsLazy: number;
}

const gz = (bytes: Buffer | string) => gzipSync(bytes).length;

/** Every HTML page under `dist`, as site paths. */
export function htmlPages(dist: string): string[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(dist, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

/** `scopes/iaas/index.html` → `scopes/*`; the first segment names the section. */
export function pageType(file: string): string {
  const segments = file
    .replace(/(^|\/)index\.html$/, '')
    .split('/')
    .filter(Boolean);
  if (segments.length === 0) return file === 'index.html' ? '/' : file;
  return segments.map((s, i) => (i === 0 ? s : '*')).join('/');
}

function resolveAsset(dist: string, from: string, url: string): string | null {
  if (/^[a-z]+:|^\/\//i.test(url)) return null; // another origin: not part of the site
  const clean = url.split(/[?#]/)[0]!;
  const path = clean.startsWith('/') ? clean.slice(1) : posix.join(posix.dirname(from), clean);
  const file = join(dist, path);
  return existsSync(file) ? file : null;
}

/** A script and everything it imports statically (dynamic `import()` loads later). */
function withStaticImports(dist: string, file: string, seen: Set<string>): void {
  if (seen.has(file)) return;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  const rel = relative(dist, file).split('\\').join('/');
  for (const m of text.matchAll(
    /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.m?js)["']/g,
  )) {
    const dep = resolveAsset(dist, rel, m[1]!);
    if (dep) withStaticImports(dist, dep, seen);
  }
}

export function pageWeight(dist: string, file: string): PageWeight {
  const html = readFileSync(join(dist, file), 'utf8');
  const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
  let css = 0;
  for (const tag of html.match(/<link\b[^>]*>/g) ?? []) {
    if (attr(tag, 'rel') !== 'stylesheet') continue;
    const f = resolveAsset(dist, file, attr(tag, 'href') ?? '');
    if (f) css += gz(readFileSync(f));
  }
  const eager = new Set<string>();
  const lazy = new Set<string>();
  for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
    const src = attr(tag, 'src');
    const f = src ? resolveAsset(dist, file, src) : null;
    if (f) withStaticImports(dist, f, eager);
  }
  for (const tag of html.match(/<astro-island\b[^>]*>/g) ?? []) {
    const target = attr(tag, 'client') === 'load' ? eager : lazy;
    for (const name of ['component-url', 'renderer-url']) {
      const f = resolveAsset(dist, file, (attr(tag, name) ?? '').replace(/&amp;/g, '&'));
      if (f) withStaticImports(dist, f, target);
    }
  }
  const sum = (files: Iterable<string>) => [...files].reduce((n, f) => n + gz(readFileSync(f)), 0);
  return {
    path: file.replace(/index\.html$/, ''),
    type: pageType(file),
    html: gz(html),
    css,
    jsEager: sum(eager),
    jsLazy: sum([...lazy].filter((f) => !eager.has(f))),
  };
}
