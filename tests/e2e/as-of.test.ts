/** The as-of view: pre-rendered days (no JavaScript) and the island for any day. */
import { describe, expect, it } from 'vitest';
import { HAVE_CHROMIUM, openPage, siteUrl, SKIP_REASON, text, useBrowser } from './support/browser.ts';

if (!HAVE_CHROMIUM) console.warn(SKIP_REASON);

describe.skipIf(!HAVE_CHROMIUM)('as-of view', () => {
  const browser = useBrowser();

  it('pre-renders a past day with the timeline as it stood then, without JavaScript', async () => {
    const { page, context } = await openPage(browser(), '/as-of/2024-11-21/', { javaScriptEnabled: false });
    expect(await text(page, 'h1')).toBe("What's due on 2024-11-21, as known then");
    // #824 (2024-11-21) announced v4 warn for 2025-01-01; #859 moved it a month later.
    expect(await text(page, '[data-scope="iaas"] tr[data-version="v4"]')).toBe(
      'v4 effective 2024-02-28 2025-01-01, then warn',
    );
    expect(await text(page, '[data-scope="iaas"] tr[data-version="v5"]')).toBe('v5 effective 2024-11-21 not announced');
    expect(await text(page, 'table.transitions tr[data-version="v4"]')).toBe(
      '2025-01-01 41 days IaaS v4 becomes warn #824 on 2024-11-21 41 days ahead',
    );
    // KaaS v1 turned effective only on 2024-11-26.
    expect(await text(page, '[data-scope="kaas"]')).toContain('No version is certifiable on this day.');
    // How close KaaS v1 was, as on the SIG slide of that day's call.
    expect(await text(page, '#readiness')).toBe('Draft scope versions on 2024-11-21');
    expect(await text(page, '.readiness li[data-version="v1"] .readiness-words')).toBe(
      'KaaS v1: scs-0210-v2 and scs-0219-v1 Stable, CNCF Kubernetes conformance (external test); scs-0214-v2 Draft, stabilization PR #835 open 1 day',
    );
    expect(await page.locator('.readiness li[data-version="v1"]').getAttribute('data-not-stable')).toBe('scs-0214-v2');
    expect(await page.locator('.readiness li[data-standard="scs-0214-v2"] a[href$="/pull/835"]').count()).toBe(1);
    expect(await page.locator('script').count()).toBe(0);
    await context.close();
  });

  it('shows, marked proposed and apart from the announced transitions, the dates #824 proposed while open', async () => {
    const { page, context } = await openPage(browser(), '/as-of/2024-11-19/', { javaScriptEnabled: false });
    const items = page.locator('.coming ul.proposed-dates > li');
    expect(await items.allInnerTexts()).toEqual([
      'proposed 2024-11-21: IaaS v5 becomes effective on 2024-11-21, by #824 Stabilize SCS-compatible IaaS v5 (open since 2024-11-13; its change as merged later)',
      'proposed 2025-01-01: IaaS v4 enters its warn period on 2025-01-01, by #824 Stabilize SCS-compatible IaaS v5 (open since 2024-11-13; its change as merged later)',
    ]);
    expect(
      await items.first().locator('a[href="https://github.com/SovereignCloudStack/standards/pull/824"]').count(),
    ).toBe(1);
    // Not announced yet on that day: the due view's own transitions do not have them.
    expect(await page.locator('table.transitions tr[data-version="v5"]').count()).toBe(0);
    const section = await page.locator('section.coming').innerText();
    await context.close();
    // The island says the same for that day.
    const { page: island, context: c2 } = await openPage(browser(), '/as-of/?day=2024-11-19');
    await island.waitForFunction(() => document.getElementById('as-of-status')?.textContent === 'Showing 2024-11-19.');
    expect(await island.locator('section.coming').innerText()).toBe(section);
    await c2.close();
  });

  it('without JavaScript, says plainly that ?day= needs it and shows the pre-rendered days open', async () => {
    const { page, context } = await openPage(browser(), '/as-of/?day=2024-12-01', { javaScriptEnabled: false });
    expect(await text(page, '.no-js-notice')).toMatch(
      /^Any other day needs JavaScript\. This page shows \d{4}-\d{2}-\d{2}, whatever day the address asks for/,
    );
    expect(await page.locator('details.as-of-days').getAttribute('open')).not.toBeNull();
    expect(await page.locator('details.as-of-days a[href="/as-of/2024-11-21/"]').isVisible()).toBe(true);
    await context.close();
    const { page: js, context: c2 } = await openPage(browser(), '/as-of/');
    expect(await js.locator('details.as-of-days').getAttribute('open')).toBeNull();
    await c2.close();
  });

  it('shows any day with the island, loaded only when a day is asked for', async () => {
    const { page, context, errors } = await openPage(browser(), '/as-of/?day=2024-12-01');
    await page.waitForFunction(() => document.getElementById('as-of-status')?.textContent === 'Showing 2024-12-01.');
    expect(await text(page, 'h1')).toBe("What's due on 2024-12-01, as known then");
    expect(await text(page, '[data-scope="iaas"] tr[data-version="v4"]')).toBe(
      'v4 effective 2024-02-28 2025-01-01, then warn',
    );
    expect(await text(page, '[data-scope="kaas"] tr[data-version="v1"]')).toBe('v1 effective 2024-11-26 not announced');
    expect(await text(page, 'table.transitions tr[data-version="v4"]')).toBe(
      '2025-01-01 31 days IaaS v4 becomes warn #824 on 2024-11-21 41 days ahead',
    );
    expect(await page.locator('#as-of-day').inputValue()).toBe('2024-12-01');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the readiness of draft versions for a picked day, as the pre-rendered page does', async () => {
    const { page, context, errors } = await openPage(browser(), '/as-of/?day=2024-11-21');
    await page.waitForFunction(() => document.getElementById('as-of-status')?.textContent === 'Showing 2024-11-21.');
    expect(await text(page, '#readiness')).toBe('Draft scope versions on 2024-11-21');
    expect(await text(page, '.readiness li[data-version="v1"] .readiness-words')).toBe(
      'KaaS v1: scs-0210-v2 and scs-0219-v1 Stable, CNCF Kubernetes conformance (external test); scs-0214-v2 Draft, stabilization PR #835 open 1 day',
    );
    expect(await page.locator('.readiness li[data-standard="scs-0214-v2"] a[href$="/pull/835"]').count()).toBe(1);
    // The same content as the pre-rendered page of that day.
    const island = await page.locator('section.coming').innerText();
    const { page: pre, context: c2 } = await openPage(browser(), '/as-of/2024-11-21/', { javaScriptEnabled: false });
    expect(island).toBe(await pre.locator('section.coming').innerText());
    await c2.close();
    // A day with no pre-rendered page: #835 open 5 days, and #842 (KaaS v1 effective the day after) just opened.
    await page.locator('#as-of-day').fill('2024-11-25');
    await page.getByRole('button', { name: 'Show that day' }).click();
    await page.waitForFunction(() => document.getElementById('as-of-status')?.textContent === 'Showing 2024-11-25.');
    expect(await text(page, '.readiness li[data-version="v1"] .readiness-words')).toBe(
      'KaaS v1: scs-0210-v2 and scs-0219-v1 Stable, CNCF Kubernetes conformance (external test); scs-0214-v2 Draft, stabilization PR #835 open 5 days; scope file: scope change PR #842 open 0 days',
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('picks a day with the form', async () => {
    const { page, context } = await openPage(browser(), '/as-of/');
    await page.locator('#as-of-day').fill('2025-03-01');
    await page.getByRole('button', { name: 'Show that day' }).click();
    await page.waitForFunction(() => document.getElementById('as-of-status')?.textContent === 'Showing 2025-03-01.');
    expect(new URL(page.url()).searchParams.get('day')).toBe('2025-03-01');
    expect(await text(page, '[data-scope="iaas"] tr[data-version="v4"]')).toBe('v4 warn 2025-02-01 not announced');
    await context.close();
  });

  it('says so for a day that is not a calendar day', async () => {
    const { page, context } = await openPage(browser(), '/as-of/?day=2024-02-30');
    await page.waitForFunction(() =>
      /^Could not show/.test(document.getElementById('as-of-status')?.textContent ?? ''),
    );
    expect(await text(page, '#as-of-status')).toContain('not a calendar day');
    await context.close();
  });

  it('refuses data that does not fit the schema, naming the key and value, and shows nothing of it', async () => {
    const { page, context, errors } = await openPage(browser(), '/as-of/');
    const shown = await page.locator('#as-of-result').innerText();
    await page.route('**/as-of/data.json', async (route) => {
      const data = await (await route.fetch()).json();
      data.meta.pullsAsOf = '<img src=x onerror=alert(1)>';
      await route.fulfill({ json: data });
    });
    await page.goto(siteUrl('/as-of/?day=2024-12-01'));
    await page.waitForFunction(() =>
      /^Could not show/.test(document.getElementById('as-of-status')?.textContent ?? ''),
    );
    expect(await text(page, '#as-of-status')).toMatch(
      /^Could not show 2024-12-01: \/as-of\/data\.json: meta\.pullsAsOf = "<img src=x onerror=alert\(1\)>": expected /,
    );
    // The pre-rendered view of the build day stays; nothing of the refused data is rendered.
    expect(await page.locator('#as-of-result').innerText()).toBe(shown);
    expect(await page.locator('#as-of-status img').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
