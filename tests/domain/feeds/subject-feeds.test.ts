/**
 * A subject's calendar and RSS feed from the project's own builders, read back with
 * independent parsers (ical.js, fast-xml-parser), with hostile testcase ids from a monitor.
 */
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { deriveEvents } from '../../../src/domain/events/events.ts';
import { calendarIcs } from '../../../src/domain/feeds/ical.ts';
import {
  newestCheck,
  newestCheckOf,
  reliedOnEvents,
  retestEntries,
  subjectRss,
} from '../../../src/domain/feeds/subject-feeds.ts';
import type { Dataset } from '../../../src/domain/schemas/data.ts';
import type { TimelineEvent } from '../../../src/domain/schemas/event.ts';
import type { SubjectsFile } from '../../../src/domain/subjects/schema.ts';
import { subjectStanding } from '../../../src/domain/subjects/subjects.ts';
import { readDataset } from '../../../src/io/dataset.ts';
import { DATA_DIR, feedContext } from '../../support/datasets.ts';
import { parseCalendar, rfc5545Problems } from '../../support/ics.ts';

const HOSTILE = 'tc\r\nBEGIN:VEVENT\r\nUID:evil@example.com\r\nEND:VEVENT <script>alert(1)</script>';
const IAAS = '50393e6f-2ae1-4c5c-a62c-3b75f2abef3f';

function subjects(): SubjectsFile {
  const results = ['a', HOSTILE].map((testcase) => ({
    testcase,
    result: 1 as const,
    checkedAt: '2025-07-29T10:00:00',
    report: null,
  }));
  return {
    monitor: 'https://monitor.example.test/',
    groups: [],
    subjects: [
      {
        id: 'acme-old',
        scopes: [
          {
            uuid: IAAS,
            name: 'SCS-compatible IaaS',
            testcases: [
              { id: 'a', lifetime: null, description: null, url: null },
              { id: HOSTILE, lifetime: 'day', description: null, url: null },
            ],
            results,
            versions: [{ name: 'v4', targets: [{ name: 'main', testcases: ['a', HOSTILE] }] }],
          },
        ],
      },
    ],
  };
}

let dataset: Dataset;
let events: TimelineEvent[];
beforeAll(async () => {
  dataset = await readDataset(DATA_DIR);
  events = deriveEvents(dataset);
});

describe('subject calendar', () => {
  it('holds the re-test day and the warn and deprecated days of the version relied on; a hostile id stays text', () => {
    const ctx = feedContext(dataset);
    const file = subjects();
    // Checked Tuesday 2025-07-29; the `day` lifetime of the hostile testcase expires on 2025-07-31.
    const standing = subjectStanding(file.subjects[0]!, dataset.scopes, '2025-07-30');
    expect(standing.scopes[0]).toMatchObject({ expires: '2025-07-31', retestBy: '2025-07-30' });
    const ics = calendarIcs(
      ctx,
      reliedOnEvents(events, standing),
      { title: 'acme-old', description: 'd', path: 'subjects/acme-old/calendar.ics' },
      retestEntries(ctx, file, standing),
    );
    expect(rfc5545Problems(ics)).toEqual([]);
    const cal = parseCalendar(ics);
    expect(cal.events.map((e) => e.uid).sort()).toEqual([
      'scope/iaas/v4/deprecated@feeds.example.test',
      'scope/iaas/v4/warn@feeds.example.test',
      'subject/acme-old/iaas/retest@feeds.example.test',
    ]);
    const retest = cal.events.find((e) => e.uid.startsWith('subject/'))!;
    expect(retest).toMatchObject({
      start: '2025-07-30',
      startIsDate: true,
      summary: 'acme-old: re-test IaaS by 2025-07-30',
      url: 'https://feeds.example.test/timeline/subjects/acme-old/',
    });
    expect(retest.description).toContain('BEGIN:VEVENT');
    expect(retest.stamp).toBe('2025-07-29T00:00:00Z');
    expect(retest.alarms.map((a) => a.trigger)).toEqual(['-P7D', '-P1D']);
  });

  it('has no re-test day when no result is live', () => {
    const ctx = feedContext(dataset);
    const file = subjects();
    const standing = subjectStanding(file.subjects[0]!, dataset.scopes, '2025-08-11');
    expect(retestEntries(ctx, file, standing)).toEqual([]);
  });
});

describe('subject RSS', () => {
  it('says the standing per scope with the hostile id escaped, then the news of the version relied on', () => {
    const ctx = feedContext(dataset);
    const file = subjects();
    const standing = subjectStanding(file.subjects[0]!, dataset.scopes, '2025-07-30');
    const feed = subjectRss(ctx, events, file, standing, {
      title: 't',
      description: 'd',
      path: 'subjects/acme-old/rss.xml',
      home: 'subjects/acme-old/',
    });
    const first = feed.items[0]!;
    expect(first.title).toBe('acme-old, IaaS: overdue');
    expect(first.description).not.toContain('<script>');
    expect(first.description).toContain('v4 deprecated since 2025-07-01, so overdue');
    expect(feed.items.slice(1).every((i) => /IaaS|v4/.test(String(i.title)))).toBe(true);
    expect(feed.items.length).toBeGreaterThan(1);
    // The guid parses as XML text.
    const guid = new XMLParser().parse(`<x>${first.customData}</x>`).x.guid;
    expect(String(guid)).toMatch(/^subject\/acme-old\/iaas\/v4\/pass\/2025-07-31\/overdue@feeds\.example\.test$/);
  });
});

describe('newest check', () => {
  function twoSubjects(): SubjectsFile {
    const file = subjects();
    const other = structuredClone(file.subjects[0]!);
    other.id = 'acme-new';
    other.scopes[0]!.results = other.scopes[0]!.results.map((r) => ({ ...r, checkedAt: '2025-07-30T23:59:59' }));
    return { ...file, subjects: [...file.subjects, other] };
  }

  it('is the day of a subject’s newest result, null for a subject without results', () => {
    expect(newestCheck(twoSubjects(), 'acme-old')).toBe('2025-07-29');
    expect(newestCheck(twoSubjects(), 'acme-new')).toBe('2025-07-30');
    expect(newestCheck(twoSubjects(), 'nobody')).toBeNull();
  });

  it('of a group is the newest of its members’, skipping members without results', () => {
    expect(newestCheckOf(twoSubjects(), ['acme-old', 'acme-new', 'nobody'])).toBe('2025-07-30');
    expect(newestCheckOf(twoSubjects(), ['acme-old'])).toBe('2025-07-29');
    expect(newestCheckOf(twoSubjects(), ['nobody'])).toBeNull();
    expect(newestCheckOf(twoSubjects(), [])).toBeNull();
  });
});
