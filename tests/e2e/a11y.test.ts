/**
 * Every page type: no WCAG 2.0/2.1 A/AA violation found by axe-core in light, on a phone, and
 * in dark (there, the colour rules: nothing else changes), no script error, and nothing wider
 * than a phone. With `npm run screenshots`, screenshots (light, dark, phone) are kept under
 * test-results/screenshots/. A new page type adds one line to PAGES.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  COLOUR_RULES,
  HAVE_CHROMIUM,
  launchChromium,
  openPage,
  PHONE,
  screenshot,
  SKIP_REASON,
} from './support/browser.ts';

if (!HAVE_CHROMIUM) console.warn(SKIP_REASON);

/** One path per page type, by the name its screenshots get. */
const PAGES: Record<string, string> = {
  home: '/',
  scope: '/scopes/iaas/',
  'scope-kaas': '/scopes/kaas/',
  revision: '/scopes/iaas/revisions/cf3a261/',
  standards: '/standards/',
  series: '/standards/scs-0214/',
  'as-of': '/as-of/?day=2024-12-01',
  'as-of-day': '/as-of/2024-11-21/',
  progress: '/progress/',
  report: '/report/',
  'report-weeks': '/report/weeks/',
  'report-week': '/report/weeks/2024-11-21/',
  feeds: '/feeds/',
};
/** What to wait for before checking a page whose island renders after load. */
const READY: Record<string, string> = { 'as-of': '#as-of-result[data-rendered]' };

describe.skipIf(!HAVE_CHROMIUM)('accessibility (axe-core, WCAG 2.1 A/AA) of every page type', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the dark check finds dark text on the dark background: its rules are there and can fail', async () => {
    const { page, context } = await openPage(browser, '/', { colorScheme: 'dark' });
    await page.addStyleTag({ content: 'main p { color: #30363d !important; }' });
    expect((await axeViolations(page, COLOUR_RULES)).map((v) => v.split(' ')[0])).toContain('color-contrast');
    await context.close();
  });

  for (const [name, path] of Object.entries(PAGES)) {
    const ready = READY[name];
    it(`${name} (${path}) has no violations in light, dark or on a phone, and no script errors`, async () => {
      for (const colorScheme of ['light', 'dark'] as const) {
        const { page, context, response, errors } = await openPage(browser, path, { colorScheme });
        if (ready) await page.waitForSelector(ready);
        expect(response?.status(), `${path} status`).toBe(200);
        const rules = colorScheme === 'dark' ? COLOUR_RULES : undefined;
        expect(await axeViolations(page, rules), `${path} in ${colorScheme}`).toEqual([]);
        expect(errors, `${path} in ${colorScheme}`).toEqual([]);
        await screenshot(page, `${name}-${colorScheme}`);
        await context.close();
      }
      const { page, context } = await openPage(browser, path, PHONE);
      if (ready) await page.waitForSelector(ready);
      // Readable on a phone: nothing but scroll containers is wider than the screen.
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${path} on a phone`).toBeLessThanOrEqual(390);
      expect(await axeViolations(page), `${path} on a phone`).toEqual([]);
      await screenshot(page, `${name}-phone`);
      await context.close();
    });
  }
});
