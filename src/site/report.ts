/**
 * The call reports the site publishes: the default period before the build day, and one per
 * call week of the data (report/weeks.ts). Each report is built once per build, however many
 * pages (HTML, slides, the list) show it.
 */
import { buildReport, defaultPeriod, type Report } from '../domain/report/report.ts';
import { omittedWeeks, reportWeeks, type CallWeek } from '../domain/report/weeks.ts';
import type { Day } from '../domain/days/day.ts';
import { MAX_REPORT_WEEKS } from '../domain/parse/caps.ts';
import { buildDay, siteData } from './data.ts';

const reports = new Map<string, Promise<Report>>();

/** The report of a period, built once per build. */
export function periodReport(period: { since: Day; until: Day }): Promise<Report> {
  const key = `${period.since}..${period.until}`;
  let report = reports.get(key);
  if (!report) {
    report = siteData().then(({ dataset }) => buildReport(dataset, period));
    reports.set(key, report);
  }
  return report;
}

export async function siteReport(): Promise<Report> {
  const { dataset } = await siteData();
  return periodReport(defaultPeriod(buildDay(), dataset.meta));
}

let weeks: Promise<CallWeek[]> | null = null;

/** Every call week of the data, oldest first; worked out once per build, not once per week's page. */
export function siteWeeks(): Promise<CallWeek[]> {
  weeks ??= siteData().then(({ dataset }) => reportWeeks(dataset, MAX_REPORT_WEEKS));
  return weeks;
}

/** The older call weeks without a page (the cap, parse/caps.ts). */
export async function siteOmittedWeeks(): Promise<{ count: number; first: Day | null }> {
  const { dataset } = await siteData();
  return omittedWeeks(dataset, MAX_REPORT_WEEKS);
}

export const weekPath = (until: Day) => `/report/weeks/${until}/`;
export const weekSlidesPath = (until: Day) => `/report/weeks/${until}.md`;
