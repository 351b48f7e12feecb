/**
 * `/subjects/` and the subject pages in Chromium, built from data synced (by the real sync)
 * from a real HTTP server serving the answers recorded from a real compliance monitor:
 * on 2026-12-01 from `status.json`, on 2025-08-01 from the run with the monitor's clock at
 * 2025-08-01. The default build (no subjects.json) says how to point the site at a monitor.
 */
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, removeBuild } from '../support/astro-build.ts';
import { HAVE_MONITOR_FIXTURES, recorded } from '../support/monitor-fixtures.ts';
import { startMonitorServer } from '../support/monitor-server.ts';
import { syncMonitorInto } from '../support/monitor-sync.ts';
import { tempDir } from '../support/files.ts';
import { parseCalendar, rfc5545Problems } from '../support/ics.ts';
import { axeViolations, HAVE_CHROMIUM, launchChromium, openPage, SKIP_REASON, text } from './support/browser.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';

if (!HAVE_CHROMIUM) console.warn(SKIP_REASON);

describe.skipIf(!HAVE_CHROMIUM)('subjects on the default data (no monitor)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('/subjects/ says there are none and how to point the site at a monitor; the navigation leads there', async () => {
    const { page, context, errors } = await openPage(browser, '/subjects/');
    expect(await text(page, 'main, body')).toContain('No subjects in this build');
    expect(await page.locator('pre code').innerText()).toBe(
      'npm run sync -- --monitor https://compliance.sovereignit.cloud --monitor-only',
    );
    expect(await page.locator('nav[aria-label="Main"] a[aria-current="page"]').innerText()).toBe('My cloud');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe.skipIf(!HAVE_CHROMIUM || !HAVE_MONITOR_FIXTURES)('subjects from the recorded monitor answers', () => {
  let browser: Browser;
  const sites: Record<'now' | 'faked', StaticServer> = {} as never;
  const dataDirs: string[] = [];
  const builds: string[] = [];

  async function site(status: string, today: string): Promise<StaticServer> {
    const monitor = await startMonitorServer(() => ({ body: recorded(status) }));
    const data = join(tempDir('subjects-data'), 'data');
    const r = await syncMonitorInto(monitor.url, data);
    await monitor.close();
    expect(r.code, r.stderr).toBe(0);
    const dist = await buildSite({ today, dataDir: data, label: `subjects-${today}` });
    dataDirs.push(dirname(data));
    builds.push(dist);
    return serveStatic(dist);
  }

  beforeAll(async () => {
    browser = await launchChromium();
    [sites.now, sites.faked] = await Promise.all([
      site('status.json', '2026-12-01'),
      site('status-faked-2025-08-01.json', '2025-08-01'),
    ]);
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await Promise.all(Object.values(sites).map((s) => s.close()));
    for (const d of dataDirs) rmSync(d, { recursive: true, force: true });
    for (const dist of builds) removeBuild(dist);
  });

  const row = async (base: string, subject: string) => {
    const { page, context, errors } = await openPage(browser, '/subjects/', {}, base);
    const line = await text(page, `tr:has(th a[href$="/subjects/${subject}/"])`);
    const order = await page.locator('tbody th a').allInnerTexts();
    await context.close();
    return { line, order, errors };
  };

  it('on 2026-12-01, acme-cloud passes IaaS v5.1, results expire on 2026-12-14 (re-test by 2026-12-13), nothing due', async () => {
    const { line, order, errors } = await row(sites.now.url, 'acme-cloud');
    expect(line).toContain('IaaS: passes IaaS v5.1; results expire on 2026-12-14 (re-test by 2026-12-13); nothing due');
    // KaaS: its report lacks required results, so it is non-compliant there.
    expect(line).toContain('KaaS: non-compliant');
    expect(order).toEqual(['acme-cloud', 'acme-old', 'group-acme']);
    expect(errors).toEqual([]);
  });

  it('on 2025-08-01, acme-old relies on IaaS v4, tentative, deprecated since 2025-07-01, so overdue', async () => {
    const { line, order } = await row(sites.faked.url, 'acme-old');
    expect(line).toContain('overdue');
    expect(line).toContain('IaaS: relies on IaaS v4 (tentative: 1 testcase missing: scs-0104-image-ubuntu-2204)');
    expect(line).toContain('v4 deprecated since 2025-07-01, so overdue');
    expect(order[0]).toBe('acme-cloud'); // non-compliant in KaaS ranks before overdue
    expect(order).toContain('acme-old');
  });

  it('/subjects/ lists group acme, marked as a group with its members, by its worst member and the members’ deadlines', async () => {
    const { line, order } = await row(sites.faked.url, 'group-acme');
    expect(line).toContain('group-acme (group of acme-old)');
    expect(line).toContain('overdue');
    expect(line).toContain(
      'IaaS: worst member acme-old: relies on IaaS v4 (tentative: 1 testcase missing: scs-0104-image-ubuntu-2204)',
    );
    expect(line).toContain(
      'for the group: re-test by 2026-12-13 (acme-old); v4 deprecated since 2025-07-01, so overdue (acme-old)',
    );
    // Overdue like acme-old, after the non-compliant acme-cloud; by name after acme-old.
    expect(order).toEqual(['acme-cloud', 'acme-old', 'group-acme']);
  });

  it('a group page links its members’ pages and the monitor’s page of the group; a member page links its group', async () => {
    const { page, context, errors } = await openPage(browser, '/subjects/group-acme/', {}, sites.faked.url);
    expect(await page.locator('h1').innerText()).toBe('group-acme: overdue');
    const body = await text(page, 'main, body');
    expect(body).toContain('the accounts that share the group acme');
    expect(body).toContain(
      'For the group re-test by 2026-12-13 (acme-old); v4 deprecated since 2025-07-01, so overdue (acme-old)',
    );
    expect(
      await page
        .locator('a', { hasText: 'details of group acme in SCS-compatible IaaS at the monitor' })
        .getAttribute('href'),
    ).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/page\/detail\/group-acme\/50393e6f-2ae1-4c5c-a62c-3b75f2abef3f$/);
    expect(await page.locator('tbody th a').allInnerTexts()).toEqual(['acme-old']);
    await page.locator('tbody th a', { hasText: 'acme-old' }).click();
    await page.waitForURL(/\/subjects\/acme-old\/$/);
    expect(await text(page, 'main, body')).toContain('Member of group-acme.');
    await page.locator('a', { hasText: 'group-acme' }).first().click();
    await page.waitForURL(/\/subjects\/group-acme\/$/);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a subject page: scopes, passes, expiry, due, progress toward the next version, the monitor page, no certificate expiry', async () => {
    const { page, context, errors } = await openPage(browser, '/subjects/acme-old/', {}, sites.faked.url);
    const body = await text(page, 'main, body');
    expect(body).toContain('Passes relies on IaaS v4 (tentative: 1 testcase missing: scs-0104-image-ubuntu-2204)');
    expect(body).toContain('Due v4 deprecated since 2025-07-01, so overdue');
    expect(body).toMatch(/Toward v5\.1 passes 38 of 54 testcases of IaaS v5\.1 \(effective\); 16 testcases failed/);
    expect(body).toContain('certificate expiry: not published');
    expect(
      await page
        .locator('a', { hasText: 'details of acme-old in SCS-compatible IaaS at the monitor' })
        .getAttribute('href'),
    ).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/page\/detail\/acme-old\/50393e6f-2ae1-4c5c-a62c-3b75f2abef3f$/);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a subject calendar: the re-test day and the warn and deprecated days of the version relied on, with reminders (ical.js)', async () => {
    const ics = await (await fetch(`${sites.faked.url}/subjects/acme-old/calendar.ics`)).text();
    expect(rfc5545Problems(ics)).toEqual([]);
    const cal = parseCalendar(ics);
    const byUid = Object.fromEntries(cal.events.map((e) => [e.uid.replace(/@.*/, ''), e]));
    expect(Object.keys(byUid).sort()).toEqual([
      'scope/iaas/v4/deprecated',
      'scope/iaas/v4/warn',
      'subject/acme-old/iaas/retest',
    ]);
    expect(byUid['scope/iaas/v4/warn']!.start).toBe('2025-02-01');
    expect(byUid['scope/iaas/v4/deprecated']!.start).toBe('2025-07-01');
    expect(byUid['subject/acme-old/iaas/retest']).toMatchObject({
      start: '2026-12-13',
      startIsDate: true,
      end: '2026-12-14',
    });
    expect(byUid['subject/acme-old/iaas/retest']!.alarms.map((a) => a.trigger)).toEqual(['-P7D', '-P1D']);
    expect(byUid['scope/iaas/v4/deprecated']!.alarms.length).toBeGreaterThan(0);
  });

  it('a subject RSS feed: its standing per scope, then the news of the version it relies on', async () => {
    const xml = await (await fetch(`${sites.now.url}/subjects/acme-cloud/rss.xml`)).text();
    const items = new XMLParser().parse(xml).rss.channel.item as { title: string; description: string }[];
    expect(items[0]!.title).toBe('acme-cloud, IaaS: re-test soon');
    expect(items[0]!.description).toContain(
      'passes IaaS v5.1; results expire on 2026-12-14 (re-test by 2026-12-13); nothing due',
    );
    expect(items.some((i) => i.title === 'acme-cloud, KaaS: non-compliant')).toBe(true);
    expect(items.length).toBeGreaterThan(2);
  });
});
