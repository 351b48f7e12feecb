/**
 * The frame every page shares (src/layouts/Base.astro): data-date line, navigation,
 * dark mode, JavaScript disabled, keyboard focus.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_CHROMIUM, launchChromium, openPage, SKIP_REASON } from './support/browser.ts';

if (!HAVE_CHROMIUM) console.warn(SKIP_REASON);

describe.skipIf(!HAVE_CHROMIUM)('layout', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the upstream data date, the build day, and no stale warning for a build before the data', async () => {
    const { page, context, errors } = await openPage(browser, '/');
    const line = await page.locator('.data-date').innerText();
    expect(line).toMatch(/Upstream data as of 2026-08-21 \(077174d\), built 2025-01-15/);
    expect(await page.locator('.warning').count()).toBe(0);
    expect(await page.locator('footer').innerText()).toContain('SovereignCloudStack/standards');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('marks the current page in the navigation', async () => {
    const { page, context } = await openPage(browser, '/');
    const current = page.locator('nav[aria-label="Main"] a[aria-current="page"]');
    expect(await current.innerText()).toBe("What's due");
    await context.close();
  });

  it('follows prefers-color-scheme: dark changes the computed colours', async () => {
    const colours = async (colorScheme: 'light' | 'dark') => {
      const { page, context } = await openPage(browser, '/', { colorScheme });
      const c = await page.evaluate(() => {
        const s = getComputedStyle(document.body);
        return { bg: s.backgroundColor, fg: s.color };
      });
      await context.close();
      return c;
    };
    const light = await colours('light');
    const dark = await colours('dark');
    expect(light.bg).toBe('rgb(255, 255, 255)');
    expect(dark.bg).not.toBe(light.bg);
    expect(dark.fg).not.toBe(light.fg);
  });

  it('works with JavaScript disabled: the core content is in the HTML', async () => {
    const { page, context } = await openPage(browser, '/', { javaScriptEnabled: false });
    expect(await page.locator('h1').innerText()).toBe("What's due");
    expect(await page.locator('main table').count()).toBeGreaterThan(0);
    await context.close();
  });

  it('prints for a shared screen: no navigation, black on white', async () => {
    const { page, context } = await openPage(browser, '/scopes/iaas/', { colorScheme: 'dark' });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav[aria-label="Main"]').isVisible()).toBe(false);
    expect(await page.locator('h1').isVisible()).toBe(true);
    const colours = await page.evaluate(() => ({
      bg: getComputedStyle(document.body).backgroundColor,
      fg: getComputedStyle(document.body).color,
    }));
    expect(colours).toEqual({ bg: 'rgb(255, 255, 255)', fg: 'rgb(0, 0, 0)' });
    await context.close();
  });

  it('reaches the skip link first with the keyboard, with a visible focus ring', async () => {
    const { page, context } = await openPage(browser, '/');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return {
        text: el.textContent,
        outline: s.outlineStyle,
        width: s.outlineWidth,
        visible: r.left >= 0 && r.top >= 0 && r.width > 0,
      };
    });
    expect(focused.text).toBe('Skip to content');
    expect(focused.outline).not.toBe('none');
    expect(focused.visible).toBe(true);
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { tag: el.tagName, outline: getComputedStyle(el).outlineStyle };
    });
    expect(next.tag).toBe('A');
    expect(next.outline).not.toBe('none');
    await context.close();
  });
});
