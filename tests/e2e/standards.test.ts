/** The catalogue of standards and the document series pages, real default data, 2025-01-15. */
import { describe, expect, it } from 'vitest';
import { HAVE_CHROMIUM, openPage, SKIP_REASON, text, useBrowser } from './support/browser.ts';

if (!HAVE_CHROMIUM) console.warn(SKIP_REASON);

const visibleIds = (page: import('playwright-core').Page) =>
  page
    .locator('tr.doc')
    .evaluateAll((rows) =>
      rows.filter((r) => (r as HTMLElement).offsetParent !== null).map((r) => r.getAttribute('data-id')),
    );

describe.skipIf(!HAVE_CHROMIUM)('catalogue of standards', () => {
  const browser = useBrowser();

  it('groups documents by track with their state today, including future dates', async () => {
    const { page, context, errors } = await openPage(browser(), '/standards/');
    expect(await page.locator('section.track-group h2').allInnerTexts()).toEqual([
      'Global',
      'IaaS',
      'KaaS',
      'IAM',
      'Ops',
      'Scopes',
    ]);
    expect(await text(page, 'tr[data-id="scs-0214-v2"] .state-cell')).toBe('Stable');
    expect(await text(page, 'tr[data-id="scs-0214-v1"] .state-cell')).toBe('Deprecated');
    expect(await text(page, 'tr[data-id="scs-0501-v4"] .state-cell')).toBe('Stable (deprecated from 2025-07-01)');
    expect(await text(page, 'tr[data-id="scs-0005-v1"] .state-cell')).toBe('Draft (stable from 2025-01-16)');
    expect(await text(page, 'tr[data-id="scs-0214-w1"]')).toContain('supplements v1, v2');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('filters by track, type and state without JavaScript', async () => {
    const { page, context } = await openPage(browser(), '/standards/', { javaScriptEnabled: false });
    const all = await visibleIds(page);
    expect(all.length).toBeGreaterThan(90);
    await page.getByRole('radio', { name: 'KaaS', exact: true }).check();
    const kaas = await visibleIds(page);
    expect(kaas).toContain('scs-0214-v2');
    expect(kaas).not.toContain('scs-0100-v3');
    expect(
      await page
        .locator('section.track-group')
        .evaluateAll((s) => s.filter((x) => (x as HTMLElement).offsetParent !== null).length),
    ).toBe(1);
    await page.getByRole('radio', { name: 'Supplement', exact: true }).check();
    const supplements = await visibleIds(page);
    expect(supplements.every((id) => /^scs-02\d\d-w\d$/.test(id!))).toBe(true);
    expect(supplements).toContain('scs-0214-w1');
    await page.locator('#f-track-all').check();
    await page.locator('#f-type-all').check();
    await page.getByRole('radio', { name: 'Deprecated from a future date', exact: true }).check();
    expect(await visibleIds(page)).toEqual(['scs-0002-v1', 'scs-0501-v4']);
    await context.close();
  });

  it('counts what is shown and keeps the filter in the address, with JavaScript', async () => {
    const { page, context, errors } = await openPage(browser(), '/standards/?track=KaaS&state=Stable');
    expect(await page.locator('#f-track-2').isChecked()).toBe(true);
    const ids = await visibleIds(page);
    expect(ids).toContain('scs-0214-v2');
    expect(ids).not.toContain('scs-0214-v1');
    expect(await page.locator('#catalogue-count').innerText()).toBe(
      `${ids.length} of ${await page.locator('tr.doc').count()} documents shown.`,
    );
    await page.getByRole('radio', { name: 'IaaS', exact: true }).check();
    expect(new URL(page.url()).search).toBe('?track=IaaS&state=Stable');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('moves through the filters with the keyboard, focus visible', async () => {
    const { page, context } = await openPage(browser(), '/standards/');
    await page.locator('#f-track-all').focus();
    await page.keyboard.press('ArrowRight');
    const focused = await page.evaluate(() => ({
      id: document.activeElement!.id,
      outline: getComputedStyle(document.activeElement!).outlineStyle,
    }));
    expect(focused.id).toBe('f-track-0');
    expect(focused.outline).not.toBe('none');
    expect(await page.locator('#f-track-0').isChecked()).toBe(true);
    expect(await visibleIds(page)).not.toContain('scs-0214-v2');
    await context.close();
  });

  it('has a page per series with lifecycle, relations, scopes, pull requests and upstream links', async () => {
    const { page, context, errors } = await openPage(browser(), '/standards/scs-0214/');
    expect(await text(page, 'h1')).toBe('scs-0214 Kubernetes Node Distribution and Availability');
    expect(await text(page, 'table.series-versions tr[data-id="scs-0214-v2"]')).toBe(
      'scs-0214-v2 Standard Stable 2024-11-21 — —',
    );
    expect(await text(page, 'table.series-versions tr[data-id="scs-0214-v1"]')).toBe(
      'scs-0214-v1 Standard Deprecated 2024-02-08 2024-11-20 —',
    );
    const v2 = page.locator('section#scs-0214-v2');
    expect(await v2.locator('dl.relations a[href="/standards/scs-0214/#scs-0214-v1"]').count()).toBe(1);
    expect(await v2.locator('.scope-inclusions').innerText()).toContain('SCS-compatible KaaS v1');
    expect(
      await v2
        .locator(
          'a[href="https://github.com/SovereignCloudStack/standards/blob/main/Standards/scs-0214-v2-k8s-node-distribution.md"]',
        )
        .count(),
    ).toBe(1);
    expect(
      await v2.locator('a[href="https://docs.scs.community/standards/scs-0214-v2-k8s-node-distribution"]').count(),
    ).toBe(1);
    expect(await text(page, 'table.pulls tr[data-pr="835"]')).toMatch(
      /^#835 Stabilize scs-0214-v1 merged garloff 2024-11-20 2024-11-26$/,
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says which scope version a scope document is, and the scope page links back', async () => {
    const { page, context } = await openPage(browser(), '/standards/scs-0501/');
    expect(await text(page, 'table.series-versions tr[data-id="scs-0501-v5"] .scope-version-of')).toBe('is IaaS v5.1');
    const v5 = page.locator('section#scs-0501-v5 p.scope-version-of');
    expect((await v5.innerText()).replace(/\s+/g, ' ')).toMatch(
      /^This document is the certificate scope version IaaS v5\.1 \(its body says so; the file number is v5\)\. It includes .*scs-0123-v1/,
    );
    expect(await v5.locator('a', { hasText: 'IaaS v5.1' }).getAttribute('href')).toBe('/scopes/iaas/#versions');
    expect(await page.locator('section#scs-0501-v5').innerText()).not.toContain(
      'No scope version checks this document',
    );
    await context.close();
    const { page: kaas, context: c2 } = await openPage(browser(), '/standards/scs-0502/');
    expect(await text(kaas, 'section#scs-0502-v1 p.scope-version-of')).toMatch(
      /^This document is the certificate scope version KaaS v1\. It includes .*scs-0214-v2.*scs-0219-v1/,
    );
    await c2.close();
    // The catalogue shows the document's state beside the version it is, not against it.
    const { page: cat, context: c3 } = await openPage(browser(), '/standards/');
    expect(await text(cat, 'tr[data-id="scs-0501-v5"] .scope-version-of')).toBe('= IaaS v5.1');
    await c3.close();
  });
});
