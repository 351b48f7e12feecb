/**
 * What a feed tells, and in which order: the news among the events, and one background item
 * per commit that recorded dates already past when it landed (an initial import, the scope
 * documents of #1199), instead of one "new" item per past date.
 *
 * News is what a subscriber could act on or should correct: a date announced ahead (or at
 * most NEWS_HORIZON_DAYS after the fact), a date moved or withdrawn (always, even one in the
 * past: the feed said otherwise before), a new scope version or document, a document's
 * lifecycle date. A scope transition is told by its announcement, corrections and withdrawal,
 * so its `validity` event is never an item of its own; a transition that was only ever
 * imported is told by the background item of the commit that recorded it. So the newest item
 * about a transition always gives the date the calendar has.
 */
import { isBackdated } from '../events/events.ts';
import type { Day } from '../days/day.ts';
import type { Provenance } from '../schemas/data.ts';
import type { TimelineEvent } from '../schemas/event.ts';

export type FeedEntry =
  | { kind: 'event'; event: TimelineEvent; published: Day }
  /** The dates one commit recorded that were already past, and the documents it added with them. */
  | { kind: 'background'; id: string; published: Day; source: Provenance; events: TimelineEvent[] };

/** Is this a change to a transition's date (announced, moved, withdrawn)? */
function isDateChange(e: TimelineEvent): boolean {
  return e.kind === 'announced' || e.kind === 'moved' || e.kind === 'withdrawn';
}

/** The entries of a feed made of these events, newest first. */
export function feedEntries(events: readonly TimelineEvent[]): FeedEntry[] {
  const told = new Set(events.filter(isDateChange).map((e) => e.transition));
  const backgrounds = new Map<string, Extract<FeedEntry, { kind: 'background' }>>();
  const background = (at: Provenance, e: TimelineEvent) => {
    const found = backgrounds.get(at.commit) ?? {
      kind: 'background' as const,
      id: `background/${at.commit.slice(0, 7)}`,
      published: at.date,
      source: at,
      events: [],
    };
    found.events.push(e);
    backgrounds.set(at.commit, found);
  };
  const imported = new Set<string>();
  const entries: { entry: FeedEntry; order: number }[] = [];
  for (const [order, e] of events.entries()) {
    if (e.kind === 'validity') {
      if (!told.has(e.transition) && e.announced) background(e.announced, e);
    } else if (e.kind === 'document') {
      const at = e.announced ?? e.source;
      if (at && isBackdated(at.date, e.date)) {
        background(at, e);
        imported.add(`${e.document}@${at.commit}`);
      } else entries.push({ entry: { kind: 'event', event: e, published: at?.date ?? e.date }, order });
    } else entries.push({ entry: { kind: 'event', event: e, published: e.date }, order });
  }
  // A scope document whose lifecycle dates are one transition with its version's
  // (mergeScopeDocumentEvents) and were already past when the document came (#1199) brought
  // those dates as background: its commit's background item tells them as the document's.
  for (const e of events) {
    if (e.kind !== 'document-added' || !e.source || !e.document) continue;
    const at = e.source;
    for (const m of events) {
      if (m.kind !== 'validity' || m.document !== e.document || m.state === null || !isBackdated(at.date, m.date))
        continue;
      background(at, { ...m, kind: 'document', scope: null, version: null, validity: null });
      imported.add(`${e.document}@${at.commit}`);
    }
  }
  // A document that came with past dates is part of that background, not news of its own.
  const kept = entries.filter(({ entry }) => {
    if (entry.kind !== 'event' || entry.event.kind !== 'document-added' || !entry.event.source) return true;
    const key = `${entry.event.document}@${entry.event.source.commit}`;
    if (!imported.has(key)) return true;
    backgrounds.get(entry.event.source.commit)!.events.unshift(entry.event);
    return false;
  });
  const all = [...kept, ...[...backgrounds.values()].map((entry) => ({ entry, order: -1 }))];
  // Newest first; on one day, what was derived later (a withdrawal after a move) first.
  return all
    .sort((a, b) =>
      a.entry.published !== b.entry.published ? (a.entry.published < b.entry.published ? 1 : -1) : b.order - a.order,
    )
    .map(({ entry }) => entry);
}
