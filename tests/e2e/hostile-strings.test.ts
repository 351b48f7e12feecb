/**
 * Hostile strings from upstream, end to end: the snapshot plus a commit whose pull request
 * title, and a document whose title and description, carry HTML, a `</script>` breakout
 * and CRLF / iCal property injections. The real sync reads them (commit message, front
 * matter, pull-request export), the real site is built from its output, and then:
 * - every page that shows them is loaded in Chromium: no dialog opens, no injected element
 *   exists, no injected script ran, and the text appears literally;
 * - RSS feeds parse as XML with the text as text; calendars parse with ical.js with exactly
 *   as many events as `BEGIN:VEVENT` lines and no injected property.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fastImport } from '../../scripts/lib/git-fast-import.ts';
import { syncFromGit } from '../../scripts/lib/sync.ts';
import { parseCalendar } from '../support/ics.ts';
import { parseRss } from '../support/xml.ts';
import { buildSite, removeBuild } from '../support/astro-build.ts';
import { BUNDLE, HAVE_SNAPSHOT, PULLS } from '../support/snapshot.ts';
import { HAVE_CHROMIUM, launchChromium, SKIP_REASON } from './support/browser.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';

/** A marker to find every place the hostile strings reach. */
const MARK = 'HOSTILE-7F3A';
const IMG = '<img src=x onerror=alert(1)>';
const BREAKOUT = '</script><script>alert(1)</script>';
const ATTENDEE = 'x\r\nATTENDEE:mailto:evil@example.com';
const NEW_EVENT = '\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil@example.com';
const PR_NUMBER = 1300;
/** The commit subject: one line (git has no CR/LF in a subject), HTML and a script breakout. */
const COMMIT_TITLE = `${MARK} announce next ${IMG} ${BREAKOUT}`;
/** The pull-request title from the export wins over the commit subject: CRLF injections too. */
const PR_TITLE = `${MARK} announce next ${IMG} ${BREAKOUT} ${ATTENDEE}${NEW_EVENT}`;
const DOC_TITLE = `${MARK} document ${IMG} ${BREAKOUT} ${ATTENDEE}${NEW_EVENT}`;
const DOC_ID = 'scs-0999-v1';
const TODAY = '2026-07-26';

if (!HAVE_SNAPSHOT) console.warn('SKIPPED: hostile-strings e2e needs the snapshot in ../shared/fixtures/scs-standards');
if (!HAVE_CHROMIUM) console.warn(SKIP_REASON);

function files(dir: string, ext: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}

/** The upstream snapshot plus one hostile commit, synced into a data directory. */
async function hostileData(tmp: string): Promise<string> {
  const repo = join(tmp, 'standards');
  execFileSync('git', ['clone', '-q', BUNDLE, repo]);
  const scopePath = 'Tests/scs-compatible-iaas.yaml';
  const scope = readFileSync(join(repo, scopePath), 'utf8');
  if (!scope.includes('\ntimeline:\n')) throw new Error(`${scopePath} has no timeline: in the snapshot`);
  const doc = [
    '---',
    `title: ${JSON.stringify(DOC_TITLE)}`,
    'type: Standard',
    'status: Stable',
    'stabilized_at: 2026-07-20',
    'track: IaaS',
    `description: ${JSON.stringify(`${MARK} description ${IMG} ${BREAKOUT}`)}`,
    '---',
    '',
  ].join('\n');
  await fastImport(repo, [
    {
      message: `${COMMIT_TITLE} (#${PR_NUMBER})\n`,
      date: '2026-07-25T10:00:00+02:00',
      files: {
        [scopePath]: scope.replace(
          '\ntimeline:\n',
          '\ntimeline:\n  - date: 2026-09-01\n    versions:\n      next: effective\n      v5.1: warn\n',
        ),
        [`Standards/${DOC_ID}-hostile.md`]: doc,
        // A file name is upstream text too: the slug reaches links to the file.
        [`Standards/scs-0998-v1-${IMG}.md`]: doc.replace(MARK, `${MARK} file name`),
      },
    },
  ]);
  const pulls = JSON.parse(readFileSync(PULLS, 'utf8')) as Record<string, unknown>[];
  pulls.push({
    number: PR_NUMBER,
    title: PR_TITLE,
    state: 'closed',
    draft: false,
    created_at: '2026-07-20T10:00:00Z',
    updated_at: '2026-07-23T08:00:00Z',
    closed_at: '2026-07-23T08:00:00Z',
    merged_at: '2026-07-23T08:00:00Z',
    author: `${MARK}<b>`,
    head_ref: 'x',
    head_sha: null,
    labels: [`${MARK} ${IMG}`],
    files: [scopePath, `Standards/${DOC_ID}-hostile.md`],
    html_url: `https://github.com/SovereignCloudStack/standards/pull/${PR_NUMBER}`,
  });
  pulls.push({
    number: PR_NUMBER + 1,
    title: `${MARK} open ${IMG} ${BREAKOUT}${NEW_EVENT}`,
    state: 'open',
    draft: false,
    created_at: '2026-07-21T10:00:00Z',
    updated_at: '2026-07-22T10:00:00Z',
    closed_at: null,
    merged_at: null,
    author: 'someone',
    head_ref: 'y',
    head_sha: null,
    labels: [],
    files: [`Standards/${DOC_ID}-hostile.md`],
    html_url: `https://github.com/SovereignCloudStack/standards/pull/${PR_NUMBER + 1}`,
  });
  const pullsFile = join(tmp, 'pulls.json');
  writeFileSync(pullsFile, JSON.stringify(pulls));
  const data = join(tmp, 'data');
  await syncFromGit({ git: repo, out: data, pulls: pullsFile });
  return data;
}

describe.skipIf(!HAVE_SNAPSHOT || !HAVE_CHROMIUM)('hostile strings from upstream', () => {
  let dist: string;
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'scs-hostile-'));
    const data = await hostileData(tmp);
    dist = await buildSite({ dataDir: data, today: TODAY, label: 'hostile-strings' });
    server = await serveStatic(dist);
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dist) removeBuild(dist);
  });

  it('never writes the markup unescaped into a page', () => {
    const pages = files(dist, '.html');
    const reached = pages.filter((p) => readFileSync(join(dist, p), 'utf8').includes(MARK));
    expect(reached.length).toBeGreaterThan(0);
    for (const p of pages) {
      const html = readFileSync(join(dist, p), 'utf8');
      // Links to upstream files are percent-encoded (a file name is upstream text too).
      expect(html, p).not.toMatch(/href="[^"]*<img/);
      // Elsewhere in attributes `<` is only text; in text content it must be escaped.
      const text = html.replace(/="[^"]*"/g, '=""');
      expect(text, p).not.toContain(IMG);
      expect(text, p).not.toContain('<script>alert(1)');
      expect(text, p).not.toContain('onerror=alert(1)>');
    }
  });

  it(
    'runs no script and injects no element in Chromium, and shows the text literally',
    { timeout: 120_000 },
    async () => {
      const pages = files(dist, '.html').filter((p) => readFileSync(join(dist, p), 'utf8').includes(MARK));
      const context = await browser.newContext();
      const dialogs: string[] = [];
      const errors: string[] = [];
      let shown = 0;
      let literal = 0;
      for (const p of pages) {
        const page = await context.newPage();
        page.on('dialog', (d) => {
          dialogs.push(`${p}: ${d.message()}`);
          void d.dismiss();
        });
        page.on('pageerror', (e) => errors.push(`${p}: ${e.message}`));
        const url = `${server.url}/${p.replace(/index\.html$/, '')}`;
        await page.goto(url, { waitUntil: 'load' });
        const found = await page.evaluate(
          (mark) => ({
            injectedImages: document.querySelectorAll('img[src="x"], [onerror]').length,
            alertScripts: [...document.scripts].filter(
              (s) => s.textContent?.includes('alert(1)') && !s.type.includes('json'),
            ).length,
            text: document.body.innerText,
            hasMark: document.body.innerText.includes(mark) || document.title.includes(mark),
          }),
          MARK,
        );
        expect(found.injectedImages, p).toBe(0);
        expect(found.alertScripts, p).toBe(0);
        // Where the text is shown, its markup is shown as characters.
        if (found.hasMark) {
          shown++;
          expect(found.text, p).toContain('<img src=x');
          if (found.text.includes(IMG)) literal++;
        }
        await page.close();
      }
      await context.close();
      expect(shown).toBeGreaterThan(0);
      expect(literal).toBeGreaterThan(0);
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
    },
  );

  it('keeps RSS well-formed, with the strings as text', () => {
    const feeds = files(dist, '.xml').filter((f) => f.endsWith('rss.xml'));
    expect(feeds.length).toBeGreaterThan(0);
    let seen = 0;
    for (const f of feeds) {
      const text = readFileSync(join(dist, f), 'utf8');
      const { items } = parseRss(text);
      for (const item of items.filter((i) => i.title.includes(MARK) || i.description.includes(MARK))) {
        seen++;
        // Titles are plain text: the markup is there as characters, on one line.
        expect(item.title, f).not.toMatch(/[\r\n]/);
        // Descriptions are HTML: once the XML is read, the markup must still be escaped text.
        expect(item.description, f).not.toContain(IMG);
        expect(item.description, f).not.toContain('<script');
      }
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('keeps calendars to their own events and properties', () => {
    const calendars = files(dist, '.ics');
    expect(calendars.length).toBeGreaterThan(0);
    let seen = 0;
    for (const f of calendars) {
      const text = readFileSync(join(dist, f), 'utf8');
      const { events } = parseCalendar(text);
      expect(events.length, f).toBe(text.match(/^BEGIN:VEVENT\r$/gm)?.length ?? 0);
      expect(text, f).not.toMatch(/^ATTENDEE/m);
      expect(text, f).not.toMatch(/^UID:evil/m);
      for (const e of events) {
        expect(e.propertyNames, f).not.toContain('attendee');
        expect(e.uid, f).not.toContain('evil');
        if (e.summary.includes(MARK) || e.description.includes(MARK)) seen++;
      }
    }
    expect(seen).toBeGreaterThan(0);
  });
});
