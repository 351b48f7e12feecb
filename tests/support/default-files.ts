/**
 * Every calendar and RSS feed of the committed data/, made by the same builders and with the
 * same event selections as the endpoints (src/pages/calendar.ics.ts, scopes/[scope]/…,
 * standards/calendar.ics.ts, rss.xml.ts), for reading back with other programs.
 */
import { getRssString } from '@astrojs/rss';
import { deriveEvents } from '../../src/domain/events/events.ts';
import { calendarIcs } from '../../src/domain/feeds/ical.ts';
import { documentEvents, rssFeed, scopeEvents } from '../../src/domain/feeds/rss.ts';
import { readDataset } from '../../src/io/dataset.ts';
import { DATA_DIR, feedContext } from './datasets.ts';

export interface FeedFile {
  path: string;
  text: string;
}

export async function defaultFeedFiles(): Promise<{ calendars: FeedFile[]; feeds: FeedFile[] }> {
  const dataset = await readDataset(DATA_DIR);
  const events = deriveEvents(dataset);
  const ctx = feedContext(dataset);
  // Names with separators, so that their escaping is read back too.
  const calendar = (path: string, subset: typeof events) => ({
    path,
    text: calendarIcs(ctx, subset, {
      title: `Timeline, ${path}`,
      description: `Transitions; of ${path}, with reminders`,
      path,
    }),
  });
  const feed = async (path: string, home: string, subset: typeof events) => ({
    path,
    text: await getRssString(rssFeed(ctx, subset, { title: `Timeline: ${path}`, description: 'changes', path, home })),
  });
  return {
    calendars: [
      calendar('calendar.ics', events),
      ...dataset.scopes.map((s) => calendar(`scopes/${s.id}/calendar.ics`, scopeEvents(events, s.id))),
      calendar('standards/calendar.ics', documentEvents(events)),
    ],
    feeds: [
      await feed('rss.xml', '', events),
      ...(await Promise.all(
        dataset.scopes.map((s) => feed(`scopes/${s.id}/rss.xml`, `scopes/${s.id}/`, scopeEvents(events, s.id))),
      )),
    ],
  };
}
