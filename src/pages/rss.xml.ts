import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { rssFeed } from '../domain/feeds/rss.ts';
import { ALL_RSS, feedContext } from '../site/feeds.ts';

export const GET: APIRoute = async ({ site }) => {
  const { ctx, events } = await feedContext(site);
  return rss(rssFeed(ctx, events, ALL_RSS));
};
