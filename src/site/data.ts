/**
 * The one module pages read data through: the content collections as one Dataset, the
 * derived events, and "today" (SCS_TODAY, else the build date) so every page is
 * reproducible.
 */
import { getCollection } from 'astro:content';
import { isDay, todayOf, utcDayOf, type Day } from '../domain/days/day.ts';
import { deriveEvents } from '../domain/events/events.ts';
import type { Dataset } from '../domain/schemas/data.ts';
import type { TimelineEvent } from '../domain/schemas/event.ts';
import type { SubjectsFile } from '../domain/subjects/schema.ts';

let cached: Promise<{ dataset: Dataset; events: TimelineEvent[] }> | null = null;

async function load() {
  const [meta, scopes, documents, pulls] = await Promise.all([
    getCollection('meta'),
    getCollection('scopes'),
    getCollection('documents'),
    getCollection('pulls'),
  ]);
  const first = meta[0];
  if (!first) throw new Error('data/meta.json is missing: run npm run sync');
  const dataset: Dataset = {
    meta: first.data,
    scopes: scopes.map((e) => e.data).sort((a, b) => (a.id < b.id ? -1 : 1)),
    documents: documents.map((e) => e.data).sort((a, b) => (a.id < b.id ? -1 : 1)),
    pulls: pulls.map((e) => e.data).sort((a, b) => a.number - b.number),
  };
  return { dataset, events: deriveEvents(dataset) };
}

/** The compliance monitor's subjects (`data/subjects.json`), or null when the data has none. */
export async function subjectsData(): Promise<SubjectsFile | null> {
  const [entry] = await getCollection('subjects');
  return entry ? entry.data : null;
}

/** Dataset and events, loaded once per build. */
export function siteData() {
  cached ??= load();
  return cached;
}

/** The day pages are rendered for: SCS_TODAY, else the build's UTC date. */
export function buildDay(): Day {
  return todayOf(process.env.SCS_TODAY, new Date());
}

/**
 * When the data was last checked against upstream: `SCS_LAST_CHECKED` (the day, or the time
 * of the last successful sync, as the deploy workflow hands it over; its UTC day counts),
 * else unknown. It is not part of `data/`: a check that finds nothing new changes no file.
 */
export function lastCheckedDay(): Day | null {
  const env = process.env.SCS_LAST_CHECKED;
  if (!env) return null;
  if (isDay(env)) return env;
  const t = Date.parse(env);
  if (!/^\d{4}-\d\d-\d\dT/.test(env) || Number.isNaN(t)) {
    throw new Error(
      `SCS_LAST_CHECKED=${JSON.stringify(env)} is neither a calendar day (YYYY-MM-DD) nor a time (2026-12-01T06:17:00Z)`,
    );
  }
  return utcDayOf(new Date(t));
}
