/** Data for the as-of island (not a public API: see /feeds/ for that). */
import type { APIRoute } from 'astro';
import { asOfData } from '../../site/as-of-data.ts';
import { siteData } from '../../site/data.ts';

export const GET: APIRoute = async () => {
  const { dataset } = await siteData();
  return new Response(JSON.stringify(asOfData(dataset)), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
