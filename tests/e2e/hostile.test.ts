/** Hostile strings in the data (a document title, a PR title, a commit title) reach pages as text, never as markup; the site is served under its base path. */
import { describe, expect, inject, it } from 'vitest';
import { HAVE_CHROMIUM, openPage, SKIP_REASON, useBrowser } from './support/browser.ts';
import { HOSTILE } from '../support/hostile-site.ts';

if (!HAVE_CHROMIUM) console.warn(SKIP_REASON);

describe.skipIf(!HAVE_CHROMIUM)('hostile strings are escaped', () => {
  const browser = useBrowser();
  const pages = [
    '/',
    '/standards/',
    '/standards/scs-0214/',
    '/standards/scs-0005/',
    '/scopes/kaas/',
    '/as-of/?day=2025-01-16',
  ];

  for (const path of pages) {
    it(`prints them as text on ${path}`, async () => {
      const { page, context, errors, response } = await openPage(browser(), path, {}, inject('hostileUrl')!);
      // Not even inside an attribute value does the markup appear as written.
      expect(await response!.text()).not.toContain('<img src=x');
      if (path.includes('?day='))
        await page.waitForFunction(() => /^Showing/.test(document.getElementById('as-of-status')?.textContent ?? ''));
      expect(await page.locator('main').innerText()).toContain(
        `<img src=x onerror=alert(1)></script><script>alert(2)</script>"'&amp;`,
      );
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      expect(errors.filter((e) => e.startsWith('dialog'))).toEqual([]);
      await context.close();
    });
  }

  it('uses the hostile data at all', () => {
    expect(HOSTILE).toContain('<script>');
  });
});
