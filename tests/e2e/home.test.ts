/**
 * Home, "what's due", on the real default data: built for 2025-01-15 (transitions ahead, no
 * draft version: nothing to add) and for 2026-12-01, past the data's end (2026-08-21), when
 * nothing is announced for the next year and the page shows what is coming instead.
 */
import { describe, expect, inject, it } from 'vitest';
import {
  axeViolations,
  COLOUR_RULES,
  HAVE_CHROMIUM,
  openPage,
  PHONE,
  screenshot,
  SKIP_REASON,
  text,
  useBrowser,
} from './support/browser.ts';

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
    // Transitions ahead and no draft version on that day: no "what is coming" section.
    expect(await page.locator('section.coming').count()).toBe(0);
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

describe.skipIf(!HAVE_CHROMIUM)('home built on 2026-12-01: nothing announced, what is coming instead', () => {
  const browser = useBrowser();
  // The data-end site of the global setup (tests/site/global-setup.ts): data/, built on 2026-12-01.
  const url = inject('dataEndUrl')!;
  const open = (options = {}) => openPage(browser(), '/', options, url);

  it('says nothing is announced, and shows each scope’s latest change with its notice', async () => {
    const { page, context, errors } = await open();
    expect(await text(page, '#next-transitions ~ p:not(.small)')).toBe('No transition is announced for this period.');
    expect(await text(page, '#coming')).toBe('What is coming');
    expect(await text(page, 'section.coming > p')).toBe('Nothing is announced for the 365 days from 2026-12-01.');
    expect(await text(page, '#latest-change')).toBe('Latest change of each scope');
    expect(await page.locator('ul.latest > li').allInnerTexts()).toEqual([
      'IaaS v4 (scs-0501-v4) became deprecated on 2025-07-01, announced 5 days ahead by #955 on 2025-06-26.',
      'KaaS v1 (scs-0502-v1) became effective on 2024-11-26, announced on the day by #844 on 2024-11-26.',
    ]);
    const v4 = page.locator('ul.latest > li[data-scope="iaas"][data-version="v4"]');
    expect(await v4.locator('a[href="https://github.com/SovereignCloudStack/standards/pull/955"]').count()).toBe(1);
    expect(await v4.locator('a[href="/scopes/iaas/"]').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the draft version in preparation with its readiness, and says the pull requests are those of the data’s end', async () => {
    const { page, context } = await open();
    expect(await text(page, '#readiness')).toBe('Draft scope versions on 2026-12-01');
    expect(await text(page, '#readiness + p')).toBe(
      "How close each is to being stabilized, as the data stood on 2026-12-01 (pull requests as of 2026-08-21, the data's end).",
    );
    const next = page.locator('.readiness > li[data-scope="iaas"][data-version="next"]');
    expect(await next.getAttribute('data-not-stable')).toBe('scs-0102-v2 scs-0123-v2 scs-0128-v1');
    expect(await text(page, '.readiness > li[data-version="next"] .readiness-words')).toBe(
      'IaaS next: scs-0100-v3, scs-0101-v1, scs-0103-v1, scs-0104-v1, scs-0114-v1, scs-0115-v1, scs-0116-v1, scs-0117-v1, scs-0121-v1 and scs-0302-v1 Stable; scs-0102-v2 Draft, no pull request open; scs-0123-v2 Draft, no pull request open; scs-0128-v1 Draft, no pull request open',
    );
    expect(await text(page, 'li[data-standard="scs-0102-v2"]')).toBe('scs-0102-v2 Draft');
    expect(
      await next.locator('li[data-standard="scs-0123-v2"] a[href="/standards/scs-0123/#scs-0123-v2"]').count(),
    ).toBe(1);
    // Only a single draft version then: KaaS has none.
    expect(await page.locator('.readiness > li').count()).toBe(1);
    // The layout says what the data covers.
    expect(await text(page, 'body')).toContain('commit 077174d of 2026-08-21');
    await context.close();
  });

  it('says which pull requests it asked for proposed dates: those open at the data’s end, none proposing one', async () => {
    const { page, context } = await open();
    expect(await text(page, '#proposed-dates')).toBe('Proposed dates from open pull requests');
    expect(await text(page, '.coming .proposals-none')).toBe(
      'No pull request open on 2026-08-21 (pull requests as of, the data’s end) proposes a date from 2026-12-01 on.',
    );
    expect(await text(page, '.coming .proposals-others')).toBe(
      '3 pull requests open then propose changes without a date ahead (new scope versions, documents’ dates, or heads that do not merge).',
    );
    // Nothing proposed is listed among the announced transitions or the latest changes.
    expect(
      await page.locator('.coming .proposed-dates, table.transitions .proposed, ul.latest .proposed').count(),
    ).toBe(0);
    await context.close();
  });

  it('works without JavaScript, has no axe violations, and does not scroll sideways on a 390 px phone', async () => {
    const { page, context } = await open({ javaScriptEnabled: false });
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('ul.latest > li').count()).toBe(2);
    await context.close();
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, context, errors } = await open({ colorScheme });
      expect(await axeViolations(page, colorScheme === 'dark' ? COLOUR_RULES : undefined), colorScheme).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    }
    const { page: phone, context: c2 } = await open(PHONE);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await axeViolations(phone)).toEqual([]);
    await screenshot(phone, 'home-coming-phone');
    await c2.close();
  });
});
