/**
 * The CLI's answers, as pure functions of the dataset: each returns the value printed
 * with `--json` and the lines printed as text.
 */
import { addDays, isDay, type Day } from '../domain/day.ts';
import { documentStateOn } from '../domain/document-state.ts';
import { deriveEvents, upcoming } from '../domain/events.ts';
import { buildReport, defaultPeriod } from '../domain/report.ts';
import { reportMarkdown } from '../domain/report-markdown.ts';
import { accumulatedTimelines, findScope, fullTimeline } from '../domain/scopes.ts';
import type { Dataset, Scope } from '../domain/schemas/data.ts';
import type { TimelineEntry } from '../domain/schemas/scope-file.ts';
import { entryOn, periodsOf, validitiesOn, versionNames } from '../domain/validity.ts';

/** A mistake on the command line: printed as one line, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface Answer {
  json: unknown;
  text: string[];
}

export function requireDay(value: string | undefined, option: string, fallback: Day): Day {
  if (value === undefined) return fallback;
  if (!isDay(value)) throw new UsageError(`${option} ${JSON.stringify(value)} is not a calendar day; expected YYYY-MM-DD, e.g. 2025-02-01`);
  return value;
}

export function requireScope(dataset: Dataset, key: string | undefined): Scope {
  const accepted = dataset.scopes.map((s) => s.id).join(', ');
  if (!key) throw new UsageError(`--scope is required; expected one of ${accepted} (or a scope's uuid or name)`);
  const scope = findScope(dataset.scopes, key);
  if (!scope) throw new UsageError(`unknown scope ${JSON.stringify(key)}; expected one of ${accepted} (or a scope's uuid or name)`);
  return scope;
}

/**
 * The timeline as it stood on `asOf` (null: current), with the entries upstream pruned put
 * back: scs-0003-v1 lets old content be removed from the file, which does not make what held
 * then untrue (after #932 the IaaS file no longer says v4 was effective in 2024). `versions`
 * are the scope's versions at that point; the commands add versions the timeline names.
 */
function timelineAsOf(scope: Scope, asOf: Day | null): { timeline: TimelineEntry[]; versions: string[]; label: string } {
  if (asOf === null) {
    return { timeline: fullTimeline(scope), versions: scope.versions.map((v) => v.name), label: 'current timeline' };
  }
  const found = accumulatedTimelines(scope).filter((a) => a.revision.date <= asOf).at(-1);
  if (found === undefined) throw new UsageError(`${scope.name} had no timeline yet on ${asOf}; --as-of accepts a day from ${scope.revisions[0]?.date ?? 'never'} on`);
  const r = found.revision;
  return { timeline: found.timeline, versions: r.versions.map((v) => v.name), label: `timeline as of ${asOf} (${r.commit.slice(0, 7)}, ${r.date}${r.pr ? `, #${r.pr}` : ''})` };
}

const pad = (s: string, n: number) => s.padEnd(n);

export function validityCommand(dataset: Dataset, opts: { scope?: string; on: Day; asOf?: Day }): Answer {
  const scope = requireScope(dataset, opts.scope);
  const { timeline, versions, label } = timelineAsOf(scope, opts.asOf ?? null);
  // The scope's versions, and any other the entry of that day lists (v2 on 2023-06-01).
  const entry = entryOn(timeline, opts.on);
  const rows = validitiesOn(timeline, versionNames(versions.map((name) => ({ name })), entry ? [entry] : []), opts.on);
  const width = Math.max(...rows.map((r) => r.version.length), 7);
  return {
    json: rows,
    text: [`${scope.name} on ${opts.on} (${label})`, ...rows.map((r) => `  ${pad(r.version, width)}  ${r.validity}`)],
  };
}

export function periodsCommand(dataset: Dataset, opts: { scope?: string; asOf?: Day }): Answer {
  const scope = requireScope(dataset, opts.scope);
  const { timeline, versions: listed, label } = timelineAsOf(scope, opts.asOf ?? null);
  const versions = versionNames(listed.map((name) => ({ name })), timeline);
  const rows = versions.flatMap((version) => periodsOf(timeline, version).map((p) => ({ version, validity: p.validity, from: p.from, to: p.to })));
  const width = Math.max(...rows.map((r) => r.version.length), 7);
  return {
    json: rows,
    text: [
      `${scope.name}: periods (${label}; "to" is exclusive)`,
      ...rows.map((r) => `  ${pad(r.version, width)}  ${pad(r.validity, 10)}  ${r.from ?? '…'.padEnd(10)} → ${r.to ?? '…'}`),
    ],
  };
}

export function upcomingCommand(dataset: Dataset, opts: { from: Day; days: number }): Answer {
  const events = upcoming(deriveEvents(dataset), opts.from, opts.days);
  const until = addDays(opts.from, opts.days);
  return {
    json: events,
    text: [
      `Transitions from ${opts.from} to ${until}:`,
      ...(events.length ? events.map((e) => `  ${e.date}  ${e.title.replace(/ (?:on|from) \d{4}-\d{2}-\d{2}$/, '')}${e.source?.pr ? ` (#${e.source.pr})` : ''}`) : ['  none']),
    ],
  };
}

export function standardsCommand(dataset: Dataset, opts: { on: Day; track?: string }): Answer {
  const tracks = [...new Set(dataset.documents.map((d) => d.track).filter((t): t is string => t !== null))].sort();
  let docs = dataset.documents;
  if (opts.track !== undefined) {
    const t = opts.track.toLowerCase();
    if (!tracks.some((x) => x.toLowerCase() === t)) throw new UsageError(`unknown track ${JSON.stringify(opts.track)}; expected one of ${tracks.join(', ')}`);
    docs = docs.filter((d) => d.track?.toLowerCase() === t);
  }
  const rows = docs.map((d) => {
    const { state, next } = documentStateOn(d, opts.on);
    return { id: d.id, title: d.title, type: d.type, track: d.track, state, next };
  });
  return {
    json: rows,
    text: [
      `Standards on ${opts.on}${opts.track ? ` (track ${opts.track})` : ''}: ${rows.length} documents`,
      ...rows.map((r) => `  ${pad(r.id, 12)} ${pad(r.state ?? '—', 10)} ${pad(r.next ? `${r.next.state} from ${r.next.on}` : '', 28)} ${pad(r.type, 16)} ${r.title}`),
    ],
  };
}

/**
 * The call report for `since`..`until` (both included). Without either, the 7 days before
 * today; with only `since`, up to the day before today; with only `until`, the 7 days ending then.
 */
export function reportCommand(dataset: Dataset, opts: { today: Day; since?: Day; until?: Day }): Answer {
  const fallback = defaultPeriod(opts.today);
  const until = opts.until ?? fallback.until;
  const since = opts.since ?? addDays(until, -6);
  if (since > until) {
    throw new UsageError(`--since ${since} is after the end of the period ${until}${opts.until === undefined ? ' (the day before today)' : ''}; expected --since <= --until`);
  }
  const report = buildReport(dataset, { since, until });
  return { json: report, text: [reportMarkdown(report).trimEnd()] };
}
