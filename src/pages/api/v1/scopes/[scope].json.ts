import type { APIRoute } from 'astro';
import { jsonText, scopeFile } from '../../../../domain/feeds/api.ts';
import type { Scope } from '../../../../domain/schemas/data.ts';
import { feedContext, JSON_HEADERS, scopePaths } from '../../../../site/feeds.ts';

export const getStaticPaths = scopePaths;

export const GET: APIRoute<{ scope: Scope }> = async ({ site, props }) => {
  const { ctx } = await feedContext(site);
  return new Response(jsonText(scopeFile(ctx, props.scope)), { headers: JSON_HEADERS });
};
