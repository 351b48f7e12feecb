import { getRssString } from '@astrojs/rss';
import { beforeAll, describe, expect, it } from 'vitest';
import { deriveEvents } from '../../src/domain/events.ts';
import { eventUid, newsEvents, publishedOn, rssFeed, scopeEvents } from '../../src/domain/feeds/rss.ts';
import type { Dataset } from '../../src/domain/schemas/data.ts';
import type { TimelineEvent } from '../../src/domain/schemas/event.ts';
import { feedContext, HOSTILE_DOC_ID, movedDataset } from './support/datasets.ts';
import { parseRss } from './support/xml.ts';

const OPTIONS = { title: 'SCS Standards Timeline: all changes', description: 'test feed', path: 'rss.xml' };

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
  it('has one item per news event with a stable guid that is not a permalink', () => {
    const news = newsEvents(events);
    expect(all.items).toHaveLength(news.length);
    const ctx = feedContext(dataset);
    expect(new Set(all.items.map((i) => i.guid))).toEqual(new Set(news.map((e) => eventUid(ctx, e))));
    expect(all.items.every((i) => i.guidIsPermaLink === 'false')).toBe(true);
    expect(all.channel['atom:link']).toMatchObject({ '@href': 'https://feeds.example.test/timeline/rss.xml', '@rel': 'self' });
  });

  it('publishes each change on the day it became known, newest first', () => {
    expect(item('IaaS v4 warn moved from 2025-01-01 to 2025-02-01 (#859)').pubDate).toBe('Fri, 20 Dec 2024 00:00:00 GMT');
    expect(item('IaaS v5.1 becomes effective on 2024-12-19 (#859)').pubDate).toBe('Fri, 20 Dec 2024 00:00:00 GMT');
    expect(item('IaaS v5.1 added (#859)').pubDate).toBe('Fri, 20 Dec 2024 00:00:00 GMT');
    expect(item('IaaS v5.1 warn moved from 2026-10-01 to 2026-11-01 (#9999)').pubDate).toBe('Wed, 22 Jul 2026 00:00:00 GMT');
    // Never announced as news (set long after the day): the transition itself, dated by its announcement.
    const next = events.find((e) => e.id === 'scope/iaas/next/draft')!;
    expect(publishedOn(next)).toBe('2026-01-07');
    expect(item('IaaS next becomes draft on 2025-09-09').pubDate).toBe('Wed, 07 Jan 2026 00:00:00 GMT');
    const times = all.items.map((i) => Date.parse(i.pubDate));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('links the page and the pull request, and says what the change means', () => {
    const moved = item('IaaS v4 warn moved from 2025-01-01 to 2025-02-01 (#859)');
    expect(moved.link).toBe('https://feeds.example.test/timeline/scopes/iaas/');
    expect(moved.description).toContain('<a href="https://github.com/SovereignCloudStack/standards/pull/859">#859</a>');
    expect(moved.description).toContain('From 2025-02-01: IaaS v4 is still certifiable, but users are warned');
    const doc = all.items.find((i) => i.guid === `document/${HOSTILE_DOC_ID}/stable@feeds.example.test`)!;
    expect(doc.link).toBe('https://feeds.example.test/timeline/standards/scs-0100/');
  });

  it('does not repeat a transition that its announcement already reports', () => {
    expect(all.items.filter((i) => i.title.startsWith('IaaS v5.1 becomes effective on 2024-12-19'))).toHaveLength(1);
    expect(all.items.some((i) => i.guid === 'scope/iaas/v5.1/effective@feeds.example.test')).toBe(false);
  });

  it('keeps hostile titles inert: one line, HTML escaped inside the description', () => {
    const pr = item('IaaS next becomes effective on 2026-10-01 (#9998)');
    // The description is HTML: the pull-request title is text in it, not markup.
    expect(pr.description).toContain('&#60;script&#62;alert(&#34;pr&#34;)&#60;/script&#62; &#38; \\ done');
    expect(pr.description).not.toMatch(/<script|<b |<img/i);
    const doc = all.items.find((i) => i.guid === `document/${HOSTILE_DOC_ID}/stable@feeds.example.test`)!;
    expect(doc.title).toContain('Evil; title, with newline BEGIN:VEVENT UID:evil@example.com END:VEVENT <img src=x onerror=alert(1)>');
    expect(doc.title).not.toMatch(/[\r\n]/);
    expect(doc.description).not.toMatch(/<img/);
  });

  it('gives a scope feed only that scope', async () => {
    const kaas = parseRss(await getRssString(rssFeed(feedContext(dataset), scopeEvents(events, 'kaas'), { ...OPTIONS, path: 'scopes/kaas/rss.xml' })));
    expect(kaas.items.length).toBeGreaterThan(0);
    expect(kaas.items.every((i) => i.link === 'https://feeds.example.test/timeline/scopes/kaas/')).toBe(true);
    expect(kaas.items.map((i) => i.title)).toContain('KaaS v1 becomes effective on 2024-11-26 (#844)');
  });
});
