/** Home, "what's due", on the real default data built for 2025-01-15. */
import { describe, expect, it } from 'vitest';
import { HAVE_CHROMIUM, openPage, SKIP_REASON, text, useBrowser } from './support/browser.ts';

if (!HAVE_CHROMIUM) console.warn(SKIP_REASON);

describe.skipIf(!HAVE_CHROMIUM)('home: what is due on 2025-01-15', () => {
  const browser = useBrowser();

  it('lists the certifiable versions of each scope with since and until', async () => {
    const { page, context, errors } = await openPage(browser(), '/');
    expect(await text(page, '[data-scope="iaas"] tr[data-version="v4"]')).toBe(
      'v4 effective 2024-02-28 2025-02-01, then warn',
    );
    expect(await text(page, '[data-scope="iaas"] tr[data-version="v5.1"]')).toBe(
      'v5.1 effective 2024-12-19 not announced',
    );
    expect(await page.locator('[data-scope="iaas"] tr[data-version="v3"]').count()).toBe(0);
    expect(await text(page, '[data-scope="kaas"] tr[data-version="v1"]')).toBe('v1 effective 2024-11-26 not announced');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lists the next transitions with days left, the announcing pull request and the lead time', async () => {
    const { page, context } = await openPage(browser(), '/');
    const row = page.locator('table.transitions tr[data-scope="iaas"][data-version="v4"]').first();
    expect((await row.innerText()).replace(/\s+/g, ' ').trim()).toBe(
      '2025-02-01 17 days IaaS v4 becomes warn #859 on 2024-12-20 (first announced by #824 on 2024-11-21) 43 days ahead',
    );
    expect(await row.locator('a[href="https://github.com/SovereignCloudStack/standards/pull/859"]').count()).toBe(1);
    // A document with a future stabilized_at: scs-0005-v1 turns Stable the next day.
    expect(await text(page, 'table.transitions tr[data-document="scs-0005-v1"]')).toMatch(
      /^2025-01-16 1 day scs-0005-v1 \(.+\) becomes Stable/,
    );
    // IaaS v4 turns deprecated the day its document scs-0501-v4 turns Deprecated: one row naming both.
    const v4 = page.locator('table.transitions tr[data-document="scs-0501-v4"]');
    expect(await v4.count()).toBe(1);
    expect(await v4.getAttribute('data-version')).toBe('v4');
    expect((await v4.innerText()).replace(/\s+/g, ' ').trim()).toMatch(
      /^2025-07-01 \d+ days IaaS v4 \(scs-0501-v4\) becomes deprecated /,
    );
    const dates = await page.locator('table.transitions tbody tr td:first-child').allInnerTexts();
    expect(dates.length).toBeGreaterThan(3);
    expect([...dates].sort()).toEqual(dates);
    await context.close();
  });

  it('ships no JavaScript, and shows everything with JavaScript disabled', async () => {
    const { page, context } = await openPage(browser(), '/', { javaScriptEnabled: false });
    expect(await page.locator('script').count()).toBe(0);
    expect(await text(page, '[data-scope="iaas"] tr[data-version="v4"]')).toContain('2025-02-01, then warn');
    await context.close();
  });
});
