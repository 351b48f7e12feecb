/** The call report of the default period as slide Markdown, ready to paste into the deck. */
import type { APIRoute } from 'astro';
import { reportMarkdown } from '../domain/report/report-markdown.ts';
import { siteReport } from '../site/report.ts';

export const GET: APIRoute = async () =>
  new Response(reportMarkdown(await siteReport()), { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
