/**
 * The hostile site (tests/support/hostile-site.ts: the moved dataset with hostile titles,
 * built once by the global setup under a site URL and base path). The files it emits are read
 * back with independent parsers and compared with the domain builders run on the dataset
 * before the date moved: the same UIDs, SEQUENCE raised only where it moved.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { deriveEvents } from '../../src/domain/events/events.ts';
import { calendarIcs } from '../../src/domain/feeds/ical.ts';
import { announcedDataset, MOVED_EVENT_ID } from '../support/datasets.ts';
import { HOSTILE_BASE, HOSTILE_SITE } from '../support/hostile-site.ts';
import { validator } from '../support/ajv.ts';
import { parseCalendar, rfc5545Problems } from '../support/ics.ts';
import { parseRss } from '../support/xml.ts';

const SITE = HOSTILE_SITE;
const BASE = HOSTILE_BASE;

const dist = inject('hostileDir');

const read = (path: string) => readFileSync(join(dist, path), 'utf8');

const CALENDARS = ['calendar.ics', 'scopes/iaas/calendar.ics', 'scopes/kaas/calendar.ics', 'standards/calendar.ics'];
const FEEDS = ['rss.xml', 'scopes/iaas/rss.xml', 'scopes/kaas/rss.xml'];
/** The API files, each with the name of the JSON Schema it validates against. */
const API: Record<string, string> = {
  'api/v1/scopes.json': 'scopes',
  'api/v1/scopes/iaas.json': 'scope',
  'api/v1/scopes/kaas.json': 'scope',
  'api/v1/standards.json': 'standards',
  'api/v1/events.json': 'events',
  'api/v1/pulls.json': 'pulls',
};

describe('the built site', () => {
  it('emits every calendar as RFC 5545 that ical.js reads, with the site URL and base path', () => {
    for (const path of CALENDARS) {
      const text = read(path);
      expect(rfc5545Problems(text), path).toEqual([]);
      const { events } = parseCalendar(text);
      expect(events.length, path).toBeGreaterThan(0);
      expect(events.every((e) => e.url.startsWith(`${SITE}${BASE}`) && e.uid.endsWith('@feeds.example.test'))).toBe(
        true,
      );
    }
    expect(parseCalendar(read('scopes/kaas/calendar.ics')).events.every((e) => e.uid.startsWith('scope/kaas/'))).toBe(
      true,
    );
    // A scope document's transition is its version's (one event, the version's UID): scs-0501-v5 Stable = IaaS v5.1 effective.
    expect(
      parseCalendar(read('standards/calendar.ics')).events.every(
        (e) => e.uid.startsWith('document/') || /^scope\/[a-z]+\/[^/]+\/(effective|deprecated)(\/\d+)?@/.test(e.uid),
      ),
    ).toBe(true);
  });

  it('keeps UIDs across the date move and raises SEQUENCE only for the moved event', async () => {
    const built = parseCalendar(read('calendar.ics')).events;
    const dataset = await announcedDataset();
    const ctx = { siteUrl: `${SITE}${BASE}`, uidDomain: 'feeds.example.test', dataset };
    const earlier = parseCalendar(
      calendarIcs(ctx, deriveEvents(dataset), { title: 'x', description: 'x', path: 'calendar.ics' }),
    ).events;
    expect(built.map((e) => e.uid).sort()).toEqual(earlier.map((e) => e.uid).sort());
    const old = new Map(earlier.map((e) => [e.uid, e]));
    const changed = built.filter((e) => old.get(e.uid)!.sequence !== e.sequence || old.get(e.uid)!.start !== e.start);
    expect(changed.map((e) => [e.uid, e.start, e.sequence - old.get(e.uid)!.sequence])).toEqual([
      [`${MOVED_EVENT_ID}@feeds.example.test`, '2026-11-01', 1],
    ]);
    // The hostile titles made no property or event of their own.
    expect(built.flatMap((e) => e.propertyNames)).not.toContain('attendee');
    expect(read('calendar.ics').match(/^BEGIN:VEVENT\r$/gm)?.length).toBe(built.length);
  });

  it('emits RSS 2.0 feeds with absolute links and stable guids', () => {
    for (const path of FEEDS) {
      const { channel, items } = parseRss(read(path));
      expect(items.length, path).toBeGreaterThan(0);
      expect(channel['atom:link']).toMatchObject({ '@href': `${SITE}${BASE}${path}` });
      expect(items.every((i) => i.link.startsWith(`${SITE}${BASE}`) && i.guidIsPermaLink === 'false')).toBe(true);
      expect(new Set(items.map((i) => i.guid)).size).toBe(items.length);
    }
    const titles = parseRss(read('rss.xml')).items.map((i) => i.title);
    expect(titles).toContain('IaaS v4 enters its warn period on 2025-02-01 instead of 2025-01-01');
    expect(titles).toContain('IaaS v5.1 enters its warn period on 2026-11-01 instead of 2026-10-01');
    // A scope feed is about its scope page, and as new as its newest item.
    for (const scope of ['iaas', 'kaas']) {
      const { channel, items } = parseRss(read(`scopes/${scope}/rss.xml`));
      expect(channel.link).toBe(`${SITE}${BASE}scopes/${scope}/`);
      expect(channel.lastBuildDate).toBe(items[0]!.pubDate);
    }
    expect(read('rss.xml')).not.toMatch(/<script|<img/);
  });

  it('emits JSON that validates against the JSON Schemas it publishes', () => {
    for (const [file, schema] of Object.entries(API)) {
      const json = JSON.parse(read(file));
      const published = JSON.parse(read(`api/v1/schema/${schema}.json`));
      expect(published.$id).toBe(`${SITE}${BASE}api/v1/schema/${schema}.json`);
      expect(json.$schema).toBe(published.$id);
      const validate = validator(published);
      expect(validate(json), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('announces the feeds in every page head and links subscribe and download on /feeds/', () => {
    const home = read('index.html');
    expect(home).toMatch(new RegExp(`<link rel="alternate" type="application/rss\\+xml"[^>]*href="${BASE}rss.xml"`));
    const feeds = read('feeds/index.html');
    for (const path of CALENDARS) {
      expect(feeds).toContain(`href="webcal://feeds.example.test${BASE}${path}"`);
      expect(feeds).toContain(`href="${BASE}${path}"`);
    }
    for (const path of FEEDS) expect(feeds).toContain(`href="${BASE}${path}"`);
    // Each address as text, on the host SITE_URL names, and the page says so.
    const code = (text: string) => new RegExp(`<code[^>]*>${text.replace(/[.]/g, '\\.')}</code>`);
    for (const path of [...FEEDS, ...CALENDARS]) expect(feeds).toMatch(code(`${SITE}${BASE}${path}`));
    expect(feeds).toMatch(new RegExp(`Addresses on this page are on ${code(`${SITE}${BASE}`).source}`));
    for (const file of Object.keys(API)) expect(feeds).toContain(`href="${BASE}${file}"`);
    expect(existsSync(join(dist, 'api/v1/schema/events.json'))).toBe(true);
    expect(home).toContain(`href="webcal://feeds.example.test${BASE}calendar.ics"`);
  });

  it('announces and links the feed and calendar of each scope on its page', () => {
    for (const scope of ['iaas', 'kaas']) {
      const page = read(`scopes/${scope}/index.html`);
      const head = page.slice(0, page.indexOf('</head>'));
      expect(head).toMatch(
        new RegExp(`<link rel="alternate" type="application/rss\\+xml"[^>]*href="${BASE}scopes/${scope}/rss.xml"`),
      );
      expect(head).toMatch(
        new RegExp(`<link rel="alternate" type="text/calendar"[^>]*href="${BASE}scopes/${scope}/calendar.ics"`),
      );
      expect(head).toContain(`href="${BASE}rss.xml"`);
      expect(page).toContain(`href="webcal://feeds.example.test${BASE}scopes/${scope}/calendar.ics"`);
      expect(page).toMatch(new RegExp(`<a href="${BASE}scopes/${scope}/calendar.ics"[^>]*download`));
    }
  });
});
