/** The call report of the default period as JSON (the shape of `scs-timeline report --format json`). */
import type { APIRoute } from 'astro';
import { siteReport } from '../site/report.ts';

export const GET: APIRoute = async () =>
  new Response(`${JSON.stringify(await siteReport(), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
