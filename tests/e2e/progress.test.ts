/**
 * /progress/ and /report/ in Chromium: the open pull requests the domain lists, the charts'
 * tables holding exactly the numbers of the charts' data (read from the built page and
 * compared with the domain functions), the islands hydrating when scrolled to, the page
 * without JavaScript, and the report's Markdown file equal to what the CLI prints.
 */
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { progressCharts, type ChartData } from '../../src/domain/pulls/progress-charts.ts';
import { progress } from '../../src/domain/pulls/progress.ts';
import { proposalsOn } from '../../src/domain/events/proposals.ts';
import { buildReport, defaultPeriod } from '../../src/domain/report/report.ts';
import { reportMarkdown } from '../../src/domain/report/report-markdown.ts';
import type { Dataset } from '../../src/domain/schemas/data.ts';
import { readDataset } from '../../src/io/dataset.ts';
import { HAVE_CHROMIUM, launchChromium, openPage, PHONE, siteUrl, SKIP_REASON } from './support/browser.ts';

if (!HAVE_CHROMIUM) console.warn(SKIP_REASON);

const CHART_TABLES: Record<string, keyof ReturnType<typeof progressCharts>> = {
  'chart-documents-by-state-table': 'documentsByState',
  'chart-transitions-per-quarter-table': 'transitionsPerQuarter',
  'chart-open-pulls-table': 'openPulls',
  'chart-merged-pulls-table': 'mergedPulls',
  'chart-days-to-merge-table': 'daysToMerge',
  'chart-effective-versions-table': 'effectiveVersions',
};

/** A chart's rows as the table must show them: x value, then each series, null as —. */
function expectedCells(chart: ChartData): string[][] {
  return chart.rows.map((row) => [
    String(row[chart.x]),
    ...chart.series.map((s) => (row[s.key] === null ? '—' : String(row[s.key]))),
  ]);
}

async function tableCells(page: Page, id: string): Promise<{ head: string[]; body: string[][] }> {
  return page.evaluate((tableId) => {
    const table = document.getElementById(tableId)!;
    const text = (el: Element) => (el.textContent ?? '').trim();
    return {
      head: [...table.querySelectorAll('thead th')].map(text),
      body: [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map(text)),
    };
  }, id);
}

describe.skipIf(!HAVE_CHROMIUM)('progress and call report pages', () => {
  let browser: Browser;
  let data: Dataset;
  const today = inject('siteToday');
  beforeAll(async () => {
    browser = await launchChromium();
    data = await readDataset(resolve(import.meta.dirname, '../../data'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('/progress/ lists the open pull requests of the build day, by kind', async () => {
    const { page, context, errors } = await openPage(browser, '/progress/');
    const expected = progress(data, today);
    const shown = await page
      .locator('table.progress-table tbody tr')
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-pr'))));
    expect(shown).toEqual(expected.byKind.flatMap((g) => g.rows.map((r) => r.number)));
    expect(shown).toContain(842);
    const row842 = page.locator('table.progress-table tr[data-pr="842"]');
    expect(await row842.locator('td').nth(3).innerText()).toBe(
      String(expected.open.find((r) => r.number === 842)!.ageDays),
    );
    expect(await row842.innerText()).toContain('stale');
    const recent = await page
      .locator('#recent tbody tr')
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-pr'))));
    expect(recent).toEqual(expected.recent.map((r) => r.number));
    // Document groups link to their standard's page on this site, and that page exists.
    const links = await page
      .locator('#by-document th a')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      const target = new URL(link);
      expect((await fetch(target)).status, link).toBe(200);
      const html = await (await fetch(target)).text();
      if (target.hash) expect(html, link).toContain(`id="${decodeURIComponent(target.hash.slice(1))}"`);
    }
    // "(new)" only for what is no document and no series of the data.
    const rowHeads = await page.locator('#by-document th').allInnerTexts();
    for (const head of rowHeads.filter((h) => h.endsWith('(new)'))) {
      const name = head.replace(/ \(new\)$/, '');
      expect(
        data.documents.some((d) => d.id === name || d.series === name),
        head,
      ).toBe(false);
    }
    // What the open pull requests propose, apart: on the build day #842's head does not merge.
    expect(await page.locator('.proposals > li').evaluateAll((li) => li.map((l) => l.getAttribute('data-pr')))).toEqual(
      proposalsOn(data, today).map((p) => String(p.pr)),
    );
    expect(await page.locator('.proposals li[data-pr="842"] li').innerText()).toBe(
      'does not merge into main: what it changes in Tests/scs-compatible-kaas.yaml is not known',
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the charts' tables hold the same numbers as the charts' data", async () => {
    const { page, context } = await openPage(browser, '/progress/');
    const charts = progressCharts(data, today);
    for (const [id, key] of Object.entries(CHART_TABLES)) {
      const chart = charts[key];
      expect(chart.rows.length, id).toBeGreaterThan(0);
      const { head, body } = await tableCells(page, id);
      expect(head, id).toEqual([chart.xLabel, ...chart.series.map((s) => s.label)]);
      expect(body, id).toEqual(expectedCells(chart));
    }
    await context.close();
  });

  it('the chart islands hydrate when scrolled into view and draw one SVG each, at a fixed height, stepped, with a legend entry per series with data', async () => {
    const { page, context, errors } = await openPage(browser, '/progress/');
    const charts = progressCharts(data, today);
    const figures = page.locator('figure.chart');
    expect(await figures.count()).toBe(Object.keys(CHART_TABLES).length);
    for (const [i, [id, key]] of Object.entries(CHART_TABLES).entries()) {
      const figure = figures.nth(i);
      await figure.scrollIntoViewIfNeeded();
      // Before hydration the wrapper is empty (recharts draws on the client); then the chart's own SVG appears.
      const svg = figure.locator('.chart-canvas .recharts-wrapper > svg.recharts-surface');
      await svg.waitFor({ state: 'attached', timeout: 10_000 });
      expect(await svg.count(), id).toBe(1);
      const box = await figure.locator('.chart-canvas').boundingBox();
      expect(box!.height, id).toBe(300);
      // No legend entry without data: the legend names exactly the series the table has.
      const legend = await figure.locator('.recharts-legend-item-text').allInnerTexts();
      expect(legend, id).toEqual(charts[key].series.map((s) => s.label));
      // With JavaScript the table folds away under the drawn chart.
      expect(await figure.locator('details.chart-data').evaluate((d) => (d as HTMLDetailsElement).open), id).toBe(
        false,
      );
    }
    expect(await page.locator('.recharts-legend-item-text', { hasText: 'Rejected' }).count()).toBe(0);
    expect(await page.locator('figure.chart .chart-note').first().innerText()).toContain(
      'Not drawn, as no period has any: Rejected.',
    );
    // Bars and lines were drawn from the data, not an empty frame.
    expect(await page.locator('figure.chart .recharts-bar-rectangle').count()).toBeGreaterThan(10);
    const curves = await page
      .locator('figure.chart .recharts-line-curve')
      .evaluateAll((paths) => paths.map((p) => p.getAttribute('d') ?? ''));
    expect(curves.length).toBeGreaterThan(2);
    // Stepped, not smoothed: straight segments only (no Bézier), each horizontal or vertical.
    for (const d of curves) {
      expect(d, 'no curve commands').not.toMatch(/[CcSsQqTtAa]/);
      const points = [...d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
      expect(points.length).toBeGreaterThan(2);
      for (let j = 1; j < points.length; j++) {
        const [[x0, y0], [x1, y1]] = [points[j - 1]!, points[j]!];
        expect(Math.abs(x1 - x0) < 0.01 || Math.abs(y1 - y0) < 0.01, `${points[j - 1]} → ${points[j]}`).toBe(true);
      }
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('on a 390 px phone the page never scrolls sideways: each chart fits its box', async () => {
    const { page, context, errors } = await openPage(browser, '/progress/', PHONE);
    const figures = page.locator('figure.chart');
    for (let i = 0; i < (await figures.count()); i++) {
      const figure = figures.nth(i);
      await figure.scrollIntoViewIfNeeded();
      const svg = figure.locator('.chart-canvas .recharts-wrapper > svg.recharts-surface');
      await svg.waitFor({ state: 'attached', timeout: 10_000 });
      const canvas = (await figure.locator('.chart-canvas').boundingBox())!;
      const drawn = (await svg.boundingBox())!;
      expect(canvas.x + canvas.width, `figure ${i}`).toBeLessThanOrEqual(390);
      expect(drawn.x + drawn.width, `figure ${i}`).toBeLessThanOrEqual(canvas.x + canvas.width + 0.5);
      expect(drawn.width, `figure ${i} uses its box`).toBeGreaterThan(250);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("without JavaScript, each chart's place shows its data table open, not an empty box", async () => {
    const { page, context } = await openPage(browser, '/progress/', { javaScriptEnabled: false });
    expect(await page.locator('h1').innerText()).toBe('Progress');
    expect(await page.locator('main > p').first().innerText()).toMatch(
      /^Pull requests as of 2025-01-15: \d+ open pull requests touch standard documents or scope files, \d+ of them stale/,
    );
    const figures = page.locator('figure.chart');
    expect(await figures.count()).toBe(Object.keys(CHART_TABLES).length);
    for (const id of Object.keys(CHART_TABLES)) {
      const figure = page.locator('figure.chart', { has: page.locator(`#${id}`) });
      // The chart's box takes no room; the table stands open, right under the caption.
      expect(await figure.locator('.chart-canvas').isVisible(), id).toBe(false);
      expect(await figure.locator('details.chart-data').evaluate((d) => (d as HTMLDetailsElement).open), id).toBe(true);
      expect(await page.locator(`#${id}`).isVisible(), id).toBe(true);
      const caption = (await figure.locator('figcaption').boundingBox())!;
      const table = (await page.locator(`#${id}`).boundingBox())!;
      expect(table.y - (caption.y + caption.height), `${id}: no empty box between caption and table`).toBeLessThan(120);
      expect(await page.locator(`#${id} tbody tr`).count(), id).toBeGreaterThan(0);
    }
    expect(await page.locator('table.progress-table tbody tr').count()).toBe(progress(data, today).open.length);
    await context.close();
  });

  it('without JavaScript, the report of any past call opens from the list and walks to the weeks before and after', async () => {
    const { page, context } = await openPage(browser, '/report/', { javaScriptEnabled: false });
    await page.locator('a', { hasText: 'The report of every call week' }).click();
    expect(await page.locator('h1').innerText()).toBe('Call reports by week');
    await page.locator('li[data-until="2024-11-21"] a').click();
    expect(await page.locator('h1').innerText()).toBe('Call report: 2024-11-14 to 2024-11-21');
    expect(await page.locator('#report-in-progress li[data-pr="835"]').innerText()).toMatch(
      /^PR#835 stabilization of scs-0214-v2, open \d+ days?/,
    );
    await page.locator('a[rel="next"]').first().click();
    expect(await page.locator('h1').innerText()).toBe('Call report: 2024-11-21 to 2024-11-28');
    await page.locator('a[rel="prev"]').first().click();
    await page.locator('a[rel="prev"]').first().click();
    expect(await page.locator('h1').innerText()).toBe('Call report: 2024-11-07 to 2024-11-14');
    // #824 was open that week: its dates are proposed, in their own section, not among what is due.
    expect(await page.locator('#proposals').innerText()).toBe(
      'Proposed, not announced: pull requests open on 2024-11-14',
    );
    expect(await page.locator('.proposals li[data-pr="824"]').innerText()).toBe(
      'proposed by #824 Stabilize SCS-compatible IaaS v5 (open since 2024-11-13; its change as merged later)\nIaaS v5 becomes effective on 2024-11-21\nIaaS v4 enters its warn period on 2025-01-01',
    );
    expect(await page.locator('#report-due').count()).toBe(0);
    const md = await (
      await fetch(
        new URL((await page.locator('a', { hasText: 'Slides as Markdown' }).getAttribute('href')) ?? '', page.url()),
      )
    ).text();
    expect(md).toBe(reportMarkdown(buildReport(data, { since: '2024-11-07', until: '2024-11-14' })));
    await context.close();
  });

  it('/report/ shows the 7 days before the build day and links the slide Markdown, which equals the CLI output', async () => {
    const period = defaultPeriod(today, data.meta);
    const { page, context, errors } = await openPage(browser, '/report/');
    expect(await page.locator('h1').innerText()).toBe(`Call report: ${period.since} to ${period.until}`);
    const link = page.locator('a', { hasText: 'Slides as Markdown' });
    const mdUrl = new URL((await link.getAttribute('href'))!, siteUrl('/report/')).href;
    const res = await fetch(mdUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/markdown');
    const md = await res.text();
    expect(md).toBe(reportMarkdown(buildReport(data, period)));
    expect(await page.locator('pre.slides').textContent()).toBe(md);
    const json = await (await fetch(siteUrl('/report.json'))).json();
    expect(json).toEqual(JSON.parse(JSON.stringify(buildReport(data, period))));
    expect(errors).toEqual([]);
    await context.close();
  });
});
