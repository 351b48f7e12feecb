import type { APIRoute } from 'astro';
import { calendarIcs } from '../../../domain/feeds/ical.ts';
import { scopeEvents } from '../../../domain/feeds/rss.ts';
import type { Scope } from '../../../domain/schemas/data.ts';
import { feedContext, ICS_HEADERS, scopeCalendar, scopePaths } from '../../../site/feeds.ts';

export const getStaticPaths = scopePaths;

export const GET: APIRoute<{ scope: Scope }> = async ({ site, props }) => {
  const { ctx, events } = await feedContext(site);
  return new Response(calendarIcs(ctx, scopeEvents(events, props.scope.id), scopeCalendar(props.scope)), {
    headers: ICS_HEADERS,
  });
};
