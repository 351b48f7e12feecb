import { getRssString } from '@astrojs/rss';
import { beforeAll, describe, expect, it } from 'vitest';
import { deriveEvents } from '../../../src/domain/events/events.ts';
import { eventUid, publishedOn, rssFeed, scopeEvents } from '../../../src/domain/feeds/rss.ts';
import { feedEntries } from '../../../src/domain/feeds/story.ts';
import type { Dataset } from '../../../src/domain/schemas/data.ts';
import type { TimelineEvent } from '../../../src/domain/schemas/event.ts';
import { feedContext, HOSTILE_DOC_ID, movedDataset } from '../../support/datasets.ts';
import { parseRss } from '../../support/xml.ts';

const OPTIONS = { title: 'SCS Standards Timeline: all changes', description: 'test feed', path: 'rss.xml', home: '' };

let dataset: Dataset;
let events: TimelineEvent[];
let all: ReturnType<typeof parseRss>;
beforeAll(async () => {
  dataset = await movedDataset();
  events = deriveEvents(dataset);
  all = parseRss(await getRssString(rssFeed(feedContext(dataset), events, OPTIONS)));
});

const item = (title: string) => {
  const found = all.items.find((i) => i.title === title);
  if (!found) throw new Error(`no item titled ${JSON.stringify(title)}`);
  return found;
};

describe('rssFeed', () => {
  it('has one item per feed entry with a stable guid that is not a permalink', () => {
    const entries = feedEntries(events);
    expect(all.items).toHaveLength(entries.length);
    const ctx = feedContext(dataset);
    const told = entries.flatMap((e) => (e.kind === 'event' ? [e.event] : []));
    expect(new Set(all.items.map((i) => i.guid))).toEqual(
      new Set([
        ...told.map((e) => eventUid(ctx, e)),
        ...entries.filter((e) => e.kind === 'background').map((e) => `${e.id}@feeds.example.test`),
      ]),
    );
    expect(new Set(all.items.map((i) => i.guid)).size).toBe(all.items.length);
    expect(all.items.every((i) => i.guidIsPermaLink === 'false')).toBe(true);
    expect(all.channel['atom:link']).toMatchObject({
      '@href': 'https://feeds.example.test/timeline/rss.xml',
      '@rel': 'self',
    });
    expect(all.channel.link).toBe('https://feeds.example.test/timeline/');
  });

  it('publishes each change on the day it became known, newest first, and is dated by its newest item', () => {
    expect(item('IaaS v4 enters its warn period on 2025-02-01 instead of 2025-01-01').pubDate).toBe(
      'Fri, 20 Dec 2024 00:00:00 GMT',
    );
    expect(item('IaaS v5.1 becomes effective on 2024-12-19').pubDate).toBe('Fri, 20 Dec 2024 00:00:00 GMT');
    expect(item('New scope version: IaaS v5.1').pubDate).toBe('Fri, 20 Dec 2024 00:00:00 GMT');
    expect(item('IaaS v5.1 enters its warn period on 2026-11-01 instead of 2026-10-01').pubDate).toBe(
      'Wed, 22 Jul 2026 00:00:00 GMT',
    );
    const next = events.find((e) => e.id === 'scope/iaas/next/draft')!;
    expect(publishedOn(next)).toBe('2026-01-07');
    const times = all.items.map((i) => Date.parse(i.pubDate));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(all.channel.lastBuildDate).toBe(all.items[0]!.pubDate);
  });

  it('tells a date recorded long after the fact as background, once per commit, not as news', () => {
    // #985 added `next` with a draft date four months past.
    const background = item('Background: past dates of IaaS next');
    expect(background.pubDate).toBe('Wed, 07 Jan 2026 00:00:00 GMT');
    expect(background.description).toContain('IaaS next became a draft on 2025-09-09');
    expect(all.items.some((i) => i.title.startsWith('IaaS next becomes a draft'))).toBe(false);
    // The first revision of the IaaS file (#206) imported v1, effective since 2021.
    expect(item('Background: past dates of IaaS v1').description).toContain('IaaS v1 became effective on 2021-01-01');
    const backgrounds = all.items.filter((i) => i.title.startsWith('Background: '));
    expect(new Set(backgrounds.map((i) => i.guid)).size).toBe(backgrounds.length);
  });

  it('corrects a moved date even when it was already past, naming both days and the pull request', () => {
    const moved = item('IaaS v1 can no longer be certified from 2023-10-31 instead of 2023-11-01');
    expect(moved.pubDate).toBe('Thu, 14 Mar 2024 00:00:00 GMT');
    expect(moved.description).toContain(
      'Moved from 2023-11-01 to 2023-10-31 on 2024-03-14 by pull request <a href="https://github.com/SovereignCloudStack/standards/pull/467">#467</a>. This corrects a date that was already past.',
    );
    expect(item('Withdrawn: KaaS v2 becomes a draft on 2024-02-28').description).toContain('#753');
  });

  it('links the page and the pull request, named once, and says what the change means', () => {
    const moved = item('IaaS v4 enters its warn period on 2025-02-01 instead of 2025-01-01');
    expect(moved.link).toBe('https://feeds.example.test/timeline/scopes/iaas/');
    expect(moved.description).toContain('<a href="https://github.com/SovereignCloudStack/standards/pull/859">#859</a>');
    expect(moved.description).toContain('From 2025-02-01: IaaS v4 is still certifiable, but users are warned');
    for (const i of all.items) {
      const text = i.description.replace(/<[^>]*>/g, '');
      const numbers = [...text.matchAll(/#(\d+)/g)].map((m) => m[1]);
      expect(new Set(numbers).size, `${i.title}: ${text}`).toBe(numbers.length);
      expect(i.title).not.toMatch(/#\d+/);
    }
    const doc = all.items.find((i) => i.guid === `document/${HOSTILE_DOC_ID}/stable@feeds.example.test`)!;
    expect(doc.link).toBe('https://feeds.example.test/timeline/standards/scs-0100/');
  });

  it('names the scope and the version of every scope item, as the site names them', () => {
    const names = new Map(
      dataset.scopes.map((s) => [s.id, new Set(s.revisions.flatMap((r) => r.versions.map((v) => v.name)))]),
    );
    const scopeItems = all.items.filter((i) => i.link.includes('/scopes/'));
    expect(scopeItems.length).toBeGreaterThan(20);
    for (const i of scopeItems) {
      const m = /^(?:Withdrawn: |New scope version: |Background: past dates of )?(IaaS|KaaS) (\S+)/.exec(i.title);
      expect(m, i.title).not.toBeNull();
      expect(names.get(m![1]!.toLowerCase())!.has(m![2]!.replace(/,$/, '')), i.title).toBe(true);
    }
  });

  it('keeps hostile titles inert: one line, HTML escaped inside the description', () => {
    for (const i of all.items) expect(i.description).not.toMatch(/<script|<b |<img/i);
    const doc = all.items.find((i) => i.title.includes('Evil; title'));
    expect(doc, 'an item about the document with the hostile title').toBeDefined();
    expect(doc!.title).toContain(
      'Evil; title, with newline BEGIN:VEVENT UID:evil@example.com END:VEVENT <img src=x onerror=alert(1)>',
    );
    expect(doc!.title).not.toMatch(/[\r\n]/);
  });

  it('gives a scope feed only that scope, linked to the scope page and dated by its newest item', async () => {
    const kaas = parseRss(
      await getRssString(
        rssFeed(feedContext(dataset), scopeEvents(events, 'kaas'), {
          ...OPTIONS,
          path: 'scopes/kaas/rss.xml',
          home: 'scopes/kaas/',
        }),
      ),
    );
    expect(kaas.items.length).toBeGreaterThan(0);
    expect(kaas.items.every((i) => i.link === 'https://feeds.example.test/timeline/scopes/kaas/')).toBe(true);
    expect(kaas.items.map((i) => i.title)).toContain('KaaS v1 becomes effective on 2024-11-26');
    expect(kaas.channel.link).toBe('https://feeds.example.test/timeline/scopes/kaas/');
    expect(kaas.channel.lastBuildDate).toBe(kaas.items[0]!.pubDate);
    expect(kaas.channel.lastBuildDate).not.toBe(all.channel.lastBuildDate);
  });
});

describe('the independent reader the feed tests use (tests/support/xml.ts)', () => {
  it('refuses a feed that is not well-formed XML, naming what is wrong', () => {
    expect(() => parseRss('<rss version="2.0"><channel><title>x</channel></rss>')).toThrow(
      /^not well-formed XML: Expected closing tag 'title'/,
    );
    expect(() => parseRss('<rss version="2.0"><channel><title>a & b</title></channel></rss>')).toThrow(
      'not well-formed XML',
    );
  });
});
