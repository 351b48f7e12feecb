/** The call report the site publishes: the default period before the build day. */
import { buildReport, defaultPeriod, type Report } from '../domain/report.ts';
import { buildDay, siteData } from './data.ts';

export async function siteReport(): Promise<Report> {
  const { dataset } = await siteData();
  return buildReport(dataset, defaultPeriod(buildDay(), dataset.meta));
}
