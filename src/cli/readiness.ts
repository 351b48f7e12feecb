/**
 * `scs-timeline readiness --scope <s> [--on <day>] [--version <v>]`: how close each draft
 * version of a scope is (or the one named), as the data stood on the day: its standards and
 * their state, which are not yet Stable, and the open pull requests that would change that.
 */
import type { Day } from '../domain/days/day.ts';
import { readinessOf, scopeDraftReadiness, type Readiness } from '../domain/report/readiness.ts';
import type { Dataset } from '../domain/schemas/data.ts';
import { requireScope, UsageError, type Answer } from './commands.ts';

export function readinessCommand(dataset: Dataset, opts: { scope?: string; on: Day; version?: string }): Answer {
  const scope = requireScope(dataset, opts.scope);
  const one = (name: string): Readiness => {
    const r = readinessOf(dataset, scope.id, name, opts.on);
    if (!r)
      throw new UsageError(
        `${scope.name} had no version ${JSON.stringify(name)} on ${opts.on}; expected one of ${[...new Set([...scope.versions.map((v) => v.name), ...scope.facts.map((f) => f.name)])].join(', ')}`,
      );
    return r;
  };
  const rows = opts.version === undefined ? scopeDraftReadiness(dataset, scope.id, opts.on) : [one(opts.version)];
  const asOf = dataset.meta.pullsAsOf;
  const header = `${scope.name} on ${opts.on}, as the data stood then${opts.on > asOf ? ` (pull requests as of ${asOf}, the data's end)` : ''}:`;
  const lines = (r: Readiness) => [
    `  ${r.words}`,
    ...r.standards.map(
      (s) =>
        `    ${s.id.padEnd(22)} ${s.external ? 'external test' : (s.state ?? 'missing')}${s.pulls.map((p) => `  #${p.number} (${p.kind}${p.daysOpen !== null ? `, open ${p.daysOpen} d` : ''})`).join('')}`,
    ),
  ];
  return {
    json: { scope: scope.id, day: opts.on, pullsAsOf: asOf, versions: rows },
    text: [
      header,
      ...(rows.length
        ? rows.flatMap(lines)
        : [`  no draft version on ${opts.on}; --version <v> asks about any version`]),
    ],
  };
}
