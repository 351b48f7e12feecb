/** /feeds/: every address as text to copy, a copy button where JavaScript runs, on a phone too. */
import { describe, expect, it } from 'vitest';
import { HAVE_CHROMIUM, openPage, PHONE, SKIP_REASON, useBrowser } from './support/browser.ts';

if (!HAVE_CHROMIUM) console.warn(SKIP_REASON);

// The e2e build sets no SITE_URL: the page says which host it assumes (astro.config.mjs's default).
const HOST = 'https://sovereigncloudstack.github.io/';
const ADDRESSES = [
  'rss.xml',
  'scopes/iaas/rss.xml',
  'scopes/kaas/rss.xml',
  'calendar.ics',
  'scopes/iaas/calendar.ics',
  'scopes/kaas/calendar.ics',
  'standards/calendar.ics',
].map((p) => HOST + p);

describe.skipIf(!HAVE_CHROMIUM)('feeds page', () => {
  const browser = useBrowser();

  it('shows every feed address as text, says which host it assumes, and keeps webcal:// links, without JavaScript', async () => {
    const { page, context } = await openPage(browser(), '/feeds/', { javaScriptEnabled: false });
    const shown = await page.locator('.feed-address code').allInnerTexts();
    expect(shown).toEqual(ADDRESSES);
    expect(await page.locator('#feed-host').innerText()).toContain(
      `SITE_URL is not set), so the addresses below assume ${HOST}`,
    );
    expect(await page.locator('button.copy:visible').count()).toBe(0);
    expect(
      await page.locator(`a[href="webcal://sovereigncloudstack.github.io/scopes/kaas/calendar.ics"]`).count(),
    ).toBe(1);
    await context.close();
  });

  it('copies an address with its button on a phone, with no sideways scrolling', async () => {
    const { page, context, errors } = await openPage(browser(), '/feeds/', {
      ...PHONE,
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const buttons = page.locator('button.copy');
    expect(await buttons.count()).toBe(ADDRESSES.length);
    const kaas = page.locator('.feed-address', { hasText: `${HOST}scopes/kaas/calendar.ics` }).locator('button.copy');
    await kaas.click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${HOST}scopes/kaas/calendar.ics`);
    expect(await kaas.innerText()).toBe('Copied');
    // Every address fits the screen: wrapped, not cut off.
    for (const box of await page
      .locator('.feed-address code')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right)))
      expect(box).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
    await context.close();
  });
});
