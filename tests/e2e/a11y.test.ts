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

/**
 * One path per page type, the name its screenshots get, and what to wait for before checking
 * (a page whose island renders after load).
 */
export const PAGES: {
  name: string;
  path: string;
  ready?: string;
  /** Why it may be wider than a phone. */ wideOnPhone?: string;
}[] = [
  { name: 'home', path: '/' },
  { name: 'scope', path: '/scopes/iaas/' },
  { name: 'scope-kaas', path: '/scopes/kaas/' },
  { name: 'revision', path: '/scopes/iaas/revisions/cf3a261/' },
  { name: 'standards', path: '/standards/' },
  { name: 'series', path: '/standards/scs-0214/' },
  { name: 'as-of', path: '/as-of/?day=2024-12-01', ready: '#as-of-result[data-rendered]' },
  { name: 'as-of-day', path: '/as-of/2024-11-21/' },
  { name: 'progress', path: '/progress/' },
  { name: 'report', path: '/report/' },
  { name: 'report-weeks', path: '/report/weeks/' },
  { name: 'report-week', path: '/report/weeks/2024-11-21/' },
  { name: 'feeds', path: '/feeds/' },
];

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

  for (const { name, path, ready, wideOnPhone } of PAGES) {
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
      if (!wideOnPhone)
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth),
          `${path} on a phone`,
        ).toBeLessThanOrEqual(390);
      expect(await axeViolations(page), `${path} on a phone`).toEqual([]);
      await screenshot(page, `${name}-phone`);
      await context.close();
    });
  }
});
