import type { APIRoute } from 'astro';
import { jsonText, eventsFile } from '../../../domain/feeds/api.ts';
import { feedContext, JSON_HEADERS } from '../../../site/feeds.ts';

export const GET: APIRoute = async ({ site }) => {
  const { ctx, events } = await feedContext(site);
  return new Response(jsonText(eventsFile(ctx, events)), { headers: JSON_HEADERS });
};
