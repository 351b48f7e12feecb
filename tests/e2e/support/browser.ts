/**
 * Debian's Chromium driven by playwright-core. Without /usr/bin/chromium the browser tests
 * are skipped with a message, except under CI=true, where that is a failure (.ci/run
 * installs the package).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { PROJECT_DIR } from './build-site.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM_PATH);
export const SKIP_REASON = `SKIPPED: browser tests need Debian's chromium at ${CHROMIUM_PATH} (apt-get install chromium)`;

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** One Chromium for the enclosing describe block: call inside it, use the getter in tests. */
export function useBrowser(): () => Browser {
  let browser: Browser | null = null;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium did not start');
    return browser;
  };
}

/** Text of an element with runs of white space made single spaces. */
export async function text(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).first().innerText()).replace(/\s+/g, ' ').trim();
}

/** The address of the e2e site that the global setup built and serves. */
export function siteUrl(path = '/'): string {
  const base = inject('siteUrl');
  if (!base) throw new Error('the e2e global setup did not serve a site');
  return base + path;
}

/** A page whose console errors and uncaught exceptions are collected (a test asserts none). */
export async function openPage(
  browser: Browser,
  path: string,
  options: BrowserContextOptions = {},
  base = siteUrl(''),
) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    reducedMotion: 'reduce',
    ...options,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  const response = await page.goto(base + path, { waitUntil: 'load' });
  return { page, context, response, errors };
}

const AXE_SOURCE = () => readFileSync(join(PROJECT_DIR, 'node_modules/axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** The WCAG 2.0/2.1 A and AA rules of axe-core. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Those of them whose answer depends on colours alone: the dark scheme changes only the
 * colour custom properties (src/styles/global.css), so these are all a dark pass can find
 * that the light pass of the same page did not.
 */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** WCAG 2.0/2.1 A and AA violations axe-core finds on the page, one line each; `rules` limits the check to those. */
export async function axeViolations(page: Page, rules?: string[]): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE() });
  const runOnly = rules ? { type: 'rule', values: rules } : { type: 'tag', values: WCAG_TAGS };
  const violations = await page.evaluate(async (only) => {
    const axe = (
      globalThis as unknown as {
        axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: only });
    return result.violations;
  }, runOnly);
  return violations.map(
    (v: AxeViolation) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`)
        .join(' | ')}`,
  );
}

export const SCREENSHOT_DIR = join(PROJECT_DIR, 'test-results/screenshots');

/** A phone's viewport: the narrow layout's checks and screenshots. */
export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/**
 * Screenshots are taken only on request (`npm run screenshots`, SCREENSHOTS=1): they are for
 * people to look at and assert nothing, and full-page captures of long pages are slow.
 */
export const SCREENSHOTS = process.env.SCREENSHOTS === '1';

/** With SCREENSHOTS, a full-page screenshot kept as a test artefact: test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!SCREENSHOTS) return;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
}
