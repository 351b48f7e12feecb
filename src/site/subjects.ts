/**
 * The subjects of this build: the compliance monitor's answer (data/subjects.json) joined
 * with the scopes on the build day, shared by the subject pages and their feeds.
 */
import { subjectStandings } from '../domain/subjects/subjects.ts';
import { buildDay, siteData, subjectsData } from './data.ts';

/** Every subject's standing on the build day, most urgent first; null when the data has no subjects. */
export async function subjectsView() {
  const [file, { dataset }] = await Promise.all([subjectsData(), siteData()]);
  if (!file) return null;
  const day = buildDay();
  return { file, day, standings: subjectStandings(file, dataset.scopes, day) };
}

/** getStaticPaths of the per-subject pages and feeds (none without subjects). */
export async function subjectPaths() {
  const view = await subjectsView();
  if (!view) return [];
  return view.standings.map((standing) => ({ params: { subject: standing.subject }, props: { standing, file: view.file } }));
}

/** How to point a build at a monitor: said where there are no subjects. */
export const MONITOR_HOWTO = 'npm run sync -- --monitor https://compliance.sovereignit.cloud --monitor-only';
