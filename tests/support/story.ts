/**
 * "One story": for every event of a calendar, the newest feed item about its transition gives
 * the calendar's day. Works on what independent readers saw (ical.js or khal for calendars,
 * fast-xml-parser or newsboat for feeds), not on the builders' own objects.
 */

export interface CalendarDay {
  /** UID without `@domain`: the transition id. */
  transition: string;
  day: string;
  cancelled: boolean;
}

export interface ReadItem {
  guid: string;
  title: string;
  /** Milliseconds since the epoch. */
  published: number;
  description: string;
}

/** The transition an item is about, from its guid (the event id), or null for a background item. */
function transitionOfGuid(guid: string): string | null {
  const id = guid.replace(/@[^@]*$/, '');
  const change = /^(announced|moved|cancelled)\/(.+)\/[0-9a-f]{7}$/.exec(id);
  if (change) return `scope/${change[2]}`;
  if (/^(scope|document)\//.test(id)) return id;
  return null;
}

const firstDay = (text: string) => /\d{4}-\d{2}-\d{2}/.exec(text)?.[0] ?? null;

/** Lines of background items that name a transition, with their day. */
function backgroundLines(item: ReadItem): { transition: string; day: string | null }[] {
  return [...item.description.matchAll(/<li data-transition="([^"]+)">([^<]*)<\/li>/g)].map((m) => ({
    transition: m[1]!.replace(/&#47;/g, '/'),
    day: firstDay(m[2]!),
  }));
}

/** Problems, one line each; empty when every calendar event's newest item agrees with it. */
export function storyProblems(calendar: readonly CalendarDay[], items: readonly ReadItem[]): string[] {
  const about = new Map<string, { published: number; day: string | null; withdrawal: boolean; title: string }[]>();
  const add = (t: string, x: { published: number; day: string | null; withdrawal: boolean; title: string }) =>
    about.set(t, [...(about.get(t) ?? []), x]);
  for (const item of items) {
    const t = transitionOfGuid(item.guid);
    if (t)
      add(t, {
        published: item.published,
        day: firstDay(item.title),
        withdrawal: item.title.startsWith('Withdrawn: '),
        title: item.title,
      });
    else
      for (const line of backgroundLines(item))
        add(line.transition, { published: item.published, day: line.day, withdrawal: false, title: item.title });
  }
  const problems: string[] = [];
  for (const event of calendar) {
    const told = about.get(event.transition) ?? [];
    if (told.length === 0) {
      problems.push(`${event.transition} (${event.day}): no feed item`);
      continue;
    }
    const newest = Math.max(...told.map((x) => x.published));
    for (const x of told.filter((y) => y.published === newest)) {
      if (x.day !== event.day)
        problems.push(
          `${event.transition}: the calendar says ${event.day}, the newest item "${x.title}" says ${x.day}`,
        );
      if (x.withdrawal !== event.cancelled)
        problems.push(
          `${event.transition}: the calendar event is ${event.cancelled ? '' : 'not '}cancelled, the newest item is "${x.title}"`,
        );
    }
  }
  return problems;
}
