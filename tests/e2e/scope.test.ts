/** Scope pages: timeline SVG, versions, includes, diffs, history, revision pages — real default data, 2025-01-15. */
import { describe, expect, it } from 'vitest';
import { HAVE_CHROMIUM, openPage, SKIP_REASON, text, useBrowser } from './support/browser.ts';

if (!HAVE_CHROMIUM) console.warn(SKIP_REASON);

describe.skipIf(!HAVE_CHROMIUM)('scope pages', () => {
  const browser = useBrowser();

  it('shows what the open pull requests propose for the scope, marked proposed, apart from the timeline', async () => {
    const kaas = await openPage(browser(), '/scopes/kaas/');
    expect(await text(kaas.page, '#proposals + p')).toBe(
      "What the pull requests open on 2025-01-15 would change in this timeline, read off each one's head merged into main. Proposed, not announced: none of it is in the timeline above until it is merged.",
    );
    expect(await kaas.page.locator('.proposals > li').innerText()).toBe(
      "proposed by #842 fix: Test id not machting sonobuoy 'check_name' (open since 2024-11-25; its head at the end of the data)\ndoes not merge into main: what it changes in Tests/scs-compatible-kaas.yaml is not known",
    );
    await kaas.context.close();
    const iaas = await openPage(browser(), '/scopes/iaas/');
    expect(await text(iaas.page, '.proposals-none')).toBe(
      'No pull request open on 2025-01-15 proposes a change to this timeline.',
    );
    await iaas.context.close();
  });

  it('draws the IaaS timeline as an accessible SVG with bars, patterns, labels, axis and a today line', async () => {
    const { page, context, errors } = await openPage(browser(), '/scopes/iaas/');
    expect(await text(page, 'p.lead')).toMatch(
      /^Defined in Tests\/scs-compatible-iaas\.yaml \(uuid [0-9a-f-]+\)\. On 2025-01-15: /,
    );
    const svg = page.locator('.timeline svg[role="img"]').first();
    const labelledBy = (await svg.getAttribute('aria-labelledby'))!.split(' ');
    expect(await page.locator(`[id="${labelledBy[0]}"]`).textContent()).toBe(
      'SCS-compatible IaaS: validity of each version over time',
    );
    const desc = await page.locator(`[id="${labelledBy[1]}"]`).textContent();
    expect(desc).toContain(
      'v4: effective from 2024-02-28 to 2025-01-31, warn from 2025-02-01 to 2025-06-30, deprecated from 2025-07-01.',
    );
    expect(desc).toContain('v5.1: effective from 2024-12-19.');
    expect(await svg.locator('.row-label').allTextContents()).toEqual(
      expect.arrayContaining(['next', 'v5.1', 'v4', 'v3']),
    );
    // Not by colour alone: warn bars carry a pattern and the word.
    expect(await svg.locator('rect.hatch[fill*="p-warn"]').count()).toBeGreaterThan(0);
    expect(await svg.locator('text.bar-label-warn').first().textContent()).toBe('warn');
    expect(await svg.locator('.today-label').textContent()).toBe('today 2025-01-15');
    expect(await svg.locator('.tick-label').allTextContents()).toEqual(expect.arrayContaining(['2024', '2025', 'Q2']));
    // The today line lies inside v4's effective bar.
    const todayX = Number(await svg.locator('.today-line').getAttribute('x1'));
    const bars = await svg.locator('.period').evaluateAll((gs) =>
      gs.map((g) => ({
        title: g.querySelector('title')!.textContent,
        x: Number(g.querySelector('rect')!.getAttribute('x')),
        w: Number(g.querySelector('rect')!.getAttribute('width')),
      })),
    );
    const v4 = bars.find((b) => b.title === 'v4: effective from 2024-02-28 to 2025-01-31')!;
    expect(todayX).toBeGreaterThan(v4.x);
    expect(todayX).toBeLessThan(v4.x + v4.w);
    // The same data as a table.
    const tableRows = await page
      .locator('.chart-table tr[data-version="v4"]')
      .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent!.trim()).join(' | ')));
    expect(tableRows).toEqual([
      'v4 | effective | 2024-02-28 | 2025-01-31',
      'v4 | warn | 2025-02-01 | 2025-06-30',
      'v4 | deprecated | 2025-07-01 | open-ended',
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lists versions with their document, stabilization day and source, validity today and periods', async () => {
    const { page, context } = await openPage(browser(), '/scopes/iaas/');
    const row = (v: string) => text(page, `table.versions tr[data-version="${v}"]`);
    expect(await row('v4')).toMatch(
      /^v4 compliance monitor scs-0501-v4 \S+ .*2024-02-28 \(scope file\) effective since 2024-02-28 /,
    );
    expect(await row('v5.1')).toMatch(
      /^v5\.1 compliance monitor scs-0501-v5 Stable its body says “This is v5\.1” 2024-12-19 \(scope file\) effective since 2024-12-19 effective 2024-12-19 onwards$/,
    );
    expect(await page.locator('table.versions tr[data-version="v5.1"] a.version-document').getAttribute('href')).toBe(
      '/standards/scs-0501/#scs-0501-v5',
    );
    expect(await page.locator('table.versions tr[data-version="v5.1"] a.monitor-link').getAttribute('href')).toBe(
      'https://compliance.sovereignit.cloud/page/scope/50393e6f-2ae1-4c5c-a62c-3b75f2abef3f',
    );
    expect(await row('next')).toContain('not stabilized deprecated');
    // Two sources, both shown; and a version effective before its stated stabilization says so.
    expect(await row('v3')).toContain(
      'stabilized_at: Tests/scs-compatible-iaas.yaml says 2024-02-28, scs-0501-v3-scs-compatible-iaas.md says 2023-06-15',
    );
    expect(await row('v3')).toContain('effective from 2023-06-15, before its stated stabilization day');
    // No effective version without a stabilization day.
    for (const v of await page.locator('table.versions tbody tr').all()) {
      const t = (await v.innerText()).replace(/\s+/g, ' ');
      if (/ effective /.test(t)) expect(t).not.toContain('not stabilized');
    }
    await context.close();
  });

  it('shows periods of versions only earlier revisions listed as announced then, later removed', async () => {
    const { page, context } = await openPage(browser(), '/scopes/kaas/');
    const v2 = await text(page, 'table.versions tr[data-version="v2"]');
    expect(v2).toMatch(/As announced then .*draft 2024-02-28/);
    expect(v2).toMatch(/later removed by #753/);
    expect(v2).not.toContain('never listed');
    await context.close();
    const { page: iaas, context: c2 } = await openPage(browser(), '/scopes/iaas/');
    const orig = await text(iaas, 'table.versions tr[data-version="v3-orig"]');
    expect(orig).toMatch(/As announced then \(timelines of #731 to #\d+\).*deprecated 2024-08-23/);
    expect(orig).toContain('later removed');
    await c2.close();
  });

  it('tells the history of the timeline in words: #859 moved v4 warn by a month, 43 days ahead', async () => {
    const { page, context } = await openPage(browser(), '/scopes/iaas/');
    const row = page.locator('table.history tr[data-pr="859"]');
    expect(await row.locator('td').first().innerText()).toBe('2024-12-20');
    const changes = (await row.locator('li.change').allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
    expect(changes).toContain('v4 warn moved from 2025-01-01 to 2025-02-01 — 43 days ahead');
    expect(await row.locator('li.change code').first().textContent()).toBeTruthy();
    expect(await row.locator('a[href="https://github.com/SovereignCloudStack/standards/pull/859"]').count()).toBe(1);
    // The revisions are newest first.
    const dates = await page.locator('table.history tbody tr td:first-child').allInnerTexts();
    expect([...dates].sort().reverse()).toEqual(dates);
    await context.close();
  });

  it('shows the timeline as announced on the day of a revision, without JavaScript', async () => {
    const { page: scope, context: c1 } = await openPage(browser(), '/scopes/iaas/');
    const link = await scope
      .locator('table.history tr[data-pr="824"] a', { hasText: 'as announced' })
      .getAttribute('href');
    expect(
      await scope.locator('details.revision-picker a', { hasText: '2024-11-21 (#824)' }).getAttribute('href'),
    ).toBe(link);
    await c1.close();
    const { page, context } = await openPage(browser(), link!, { javaScriptEnabled: false });
    expect(await text(page, 'h1')).toBe('IaaS timeline as announced on 2024-11-21');
    expect(await page.locator('ul.changes li.change').allInnerTexts()).toEqual(
      expect.arrayContaining(['v4 warn on 2025-01-01 — 41 days ahead']),
    );
    // As it stood then, v4 was to turn warn on 2025-01-01 (moved later by #859): warn on the build day.
    expect(await text(page, 'table.revision-validity tr[data-version="v4"]')).toBe('v4 effective warn');
    expect(await page.locator('.timeline svg desc').textContent()).toContain(
      'v4: effective from 2024-02-28 to 2024-12-31, warn from 2025-01-01',
    );
    expect(await page.locator('.marker-label').textContent()).toBe('announced 2024-11-21');
    expect(await page.locator('a[rel="next"]').innerText()).toContain('2024-12-20');
    await context.close();
  });

  it('shows KaaS v1 effective since 2024-11-26, and the unparseable revision as such', async () => {
    const { page, context } = await openPage(browser(), '/scopes/kaas/');
    expect(await text(page, 'table.versions tr[data-version="v1"]')).toMatch(
      /^v1 compliance monitor scs-0502-v1 .* 2024-11-26 \(scope file\) effective since 2024-11-26 /,
    );
    expect(await text(page, 'table.history tr[data-pr="843"]')).toContain('did not parse');
    // The change is #843's; #844 fixed its syntax the same day.
    const fix = await text(page, 'table.history tr[data-pr="844"]');
    expect(fix).toContain('#843');
    expect(fix).toMatch(/syntax fixed by #844/);
    await context.close();
  });
});
