/**
 * The committed data/, read back with independent parsers (ical.js, fast-xml-parser): RSS and
 * calendars tell one story, and what was recorded long after the fact is no news.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCalendar } from '../../support/ics.ts';
import { defaultFeedFiles, type FeedFile } from '../../support/default-files.ts';
import { storyProblems, type CalendarDay } from '../../support/story.ts';
import { parseRss } from '../../support/xml.ts';

let calendars: FeedFile[];
let feeds: FeedFile[];
beforeAll(async () => {
  ({ calendars, feeds } = await defaultFeedFiles());
});

const days = (file: FeedFile): CalendarDay[] =>
  parseCalendar(file.text).events.map((e) => ({
    transition: e.uid.replace(/@[^@]*$/, ''),
    day: e.start,
    cancelled: e.status === 'CANCELLED',
  }));
const items = (file: FeedFile) => parseRss(file.text).items.map((i) => ({ ...i, published: Date.parse(i.pubDate) }));

describe('the default data in feeds and calendars', () => {
  it('gives, in the newest item about each transition, the day its calendar event has', () => {
    const all = items(feeds.find((f) => f.path === 'rss.xml')!);
    for (const calendar of calendars) {
      const events = days(calendar);
      expect(events.length, calendar.path).toBeGreaterThan(0);
      expect(storyProblems(events, all), calendar.path).toEqual([]);
    }
    for (const scope of ['iaas', 'kaas']) {
      expect(
        storyProblems(
          days(calendars.find((c) => c.path === `scopes/${scope}/calendar.ics`)!),
          items(feeds.find((f) => f.path === `scopes/${scope}/rss.xml`)!),
        ),
      ).toEqual([]);
    }
  });

  it('withdraws KaaS v2 and corrects the IaaS v1 deprecation in both', () => {
    const all = items(feeds.find((f) => f.path === 'rss.xml')!);
    const kaas = days(calendars.find((c) => c.path === 'scopes/kaas/calendar.ics')!);
    expect(kaas.find((e) => e.transition === 'scope/kaas/v2/draft')).toEqual({
      transition: 'scope/kaas/v2/draft',
      day: '2024-02-28',
      cancelled: true,
    });
    expect(all.map((i) => i.title)).toContain('Withdrawn: KaaS v2 becomes a draft on 2024-02-28');
    expect(days(calendars[0]!).find((e) => e.transition === 'scope/iaas/v1/deprecated')!.day).toBe('2023-10-31');
    expect(all.map((i) => i.title)).toContain(
      'IaaS v1 can no longer be certified from 2023-10-31 instead of 2023-11-01',
    );
    expect(all.find((i) => i.title.startsWith('KaaS v1 becomes a draft on 2024-02-28'))).toBeDefined();
  });

  it('names a version and its scope document in the one calendar event of their transition', () => {
    for (const path of ['calendar.ics', 'scopes/iaas/calendar.ics', 'standards/calendar.ics']) {
      const events = parseCalendar(calendars.find((c) => c.path === path)!.text).events;
      const v51 = events.filter((e) => e.start === '2024-12-19' && /scs-0501-v5|IaaS v5\.1/.test(e.summary));
      expect(
        v51.map((e) => [e.uid.replace(/@.*/, ''), e.summary]),
        path,
      ).toEqual([['scope/iaas/v5.1/effective', 'IaaS v5.1 (scs-0501-v5) becomes effective']]);
    }
  });

  it('reports no date long past as news, and the scope documents of #1199 in one background item', () => {
    for (const feed of feeds) {
      for (const i of items(feed)) {
        if (i.title.startsWith('Background: ') || i.title.startsWith('Withdrawn: ') || i.title.includes(' instead of '))
          continue;
        const day = /\d{4}-\d{2}-\d{2}/.exec(i.title)?.[0];
        if (!day) continue;
        const late = (i.published - Date.parse(`${day}T00:00:00Z`)) / 86_400_000;
        expect(late, `${feed.path}: "${i.title}" published ${i.pubDate}`).toBeLessThanOrEqual(31);
      }
    }
    const on1199 = items(feeds[0]!).filter((i) => i.pubDate === 'Fri, 24 Jul 2026 00:00:00 GMT');
    const background = on1199.filter((i) => i.title.startsWith('Background: '));
    expect(background).toHaveLength(1);
    expect(background[0]!.description).toContain('pull/1199');
    expect(background[0]!.description).toMatch(/scs-0501-v1 \(SCS-compatible IaaS\) became Stable on 2021-01-01/);
    // What #1199 added without past dates (new drafts) is news.
    expect(on1199.map((i) => i.title)).toContain('New document: scs-0500-v1 (SCS Certificate Scopes), a Draft');
    expect(on1199.every((i) => !/^New document: scs-050[12]-v/.test(i.title))).toBe(true);
  });

  it('links each scope feed to its scope page and dates it by its newest item', () => {
    for (const feed of feeds) {
      const { channel, items: read } = parseRss(feed.text);
      const scope = /^scopes\/([^/]+)\//.exec(feed.path)?.[1];
      expect(channel.link).toBe(`https://feeds.example.test/timeline/${scope ? `scopes/${scope}/` : ''}`);
      expect(channel.lastBuildDate).toBe(read[0]!.pubDate);
    }
  });
});
