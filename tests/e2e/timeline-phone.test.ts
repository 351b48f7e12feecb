/**
 * The scope timeline on a 390 px phone: the chart opens scrolled to its right end, and no
 * label may be cut by the edge of that first view ("sprecated"), on any scope or revision page.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { inject, describe, expect, it } from 'vitest';
import { HAVE_CHROMIUM, openPage, PHONE, SKIP_REASON, useBrowser } from './support/browser.ts';

if (!HAVE_CHROMIUM) console.warn(SKIP_REASON);

describe.skipIf(!HAVE_CHROMIUM)('timeline on a phone', () => {
  const browser = useBrowser();

  it('cuts no label at the edge of the first view, on every scope and revision page', async () => {
    const dir = inject('siteDir')!;
    const paths = readdirSync(join(dir, 'scopes')).flatMap((s) => [
      `/scopes/${s}/`,
      ...readdirSync(join(dir, 'scopes', s, 'revisions')).map((c) => `/scopes/${s}/revisions/${c}/`),
    ]);
    expect(paths.length).toBeGreaterThan(20);
    const { page, context } = await openPage(browser(), paths[0]!, PHONE);
    let charts = 0;
    for (const path of paths) {
      await page.goto(inject('siteUrl') + path);
      const labels = await page.evaluate(() =>
        [...document.querySelectorAll('div.timeline')].flatMap((box) => {
          const view = box.getBoundingClientRect();
          return [...box.querySelectorAll('svg text')].map((t) => {
            const r = t.getBoundingClientRect();
            const where =
              r.left >= view.left - 0.5 && r.right <= view.right + 0.5
                ? 'in view'
                : r.right <= view.left || r.left >= view.right
                  ? 'out of view'
                  : 'cut';
            return {
              label: `${t.getAttribute('class')} "${t.textContent}" at ${Math.round(r.left)}..${Math.round(r.right)} px`,
              where,
            };
          });
        }),
      );
      if (labels.length === 0) continue; // a revision that did not parse has no chart
      charts += 1;
      expect(labels.filter((l) => l.where === 'in view').length, path).toBeGreaterThan(3);
      expect(
        labels.filter((l) => l.where === 'cut').map((l) => l.label),
        path,
      ).toEqual([]);
    }
    expect(charts).toBeGreaterThan(20);
    await context.close();
  });
});
