/**
 * Prints the calendar and RSS feed of the moved dataset as JSON, with the process's time
 * zone: the time-zone test runs it under several TZ values and compares the output.
 */
import { getRssString } from '@astrojs/rss';
import { deriveEvents } from '../../src/domain/events/events.ts';
import { calendarIcs } from '../../src/domain/feeds/ical.ts';
import { rssFeed } from '../../src/domain/feeds/rss.ts';
import { feedContext, movedDataset } from './datasets.ts';

const dataset = await movedDataset();
const events = deriveEvents(dataset);
const ctx = feedContext(dataset);
const ics = calendarIcs(ctx, events, { title: 'probe', description: 'probe', path: 'calendar.ics' });
const rss = await getRssString(
  rssFeed(ctx, events, { title: 'probe', description: 'probe', path: 'rss.xml', home: '' }),
);
process.stdout.write(
  JSON.stringify({ tz: process.env.TZ, offset: new Date(Date.UTC(2025, 1, 1)).getTimezoneOffset(), ics, rss }),
);
