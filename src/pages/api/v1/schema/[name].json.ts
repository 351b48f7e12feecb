import type { APIRoute } from 'astro';
import { apiJsonSchema, jsonText } from '../../../../domain/feeds/api.ts';
import { API_SCHEMAS, type ApiSchemaName } from '../../../../domain/schemas/api.ts';
import { feedContext, JSON_HEADERS } from '../../../../site/feeds.ts';

export function getStaticPaths() {
  return (Object.keys(API_SCHEMAS) as ApiSchemaName[]).map((name) => ({ params: { name }, props: { name } }));
}

export const GET: APIRoute<{ name: ApiSchemaName }> = async ({ site, props }) => {
  const { ctx } = await feedContext(site);
  return new Response(jsonText(apiJsonSchema(ctx, props.name)), {
    headers: { ...JSON_HEADERS, 'Content-Type': 'application/schema+json' },
  });
};
