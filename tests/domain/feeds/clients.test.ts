/**
 * The default data's calendars and feeds in real clients: Debian's khal and calcurse import
 * each calendar and list every event on its day under three time zones of the reader's machine
 * (UTC, -8/-7, +14), and newsboat reads each RSS feed. Without the programs these tests are
 * skipped with a message; under CI=true (.ci/run installs them) that is a failure.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/days/day.ts';
import {
  calcurseImport,
  CLIENTS_MISSING,
  CLIENTS_SKIP_REASON,
  type KhalEvent,
  khalImport,
  newsboatRead,
} from '../../support/clients.ts';
import { defaultFeedFiles, type FeedFile } from '../../support/default-files.ts';
import { parseCalendar } from '../../support/ics.ts';
import { storyProblems } from '../../support/story.ts';
import { parseRss } from '../../support/xml.ts';

const HAVE_CLIENTS = CLIENTS_MISSING.length === 0;
if (!HAVE_CLIENTS) {
  if (process.env.CI === 'true')
    throw new Error(
      `CI=true but ${CLIENTS_MISSING.join(' and ')} missing: .ci/run installs khal, calcurse and newsboat`,
    );
  console.warn(CLIENTS_SKIP_REASON);
}

const ZONES = ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati'];

let calendars: FeedFile[];
let feeds: FeedFile[];
beforeAll(async () => {
  ({ calendars, feeds } = await defaultFeedFiles());
});

// One import per calendar and one listing per zone, shared by both tests: khal takes seconds
// for each. The window is the calendar's own span (read by ical.js) and a week either side.
function windowOf(calendar: FeedFile) {
  const days = parseCalendar(calendar.text)
    .events.map((e) => e.start)
    .sort();
  return { from: addDays(days[0]!, -7), to: addDays(days.at(-1)!, 7) };
}
const imported = new Map<string, (tz: string) => KhalEvent[]>();
function khalListing(calendar: FeedFile): (tz: string) => KhalEvent[] {
  let listing = imported.get(calendar.path);
  if (!listing) {
    const window = windowOf(calendar);
    const khal = khalImport(calendar.text);
    const byZone = new Map<string, KhalEvent[]>();
    listing = (tz) => byZone.get(tz) ?? byZone.set(tz, khal.list(tz, window)).get(tz)!;
    imported.set(calendar.path, listing);
  }
  return listing;
}

const byDay = (a: { day: string; message: string }, b: { day: string; message: string }) =>
  a.day.localeCompare(b.day) || a.message.localeCompare(b.message);

describe.skipIf(!HAVE_CLIENTS)('real clients on the default data', () => {
  it(
    'khal imports every calendar and shows every event on its day in UTC, Los Angeles and Kiritimati',
    { timeout: 600_000 },
    () => {
      for (const calendar of calendars) {
        const expected = parseCalendar(calendar.text).events;
        const listIn = khalListing(calendar);
        for (const tz of ZONES) {
          const listed = listIn(tz);
          const where = `${calendar.path} in ${tz}`;
          expect(listed.length, where).toBe(expected.length);
          const byUid = new Map(listed.map((e) => [e.uid, e]));
          for (const e of expected) {
            const seen = byUid.get(e.uid);
            expect(seen, `${where}: ${e.uid}`).toBeDefined();
            // An all-day event: one day, the transition's own.
            expect([seen!.start, seen!.end], `${where}: ${e.uid}`).toEqual([e.start, e.start]);
            expect(seen!.cancelled, `${where}: ${e.uid}`).toBe(e.status === 'CANCELLED');
          }
        }
      }
    },
  );

  it(
    'calcurse imports every calendar and shows each event on its day with its summary and description, in UTC, Los Angeles and Kiritimati',
    { timeout: 300_000 },
    () => {
      for (const calendar of calendars) {
        const expected = parseCalendar(calendar.text).events;
        const calcurse = calcurseImport(calendar.text);
        const window = windowOf(calendar);
        const own = expected.map((e) => ({ day: e.start, message: e.summary, note: e.description })).sort(byDay);
        for (const tz of ZONES) expect(calcurse.list(tz, window).sort(byDay), `${calendar.path} in ${tz}`).toEqual(own);
        // calcurse ignores STATUS: a withdrawn date must say so in what it shows.
        for (const e of expected.filter((x) => x.status === 'CANCELLED'))
          expect(e.summary, `${calendar.path}: ${e.uid}`).toMatch(/^Withdrawn: /);
      }
    },
  );

  it(
    'newsboat reads every feed: the same items, days and links as the feed says, and one story with the calendars',
    { timeout: 300_000 },
    () => {
      for (const feed of feeds) {
        const parsed = parseRss(feed.text);
        const read = newsboatRead(feed.text);
        expect(read.title, feed.path).toBe(parsed.channel.title);
        expect(read.url, feed.path).toBe(parsed.channel.link);
        expect(read.items.map((i) => i.guid).sort(), feed.path).toEqual(parsed.items.map((i) => i.guid).sort());
        const byGuid = new Map(parsed.items.map((i) => [i.guid, i]));
        for (const item of read.items) {
          const own = byGuid.get(item.guid)!;
          expect([item.title, item.url, item.pubDate * 1000], item.guid).toEqual([
            own.title,
            own.link,
            Date.parse(own.pubDate),
          ]);
        }
        const khalKnown = (path: string) => calendars.find((c) => c.path === path)!;
        const calendarOf =
          feed.path === 'rss.xml' ? khalKnown('calendar.ics') : khalKnown(feed.path.replace('rss.xml', 'calendar.ics'));
        const days = khalListing(calendarOf)('Pacific/Kiritimati').map((e) => ({
          transition: e.uid.replace(/@[^@]*$/, ''),
          day: e.start,
          cancelled: e.cancelled,
        }));
        const items = read.items.map((i) => ({
          guid: i.guid,
          title: i.title,
          published: i.pubDate * 1000,
          description: i.content,
        }));
        expect(storyProblems(days, items), feed.path).toEqual([]);
      }
    },
  );
});
