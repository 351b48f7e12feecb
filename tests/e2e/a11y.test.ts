/**
 * Every page type: no WCAG 2.0/2.1 A/AA violation found by axe-core, in light and dark, and
 * screenshots (light, dark, phone) kept under test-results/screenshots/ as artefacts.
 * A new page type adds one line to PAGES.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, HAVE_CHROMIUM, launchChromium, openPage, screenshots, SKIP_REASON } from './support/browser.ts';

if (!HAVE_CHROMIUM) console.warn(SKIP_REASON);

/** One path per page type, and the name its screenshots get. */
export const PAGES: { name: string; path: string }[] = [
  { name: 'home', path: '/' },
  { name: 'progress', path: '/progress/' },
  { name: 'report', path: '/report/' },
];

describe.skipIf(!HAVE_CHROMIUM)('accessibility (axe-core, WCAG 2.1 A/AA) and screenshots', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const { name, path } of PAGES) {
    it(`${name} (${path}) has no violations in light or dark, and no script errors`, async () => {
      for (const colorScheme of ['light', 'dark'] as const) {
        const { page, context, response, errors } = await openPage(browser, path, { colorScheme });
        expect(response?.status(), `${path} status`).toBe(200);
        expect(await axeViolations(page), `${path} in ${colorScheme}`).toEqual([]);
        expect(errors, `${path} in ${colorScheme}`).toEqual([]);
        await context.close();
      }
      const files = await screenshots(browser, path, name);
      expect(files).toHaveLength(3);
    });
  }
});
