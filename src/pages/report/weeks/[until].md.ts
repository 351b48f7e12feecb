/** The slides of one call week's report (report/weeks.ts), as /report.md gives the default week's. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { reportMarkdown } from '../../../domain/report/report-markdown.ts';
import { periodReport, siteWeeks } from '../../../site/report.ts';

export const getStaticPaths = (async () =>
  (await siteWeeks()).map((week) => ({ params: { until: week.until } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const week = (await siteWeeks()).find((w) => w.until === params.until);
  if (!week) return new Response(`no call week ends on ${params.until}`, { status: 404 });
  return new Response(reportMarkdown(await periodReport(week)), {
    headers: { 'Content-Type': 'text/markdown; charset=utf-8' },
  });
};
