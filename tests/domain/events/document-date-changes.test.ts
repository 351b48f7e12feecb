/** Moves and withdrawals of a document's lifecycle dates: in the events, the calendar and the feeds. */
import { describe, expect, it } from 'vitest';
import { documentDateChanges } from '../../../src/domain/events/document-date-changes.ts';
import { deriveEvents } from '../../../src/domain/events/events.ts';
import { calendarIcs } from '../../../src/domain/feeds/ical.ts';
import type { Dataset, DocumentChange } from '../../../src/domain/schemas/data.ts';
import { documentOf, sha } from '../../support/build-scope.ts';
import { feedContext } from '../../support/datasets.ts';
import { parseCalendar } from '../../support/ics.ts';
import { realData } from '../../support/real-data.ts';

const change = (date: string, pr: number, fields: Partial<DocumentChange>): DocumentChange => ({
  commit: sha(`${date}-${pr}`),
  date,
  pr,
  status: 'Draft',
  stabilizedAt: null,
  deprecatedAt: null,
  rejectedAt: null,
  ...fields,
});
// Added as a draft; #2 sets stabilized_at 2024-06-01; #3 moves it to 2024-05-15, after it passed;
// #4 sets deprecated_at 2026-01-01 and #5 takes it back.
const history = [
  change('2024-01-10', 1, {}),
  change('2024-03-01', 2, { status: 'Stable', stabilizedAt: '2024-06-01' }),
  change('2024-07-01', 3, { status: 'Stable', stabilizedAt: '2024-05-15' }),
  change('2025-03-01', 4, { status: 'Deprecated', stabilizedAt: '2024-05-15', deprecatedAt: '2026-01-01' }),
  change('2025-04-01', 5, { status: 'Stable', stabilizedAt: '2024-05-15' }),
];
const doc = documentOf({ id: 'scs-0599-v1', status: 'Stable', stabilizedAt: '2024-05-15', history });
const label = 'scs-0599-v1 (A standard)';

describe('documentDateChanges', () => {
  it('says from what to what, by which pull request, even for a date already past; and a date taken back', () => {
    const events = documentDateChanges(doc, label);
    expect(events.map((e) => [e.kind, e.date, e.previous, e.target, e.source?.pr, e.transition, e.title])).toEqual([
      [
        'moved',
        '2024-07-01',
        '2024-06-01',
        '2024-05-15',
        3,
        'document/scs-0599-v1/stable',
        'scs-0599-v1 (A standard) becomes Stable on 2024-05-15 instead of 2024-06-01',
      ],
      [
        'withdrawn',
        '2025-04-01',
        '2026-01-01',
        null,
        5,
        'document/scs-0599-v1/deprecated',
        'Withdrawn: scs-0599-v1 (A standard) becomes Deprecated on 2026-01-01',
      ],
    ]);
    expect(events[0]!.leadDays).toBe(-47);
    expect(new Set(events.map((e) => e.id)).size).toBe(2);
  });

  it('gives nothing for a date set once, or set for the first time', () => {
    expect(documentDateChanges({ id: doc.id, history: history.slice(0, 2) }, label)).toEqual([]);
    expect(documentDateChanges({ id: doc.id, history: [] }, label)).toEqual([]);
  });

  it('the snapshot has no document whose dates moved: its events are unchanged by this', async () => {
    const data = await realData();
    expect(data.documents.flatMap((d) => documentDateChanges(d, d.id))).toEqual([]);
  });
});

describe('in the events and the calendar', () => {
  const dataset = { scopes: [], documents: [doc] } as Pick<Dataset, 'scopes' | 'documents'>;

  it('deriveEvents lists the correction and the withdrawal beside the transition, the newest giving its day', () => {
    const events = deriveEvents(dataset);
    const stable = events.filter((e) => e.transition === 'document/scs-0599-v1/stable');
    expect(stable.map((e) => `${e.kind} ${e.kind === 'moved' ? e.target : e.date}`)).toEqual([
      'document 2024-05-15',
      'moved 2024-05-15',
    ]);
    expect(events.filter((e) => e.kind === 'withdrawn').map((e) => e.transition)).toEqual([
      'document/scs-0599-v1/deprecated',
    ]);
  });

  it('the calendar keeps the Stable day and marks the withdrawn Deprecated day CANCELLED', async () => {
    const data = await realData();
    const full: Dataset = { ...data, scopes: [], documents: [doc], pulls: [] };
    const events = parseCalendar(
      calendarIcs(feedContext(full), deriveEvents(full), { title: 't', description: 'd', path: 'calendar.ics' }),
    ).events;
    const byUid = (uid: string) => events.filter((e) => e.uid.startsWith(`${uid}@`));
    expect(byUid('document/scs-0599-v1/stable').map((e) => [e.start, e.status ?? null])).toEqual([
      ['2024-05-15', null],
    ]);
    expect(byUid('document/scs-0599-v1/deprecated').map((e) => [e.start, e.status])).toEqual([
      ['2026-01-01', 'CANCELLED'],
    ]);
  });
});
