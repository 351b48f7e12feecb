import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { deriveEvents } from '../../../src/domain/events/events.ts';
import {
  calendarEvents,
  calendarIcs,
  hasReminders,
  reminderDays,
  withdrawnTransitions,
} from '../../../src/domain/feeds/ical.ts';
import { documentEvents, eventUid, scopeEvents } from '../../../src/domain/feeds/rss.ts';
import type { Dataset } from '../../../src/domain/schemas/data.ts';
import type { TimelineEvent } from '../../../src/domain/schemas/event.ts';
import { readDataset } from '../../../src/io/dataset.ts';
import {
  announcedDataset,
  DATA_DIR,
  feedContext,
  HOSTILE_DOC_ID,
  MOVED_EVENT_ID,
  movedDataset,
  UNMOVED_EVENT_ID,
  withdrawnDataset,
} from '../../support/datasets.ts';
import { ICAL, parseCalendar, rfc5545Problems } from '../../support/ics.ts';

const OPTIONS = { title: 'SCS Standards Timeline', description: 'test calendar', path: 'calendar.ics' };
const compact = (day: string) => day.replaceAll('-', '');

let before: Dataset;
let after: Dataset;
let eventsBefore: TimelineEvent[];
let eventsAfter: TimelineEvent[];
beforeAll(async () => {
  before = await announcedDataset();
  after = await movedDataset();
  eventsBefore = deriveEvents(before);
  eventsAfter = deriveEvents(after);
});

describe('calendarIcs', () => {
  it('writes one all-day event per transition, on exactly its day, with its UID and SEQUENCE', () => {
    const ctx = feedContext(after);
    const text = calendarIcs(ctx, eventsAfter, OPTIONS);
    // The transitions, then the withdrawn ones (CANCELLED: see below).
    const events = parseCalendar(text).events.filter((e) => e.status !== 'CANCELLED');
    const expected = calendarEvents(eventsAfter);
    expect(events).toHaveLength(expected.length);
    expect(expected.length).toBeGreaterThan(50);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    for (const [i, e] of expected.entries()) {
      const parsed = events[i]!;
      expect(parsed.uid).toBe(eventUid(ctx, e));
      expect(parsed.uid).toBe(`${e.id}@feeds.example.test`);
      expect(parsed.startIsDate).toBe(true);
      expect(parsed.start).toBe(e.date);
      expect(parsed.sequence).toBe(e.sequence);
      expect(parsed.url).toBe(
        `https://feeds.example.test/timeline/${e.scope ? `scopes/${e.scope}/` : `standards/${e.document!.slice(0, 8)}/`}`,
      );
    }
    expect(text).toContain(`DTSTART;VALUE=DATE:${compact('2026-11-01')}\r\n`);
  });

  it('takes DTSTAMP and LAST-MODIFIED from the revision that last set the date, never the build time', () => {
    const ctx = feedContext(after);
    const { events } = parseCalendar(calendarIcs(ctx, eventsAfter, OPTIONS));
    const moved = events.find((e) => e.uid === `${MOVED_EVENT_ID}@feeds.example.test`)!;
    expect(moved.lastModified).toBe('2026-07-22T00:00:00Z');
    expect(moved.stamp).toBe('2026-07-22T00:00:00Z');
    // The same data gives the same bytes, whenever it is built.
    expect(calendarIcs(ctx, eventsAfter, OPTIONS)).toBe(
      calendarIcs(feedContext(structuredClone(after)), deriveEvents(after), OPTIONS),
    );
  });

  it('reminds 30 and 7 days ahead and on the day of every transition a provider acts on, never before it was announced', () => {
    const ctx = feedContext(after);
    const { events } = parseCalendar(calendarIcs(ctx, eventsAfter, OPTIONS));
    const expected = calendarEvents(eventsAfter);
    expect(expected.some((e) => e.validity === 'draft')).toBe(true);
    let full = 0;
    for (const [i, e] of expected.entries()) {
      const alarms = events[i]!.alarms;
      expect(alarms.map((a) => a.trigger)).toEqual(reminderDays(e).map((d) => (d === 0 ? 'PT0S' : `-P${d}D`)));
      if (!hasReminders(e)) expect(alarms).toEqual([]);
      if (alarms.length === 3) full++;
      expect(alarms.every((a) => a.action === 'DISPLAY' && a.description.includes(e.date))).toBe(true);
    }
    expect(full).toBeGreaterThan(2);
    // v5.1 `warn` on 2026-11-01, set on 2026-07-22: all three reminders.
    expect(events.find((e) => e.uid === `${MOVED_EVENT_ID}@feeds.example.test`)!.alarms.map((a) => a.trigger)).toEqual([
      '-P30D',
      '-P7D',
      'PT0S',
    ]);
  });

  it('gives a date announced 10 days ahead the 7-day and day-of reminders, and one announced on its day only the day-of one', () => {
    const at = (date: string) => ({ commit: 'f'.repeat(40), date, pr: 1 });
    const base = eventsAfter.find((e) => e.id === MOVED_EVENT_ID)!;
    const on = (announced: string) =>
      reminderDays({ ...base, date: '2026-11-01', announced: at('2026-01-01'), source: at(announced) });
    expect(on('2026-10-22')).toEqual([7, 0]);
    expect(on('2026-10-25')).toEqual([7, 0]);
    expect(on('2026-10-26')).toEqual([0]);
    expect(on('2026-10-02')).toEqual([30, 7, 0]);
    expect(on('2026-10-03')).toEqual([7, 0]);
    expect(on('2026-11-01')).toEqual([0]);
    expect(on('2026-11-02')).toEqual([]);
  });

  it('declares METHOD:PUBLISH, CALSCALE:GREGORIAN and a refresh interval, and escapes its own name and description', () => {
    const ctx = feedContext(after);
    const text = calendarIcs(ctx, eventsAfter, {
      ...OPTIONS,
      title: 'Scopes, standards; and \\ more',
      description: 'Transitions, with reminders; daily',
    });
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n(?:.*\r\n)*?CALSCALE:GREGORIAN\r\n/);
    for (const line of ['METHOD:PUBLISH', 'REFRESH-INTERVAL;VALUE=DURATION:P1D', 'X-PUBLISHED-TTL:P1D'])
      expect(text).toContain(`\r\n${line}\r\n`);
    expect(text).toContain('\r\nX-WR-CALDESC:Transitions\\, with reminders\\; daily\r\n');
    const cal = new ICAL.Component(ICAL.parse(text));
    expect(cal.getFirstPropertyValue('x-wr-caldesc')).toBe('Transitions, with reminders; daily');
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('Scopes, standards; and \\ more');
    expect(cal.getFirstPropertyValue('name')).toBe('Scopes, standards; and \\ more');
    expect(cal.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(rfc5545Problems(text)).toEqual([]);
  });

  it('says what the transition means for a provider and which pull request announced it', () => {
    const ctx = feedContext(after);
    const { events } = parseCalendar(calendarIcs(ctx, eventsAfter, OPTIONS));
    const warn = events.find((e) => e.uid === `${MOVED_EVENT_ID}@feeds.example.test`)!;
    expect(warn.summary).toBe('IaaS v5.1 enters its warn period');
    expect(warn.description).toContain(
      'From 2026-11-01: IaaS v5.1 is still certifiable, but users are warned that it will be deprecated; plan the move to next.',
    );
    expect(warn.description).toContain('pull request #9999');
    expect(warn.description).toContain('https://github.com/SovereignCloudStack/standards/pull/9999');
    expect(warn.description).toContain('moved once since it was first announced on 2026-07-20');
    const v4warn = parseCalendar(calendarIcs(ctx, eventsAfter, OPTIONS)).events.find(
      (e) => e.uid === 'scope/iaas/v4/warn@feeds.example.test',
    )!;
    expect(v4warn.start).toBe('2025-02-01');
    expect(v4warn.sequence).toBe(1);
    expect(v4warn.description).toContain('#859');
    expect(v4warn.description).toContain('plan the move to v5.1');
  });

  it('is RFC 5545 text: CRLF, lines folded at 75 octets, nothing else', () => {
    const ctx = feedContext(after);
    for (const events of [
      eventsAfter,
      scopeEvents(eventsAfter, 'iaas'),
      scopeEvents(eventsAfter, 'kaas'),
      documentEvents(eventsAfter),
    ]) {
      expect(rfc5545Problems(calendarIcs(ctx, events, OPTIONS))).toEqual([]);
    }
  });

  it('escapes commas, semicolons, backslashes and newlines, and a CRLF in a title creates no property or event', () => {
    const ctx = feedContext(after);
    const text = calendarIcs(ctx, eventsAfter, OPTIONS);
    const { events } = parseCalendar(text);
    expect(text.match(/^BEGIN:VEVENT$/gm)?.length).toBe(
      calendarEvents(eventsAfter).length + withdrawnTransitions(eventsAfter).length,
    );
    expect(text).not.toMatch(/^(ATTENDEE|UID:evil)/m);
    for (const e of events) expect(e.propertyNames).not.toContain('attendee');
    expect(events.filter((e) => e.uid.startsWith('evil'))).toEqual([]);
    // A pull request is named by number and address, not by its (here hostile) title.
    const next = events.find((e) => e.uid === `${UNMOVED_EVENT_ID}@feeds.example.test`)!;
    expect(next.description).toContain(
      'pull request #9998 (https://github.com/SovereignCloudStack/standards/pull/9998)',
    );
    expect(text).not.toContain('Announce next');
    const doc = events.find((e) => e.uid === `document/${HOSTILE_DOC_ID}/stable@feeds.example.test`)!;
    expect(doc.summary).toBe(
      `${HOSTILE_DOC_ID} (Evil; title, with newline BEGIN:VEVENT UID:evil@example.com END:VEVENT <img src=x onerror=alert(1)>) becomes Stable`,
    );
    expect(text).toContain('Evil\\; title\\, with newline');
    // Paragraphs of the description are escaped newlines, not line breaks.
    expect(next.description.split('\n\n')).toHaveLength(3);
  });

  it('keeps every UID when a date moves, and raises SEQUENCE only for the moved event', () => {
    const ctx = feedContext(before);
    const one = parseCalendar(calendarIcs(ctx, eventsBefore, OPTIONS)).events;
    const two = parseCalendar(calendarIcs(feedContext(after), eventsAfter, OPTIONS)).events;
    expect(two.map((e) => e.uid).sort()).toEqual(one.map((e) => e.uid).sort());
    const byUid = new Map(one.map((e) => [e.uid, e]));
    const changed = two.filter((e) => {
      const old = byUid.get(e.uid)!;
      return old.start !== e.start || old.sequence !== e.sequence || old.lastModified !== e.lastModified;
    });
    expect(changed.map((e) => e.uid)).toEqual([`${MOVED_EVENT_ID}@feeds.example.test`]);
    const [moved] = changed;
    const old = byUid.get(moved!.uid)!;
    expect([old.start, moved!.start]).toEqual(['2026-10-01', '2026-11-01']);
    expect(moved!.sequence).toBe(old.sequence + 1);
    expect([old.lastModified, moved!.lastModified]).toEqual(['2026-07-20T00:00:00Z', '2026-07-22T00:00:00Z']);
  });
});

describe('the default data', () => {
  it('has no reminder that fires before the day its date was set (LAST-MODIFIED), in any calendar', async () => {
    const dataset = await readDataset(DATA_DIR);
    const events = deriveEvents(dataset);
    const ctx = feedContext(dataset);
    let alarms = 0;
    for (const subset of [events, scopeEvents(events, 'iaas'), scopeEvents(events, 'kaas'), documentEvents(events)]) {
      for (const e of parseCalendar(calendarIcs(ctx, subset, OPTIONS)).events) {
        const setOn = e.lastModified.slice(0, 10);
        for (const a of e.alarms) {
          alarms++;
          const days = /^-P(\d+)D$/.exec(a.trigger)?.[1] ?? (a.trigger === 'PT0S' ? '0' : null);
          expect(days, a.trigger).not.toBeNull();
          const fires = new Date(Date.parse(`${e.start}T00:00:00Z`) - Number(days) * 86_400_000)
            .toISOString()
            .slice(0, 10);
          expect(
            fires >= setOn,
            `${e.uid}: reminder ${a.trigger} fires on ${fires}, the date was set on ${setOn}`,
          ).toBe(true);
        }
      }
    }
    expect(alarms).toBeGreaterThan(10);
  });
});

describe('a withdrawn date', () => {
  it('comes back CANCELLED under the same UID with a higher SEQUENCE, without reminders', async () => {
    const dataset = await withdrawnDataset();
    const events = deriveEvents(dataset);
    expect(events.some((e) => e.id === MOVED_EVENT_ID)).toBe(false);
    const text = calendarIcs(feedContext(dataset), events, OPTIONS);
    expect(rfc5545Problems(text)).toEqual([]);
    const parsed = parseCalendar(text).events;
    const uid = `${MOVED_EVENT_ID}@feeds.example.test`;
    const withdrawn = parsed.filter((e) => e.uid === uid);
    expect(withdrawn).toHaveLength(1);
    expect(withdrawn[0]).toMatchObject({
      status: 'CANCELLED',
      start: '2026-11-01',
      sequence: 2,
      lastModified: '2026-07-23T00:00:00Z',
      alarms: [],
    });
    expect(withdrawn[0]!.summary).toBe('Withdrawn: IaaS v5.1 enters its warn period');
    expect(withdrawn[0]!.description).toContain(
      'The date 2026-11-01 is withdrawn: it is no longer announced that IaaS v5.1 enters its warn period then',
    );
    const moved = parseCalendar(calendarIcs(feedContext(after), eventsAfter, OPTIONS)).events.find(
      (e) => e.uid === uid,
    )!;
    expect(withdrawn[0]!.sequence).toBeGreaterThan(moved.sequence);
    // Every other event is as it was, and none is cancelled.
    const before = parseCalendar(calendarIcs(feedContext(after), eventsAfter, OPTIONS))
      .events.filter((e) => e.status === 'CANCELLED')
      .map((e) => e.uid);
    expect(
      parsed
        .filter((e) => e.status === 'CANCELLED')
        .map((e) => e.uid)
        .sort(),
    ).toEqual([...before, uid].sort());
    expect(new Set(parsed.map((e) => e.uid)).size).toBe(parsed.length);
  });
});

describe('all-day dates under any time zone of the build machine', () => {
  const probe = resolve(import.meta.dirname, '../../support/tz-probe.ts');
  const node = resolve(import.meta.dirname, '../../../node_modules/.bin/node');
  const run = (tz: string) =>
    execFileSync(node, [probe], { env: { ...process.env, TZ: tz }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

  it('gives byte-identical calendars and feeds in UTC, Pacific/Kiritimati (+14) and America/Los_Angeles (-8/-7)', () => {
    const utc = run('UTC');
    const kiritimati = run('Pacific/Kiritimati');
    const losAngeles = run('America/Los_Angeles');
    const out = JSON.parse(kiritimati) as { tz: string; offset: number; ics: string; rss: string };
    expect(out.offset).toBe(-840);
    expect(JSON.parse(losAngeles).offset).toBeGreaterThan(0);
    const strip = (s: string) => {
      const { tz: _tz, offset: _offset, ...rest } = JSON.parse(s);
      return rest;
    };
    expect(strip(kiritimati)).toEqual(strip(utc));
    expect(strip(losAngeles)).toEqual(strip(utc));
    const starts = parseCalendar(out.ics)
      .events.filter((e) => e.status !== 'CANCELLED')
      .map((e) => e.start);
    expect(starts).toEqual(calendarEvents(eventsAfter).map((e) => e.date));
    expect(out.ics).toContain('DTSTART;VALUE=DATE:20250201\r\n');
  });
});
