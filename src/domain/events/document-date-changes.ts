/**
 * Corrections of a document's lifecycle dates (scs-0001-v1 front matter): a `stabilized_at`
 * or `deprecated_at` that a later commit changes is moved, from what to what and by which
 * pull request; one it removes is withdrawn. As for scope timelines, even a date already past
 * gets its correction, so the newest item about a transition gives the calendar's day.
 */
import { daysBetween } from '../days/day.ts';
import type { Document } from '../schemas/data.ts';
import { NO_DETAILS, type TimelineEvent } from '../schemas/event.ts';
import { movedTitle, withdrawnTitle } from './event-words.ts';

const FIELDS = [
  ['stabilizedAt', 'Stable'],
  ['deprecatedAt', 'Deprecated'],
] as const;

/** The moves and withdrawals of `doc`'s dates over its history, oldest first; `label` names it (`scs-0214-v2 (…)`). */
export function documentDateChanges(doc: Pick<Document, 'id' | 'history'>, label: string): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (const [field, state] of FIELDS) {
    const transition = `document/${doc.id}/${state.toLowerCase()}`;
    doc.history.forEach((h, i) => {
      const previous = i > 0 ? doc.history[i - 1]![field] : null;
      const now = h[field];
      if (previous === null || now === previous) return;
      const base = {
        ...NO_DETAILS,
        date: h.date,
        document: doc.id,
        state,
        previous,
        source: { commit: h.commit, date: h.date, pr: h.pr },
        transition,
      };
      const key = `${doc.id}/${state.toLowerCase()}/${h.commit.slice(0, 12)}`;
      if (now === null) {
        events.push({
          ...base,
          id: `withdrawn/${key}`,
          kind: 'withdrawn',
          title: withdrawnTitle(label, { state }, previous),
        });
      } else {
        events.push({
          ...base,
          id: `moved/${key}`,
          kind: 'moved',
          target: now,
          leadDays: daysBetween(h.date, now),
          title: movedTitle(label, { state }, now, previous),
        });
      }
    });
  }
  return events;
}
