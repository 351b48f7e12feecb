/**
 * The CLI's answers, as pure functions of the dataset: each returns the value printed
 * with `--json` and the lines printed as text.
 */
import { addDays, DAY_RANGE, inDayRange, isDay, type Day } from '../domain/days/day.ts';
import { documentAsOf } from '../domain/dataset/dataset-as-of.ts';
import { documentStateOn } from '../domain/documents/document-state.ts';
import { deriveEvents, upcoming } from '../domain/events/events.ts';
import { buildReport, defaultPeriod } from '../domain/report/report.ts';
import { reportMarkdown } from '../domain/report/report-markdown.ts';
import { checkScopes } from '../domain/rules/check.ts';
import { findScope, timelineKnownOn } from '../domain/scopes/scopes.ts';
import type { Dataset, Scope } from '../domain/schemas/data.ts';
import type { TimelineEntry } from '../domain/schemas/scope-file.ts';
import { entryOn, periodsOf, validitiesOn, versionNames } from '../domain/scopes/validity.ts';

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
  if (!isDay(value))
    throw new UsageError(
      `${option} ${JSON.stringify(value)} is not a calendar day; expected YYYY-MM-DD, e.g. 2025-02-01`,
    );
  if (!inDayRange(value)) throw new UsageError(`${option} ${value} is out of range; expected ${DAY_RANGE}`);
  return value;
}

export function requireScope(dataset: Dataset, key: string | undefined): Scope {
  const accepted = dataset.scopes.map((s) => s.id).join(', ');
  if (!key) throw new UsageError(`--scope is required; expected one of ${accepted} (or a scope's uuid or name)`);
  const scope = findScope(dataset.scopes, key);
  if (!scope)
    throw new UsageError(
      `unknown scope ${JSON.stringify(key)}; expected one of ${accepted} (or a scope's uuid or name)`,
    );
  return scope;
}

/**
 * The timeline as it stood on `asOf` (null: current), with the entries upstream pruned put
 * back: scs-0003-v1 lets old content be removed from the file, which does not make what held
 * then untrue (after #932 the IaaS file no longer says v4 was effective in 2024). `versions`
 * are the scope's versions at that point; the commands add versions the timeline names.
 */
function timelineAsOf(
  scope: Scope,
  asOf: Day | null,
): { timeline: TimelineEntry[]; versions: string[]; label: string } {
  const { timeline, revision: r } = timelineKnownOn(scope, asOf);
  if (asOf === null) return { timeline, versions: scope.versions.map((v) => v.name), label: 'current timeline' };
  if (r === null)
    throw new UsageError(
      `${scope.name} had no timeline yet on ${asOf}; --as-of accepts a day from ${scope.revisions[0]?.date ?? 'never'} on`,
    );
  return {
    timeline,
    versions: r.versions.map((v) => v.name),
    label: `timeline as of ${asOf} (${r.commit.slice(0, 7)}, ${r.date}${r.pr ? `, #${r.pr}` : ''})`,
  };
}

const pad = (s: string, n: number) => s.padEnd(n);

export function validityCommand(dataset: Dataset, opts: { scope?: string; on: Day; asOf?: Day }): Answer {
  const scope = requireScope(dataset, opts.scope);
  const { timeline, versions, label } = timelineAsOf(scope, opts.asOf ?? null);
  // The scope's versions, and any other the entry of that day lists (v2 on 2023-06-01).
  const entry = entryOn(timeline, opts.on);
  const rows = validitiesOn(
    timeline,
    versionNames(
      versions.map((name) => ({ name })),
      entry ? [entry] : [],
    ),
    opts.on,
  );
  const width = Math.max(...rows.map((r) => r.version.length), 7);
  return {
    json: rows,
    text: [`${scope.name} on ${opts.on} (${label})`, ...rows.map((r) => `  ${pad(r.version, width)}  ${r.validity}`)],
  };
}

export function periodsCommand(dataset: Dataset, opts: { scope?: string; asOf?: Day }): Answer {
  const scope = requireScope(dataset, opts.scope);
  const { timeline, versions: listed, label } = timelineAsOf(scope, opts.asOf ?? null);
  const versions = versionNames(
    listed.map((name) => ({ name })),
    timeline,
  );
  const rows = versions.flatMap((version) =>
    periodsOf(timeline, version).map((p) => ({ version, validity: p.validity, from: p.from, to: p.to })),
  );
  const width = Math.max(...rows.map((r) => r.version.length), 7);
  return {
    json: rows,
    text: [
      `${scope.name}: periods (${label}; "to" is exclusive)`,
      ...rows.map(
        (r) => `  ${pad(r.version, width)}  ${pad(r.validity, 10)}  ${r.from ?? '…'.padEnd(10)} → ${r.to ?? '…'}`,
      ),
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
      ...(events.length
        ? events.map(
            (e) =>
              `  ${e.date}  ${e.title.replace(/ (?:on|from) \d{4}-\d{2}-\d{2}$/, '')}${e.source?.pr ? ` (#${e.source.pr})` : ''}`,
          )
        : ['  none']),
    ],
  };
}

/**
 * The documents and their states (scs-0001-v1) on `on`: by default as known on that day (the
 * front matter as it stood on `main`; a document added later is not listed), with `knownNow`
 * by today's front matter, which may date a state back before it was written down.
 */
export function standardsCommand(dataset: Dataset, opts: { on: Day; track?: string; knownNow?: boolean }): Answer {
  const tracks = [...new Set(dataset.documents.map((d) => d.track).filter((t): t is string => t !== null))].sort();
  let docs = opts.knownNow ? dataset.documents : dataset.documents.flatMap((d) => documentAsOf(d, opts.on) ?? []);
  if (opts.track !== undefined) {
    const t = opts.track.toLowerCase();
    if (!tracks.some((x) => x.toLowerCase() === t))
      throw new UsageError(`unknown track ${JSON.stringify(opts.track)}; expected one of ${tracks.join(', ')}`);
    docs = docs.filter((d) => d.track?.toLowerCase() === t);
  }
  const rows = docs.map((d) => {
    const { state, next } = documentStateOn(d, opts.on);
    return { id: d.id, title: d.title, type: d.type, track: d.track, state, next };
  });
  return {
    json: rows,
    text: [
      `Standards on ${opts.on}${opts.track ? ` (track ${opts.track})` : ''}, ${opts.knownNow ? "as known now (today's front matter)" : "as known then (the front matter on main that day; --known-now for today's knowledge)"}: ${rows.length} documents`,
      ...rows.map(
        (r) =>
          `  ${pad(r.id, 12)} ${pad(r.state ?? '—', 10)} ${pad(r.next ? `${r.next.state} from ${r.next.on}` : '', 28)} ${pad(r.type, 16)} ${r.title}`,
      ),
    ],
  };
}

/**
 * The call report for `since`..`until` (both included). Without either, the 7 days before
 * today (or ending with the data, when it ends earlier); with only `since`, up to that same
 * day; with only `until`, the 7 days ending then.
 */
export function reportCommand(dataset: Dataset, opts: { today: Day; since?: Day; until?: Day }): Answer {
  const fallback = defaultPeriod(opts.today, dataset.meta);
  const until = opts.until ?? fallback.until;
  const since = opts.since ?? addDays(until, -6);
  if (since > until) {
    throw new UsageError(
      `--since ${since} is after the end of the period ${until}${opts.until === undefined ? ` (the day before today, or the data's end ${dataset.meta.pullsAsOf})` : ''}; expected --since <= --until`,
    );
  }
  const report = buildReport(dataset, { since, until });
  return { json: report, text: [reportMarkdown(report).trimEnd()] };
}

/**
 * Every revision of every scope file (or of one) checked against scs-0003-v1: violations
 * (R1–R5) and advisories, oldest first, each with its section, pull request and values.
 */
export function rulesCommand(dataset: Dataset, opts: { scope?: string }): Answer {
  const scopes = opts.scope === undefined ? dataset.scopes : [requireScope(dataset, opts.scope)];
  const findings = checkScopes(scopes);
  const violations = findings.filter((f) => f.severity === 'violation').length;
  return {
    json: findings,
    text: [
      `Rules of scs-0003-v1 on ${scopes.map((s) => s.name).join(', ')}: ${violations} violation${violations === 1 ? '' : 's'}, ${findings.length - violations} advisor${findings.length - violations === 1 ? 'y' : 'ies'}`,
      ...findings.map(
        (f) =>
          `  ${f.landed}  ${f.scope}  ${f.commit.slice(0, 7)}${f.pr ? ` #${f.pr}` : ''}  ${f.rule} ${f.severity} (${f.section}): ${f.message}`,
      ),
    ],
  };
}
