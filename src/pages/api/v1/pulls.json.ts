import type { APIRoute } from 'astro';
import { jsonText, pullsFile } from '../../../domain/feeds/api.ts';
import { feedContext, JSON_HEADERS } from '../../../site/feeds.ts';

export const GET: APIRoute = async ({ site }) => {
  const { ctx } = await feedContext(site);
  return new Response(jsonText(pullsFile(ctx)), { headers: JSON_HEADERS });
};
