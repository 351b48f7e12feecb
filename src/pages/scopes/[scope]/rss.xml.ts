import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { rssFeed, scopeEvents } from '../../../domain/feeds/rss.ts';
import type { Scope } from '../../../domain/schemas/data.ts';
import { feedContext, scopePaths, scopeRss } from '../../../site/feeds.ts';

export const getStaticPaths = scopePaths;

export const GET: APIRoute<{ scope: Scope }> = async ({ site, props }) => {
  const { ctx, events } = await feedContext(site);
  return rss(rssFeed(ctx, scopeEvents(events, props.scope.id), scopeRss(props.scope)));
};
