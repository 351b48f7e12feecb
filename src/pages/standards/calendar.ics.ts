import type { APIRoute } from 'astro';
import { calendarIcs } from '../../domain/feeds/ical.ts';
import { documentEvents } from '../../domain/feeds/rss.ts';
import { feedContext, ICS_HEADERS, STANDARDS_CALENDAR } from '../../site/feeds.ts';

export const GET: APIRoute = async ({ site }) => {
  const { ctx, events } = await feedContext(site);
  return new Response(calendarIcs(ctx, documentEvents(events), STANDARDS_CALENDAR), { headers: ICS_HEADERS });
};
