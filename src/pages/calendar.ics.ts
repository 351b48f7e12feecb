import type { APIRoute } from 'astro';
import { calendarIcs } from '../domain/feeds/ical.ts';
import { ALL_CALENDAR, feedContext, ICS_HEADERS } from '../site/feeds.ts';

export const GET: APIRoute = async ({ site }) => {
  const { ctx, events } = await feedContext(site);
  return new Response(calendarIcs(ctx, events, ALL_CALENDAR), { headers: ICS_HEADERS });
};
