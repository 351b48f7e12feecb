/**
 * Script URLs written upstream (every pull request's `html_url`, a scope's and a module's
 * `url`: tests/support/hostile-site.ts) never become links: every page, feed, calendar and API
 * file of the hostile build is scanned for link targets, and Chromium's own parse of every
 * link on the pages that show them finds only http(s) and the site's webcal subscriptions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { HAVE_CHROMIUM, openPage, SKIP_REASON, useBrowser } from './support/browser.ts';
import { HOSTILE_MODULE, HOSTILE_URLS } from '../support/hostile-site.ts';

if (!HAVE_CHROMIUM) console.warn(SKIP_REASON);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(html|xml|ics|json|md|svg|txt)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(
      /&(quot|apos|lt|gt|amp|Tab|NewLine);/g,
      (_, n: string) => ({ quot: '"', apos: "'", lt: '<', gt: '>', amp: '&', Tab: '\t', NewLine: '\n' })[n]!,
    );
}

/** Link targets in markup (attributes), once as written and once with entities decoded (HTML inside RSS). */
function markupTargets(text: string): string[] {
  const out: string[] = [];
  for (const layer of [text, decodeEntities(text)]) {
    for (const m of layer.matchAll(
      /\s(?:href|src|action|formaction|xlink:href|poster|data)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi,
    )) {
      out.push(decodeEntities(m[1] ?? m[2] ?? m[3] ?? ''));
    }
  }
  return out;
}

/** `URL` properties of a calendar, lines unfolded (RFC 5545 3.1). */
function calendarTargets(text: string): string[] {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split(/\r\n/)
    .filter((l) => /^URL[;:]/.test(l))
    .map((l) => l.slice(l.indexOf(':') + 1));
}

/** String values of `url`, `href` and link keys anywhere in a JSON document. */
function jsonTargets(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return /^(url|href|html|json|rss|calendar|\$schema|\$id)$/.test(key) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => jsonTargets(v));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => jsonTargets(v, k));
  return [];
}

function markdownTargets(text: string): string[] {
  return [...text.matchAll(/\]\(([^)\s]*)\)/g)].map((m) => m[1]!);
}

/**
 * Whether a target is harmless: http(s), the site's own calendar subscription (webcal), or
 * a relative address. What browsers strip (leading space, control characters, tabs and
 * newlines inside) is stripped first, as they do.
 */
function harmless(target: string): boolean {
  const seen = target.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '');
  if (/^https?:\/\//i.test(seen)) return true;
  if (/^webcal:\/\/[^/]+\/.*\.ics$/i.test(seen)) return true;
  if (seen.startsWith('//')) return false;
  return !/^[a-z][a-z0-9+.-]*:/i.test(seen);
}

describe.skipIf(!HAVE_CHROMIUM)('script URLs from upstream never become links', () => {
  const browser = useBrowser();

  it('no page, feed, calendar, Markdown or API file of the hostile build links anything but http(s)', () => {
    const dir = inject('hostileDir');
    const files = filesUnder(dir);
    expect(files.some((f) => f.endsWith('rss.xml'))).toBe(true);
    expect(files.some((f) => f.endsWith('.ics'))).toBe(true);
    expect(files.some((f) => f.endsWith('api/v1/pulls.json'))).toBe(true);
    const bad: string[] = [];
    let checked = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const targets = file.endsWith('.ics')
        ? calendarTargets(text)
        : file.endsWith('.json')
          ? jsonTargets(JSON.parse(text))
          : file.endsWith('.md')
            ? markdownTargets(text)
            : markupTargets(text);
      checked += targets.length;
      for (const t of targets) if (!harmless(t)) bad.push(`${relative(dir, file)}: ${JSON.stringify(t)}`);
    }
    expect(checked).toBeGreaterThan(1000);
    expect(bad).toEqual([]);
  });

  it('the scanner itself finds each hostile URL when it is written as a link', () => {
    for (const url of HOSTILE_URLS) {
      const escaped = url
        .replace(/&/g, '&amp;')
        .replace(/"/g, '&quot;')
        .replace(/</g, '&lt;')
        .replace(/\t/g, '&#9;')
        .replace(/\n/g, '&#10;');
      expect(
        markupTargets(`<a href="${escaped}">x</a>`).some((t) => !harmless(t)),
        url,
      ).toBe(true);
      expect(
        markupTargets(`<description>&lt;a href=&quot;${escaped.replace(/&/g, '&amp;')}&quot;&gt;</description>`).some(
          (t) => !harmless(t),
        ),
        url,
      ).toBe(true);
    }
    expect(jsonTargets({ pulls: [{ url: HOSTILE_URLS[0] }] }).some((t) => !harmless(t))).toBe(true);
  });

  for (const path of ['/scopes/iaas/', '/progress/', '/standards/scs-0214/', '/']) {
    it(`Chromium finds only http(s) and webcal links on ${path}, and no dialog opens`, async () => {
      const { page, context, errors } = await openPage(browser(), path, {}, inject('hostileUrl')!);
      const protocols = await page
        .locator('a[href], area[href]')
        .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).protocol));
      expect(protocols.length).toBeGreaterThan(5);
      expect(protocols.filter((p) => !['http:', 'https:', 'webcal:'].includes(p))).toEqual([]);
      const hrefs = await page
        .locator('a[href]')
        .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
      expect(hrefs.filter((h) => h.includes('evil.invalid'))).toEqual([]);
      expect(errors.filter((e) => e.startsWith('dialog'))).toEqual([]);
      await context.close();
    });
  }

  it('a module with a script URL is named as text; a pull request links its address on GitHub', async () => {
    const { page, context } = await openPage(browser(), '/scopes/iaas/', {}, inject('hostileUrl')!);
    const module = page
      .locator('details.includes li', { has: page.locator(`code:text-is("${HOSTILE_MODULE}")`) })
      .first();
    expect(await module.count()).toBe(1);
    expect(await module.locator('a').count()).toBe(0);
    await context.close();
    const series = await openPage(browser(), '/standards/scs-0214/', {}, inject('hostileUrl')!);
    expect(await series.page.locator('tr[data-pr="835"] a').first().getAttribute('href')).toBe(
      'https://github.com/SovereignCloudStack/standards/pull/835',
    );
    await series.context.close();
  });
});
