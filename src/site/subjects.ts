/**
 * The subjects and groups of this build: the compliance monitor's answer (data/subjects.json)
 * joined with the scopes on the build day, shared by the subject and group pages and the feeds.
 */
import { GROUP_PREFIX } from '../domain/subjects/schema.ts';
import { allStandings } from '../domain/subjects/subjects.ts';
import { buildDay, siteData, subjectsData } from './data.ts';

/** Every subject's and group's standing on the build day, most urgent first; null when the data has no subjects. */
export async function subjectsView() {
  const [file, { dataset }] = await Promise.all([subjectsData(), siteData()]);
  if (!file) return null;
  const day = buildDay();
  return { file, day, standings: allStandings(file, dataset.scopes, day) };
}

/** getStaticPaths of the per-subject pages and feeds (none without subjects). */
export async function subjectPaths() {
  const view = await subjectsView();
  if (!view) return [];
  return view.standings.flatMap((standing) =>
    standing.group ? [] : [{ params: { subject: standing.subject }, props: { standing, file: view.file } }],
  );
}

/** getStaticPaths of the group pages, `/subjects/group-<name>/`. */
export async function groupPaths() {
  const view = await subjectsView();
  if (!view) return [];
  return view.standings.flatMap((standing) =>
    standing.group
      ? [{ params: { group: standing.subject.slice(GROUP_PREFIX.length) }, props: { standing, file: view.file } }]
      : [],
  );
}

/** How to point a build at a monitor: said where there are no subjects. */
export const MONITOR_HOWTO = 'npm run sync -- --monitor https://compliance.sovereignit.cloud --monitor-only';
