/**
 * `scs-timeline versions --scope <s> [--on <day>]`: every version of a scope as the scope
 * model joins it (scs-0003-v1's YAML with the scope documents of track `Scopes`): its
 * validity on the day, its document and that document's state, its stabilization day and the
 * standards it includes, each with the source that gave it, and where the sources disagree.
 */
import type { Day } from '../domain/days/day.ts';
import { documentStateOn } from '../domain/documents/document-state.ts';
import { versionPeriodOn } from '../domain/scope-model/version-periods.ts';
import type { Dataset } from '../domain/schemas/data.ts';
import { allVersionNames } from '../domain/scopes/scopes.ts';
import { requireScope, type Answer } from './commands.ts';

export function versionsCommand(dataset: Dataset, opts: { scope?: string; on: Day }): Answer {
  const scope = requireScope(dataset, opts.scope);
  const names = allVersionNames(scope);
  for (const f of scope.facts) if (!names.includes(f.name)) names.push(f.name);
  const documents = new Map(dataset.documents.map((d) => [d.id, d]));
  const rows = names.map((name) => {
    const f = scope.facts.find((x) => x.name === name) ?? null;
    const period = versionPeriodOn(scope, name, opts.on);
    const doc = f?.document ? documents.get(f.document) : undefined;
    return {
      version: name,
      validity: period.validity,
      since: period.from,
      periodsFrom: f?.periodsFrom ?? 'timeline',
      document: f?.document ?? null,
      documentState: doc ? documentStateOn(doc, opts.on).state : null,
      mappedBy: f?.mappedBy ?? null,
      stabilizedAt: f?.stabilizedAt ?? null,
      stabilizedFrom: f?.stabilizedFrom ?? null,
      standards: f?.standards ?? [],
      standardsFrom: f?.standardsFrom ?? null,
      disagreements: f?.disagreements ?? [],
    };
  });
  const width = Math.max(...rows.map((r) => r.version.length), 7);
  const indent = ' '.repeat(width + 4);
  return {
    json: { scope: scope.id, name: scope.name, day: opts.on, versions: rows },
    text: [
      `${scope.name} on ${opts.on} (as known now): ${rows.length} versions, their documents, stabilization days and included standards`,
      ...rows.flatMap((r) => [
        `  ${r.version.padEnd(width)}  ${r.validity.padEnd(10)}  ${r.document ? `${r.document} (${r.documentState ?? 'no state'})` : 'no scope document'}; ${r.stabilizedAt ? `stabilized ${r.stabilizedAt} (${r.stabilizedFrom})` : 'not stabilized'}${r.periodsFrom === 'document' ? '; periods from its document' : ''}`,
        `${indent}${r.standards.length ? `includes (${r.standardsFrom}) ${r.standards.join(', ')}` : 'includes no standard'}`,
        ...r.disagreements.map(
          (d) =>
            `${indent}${d.fact}: ${d.scopeFile.file} ${d.scopeFile.key} = ${d.scopeFile.value}, but ${d.document.file} ${d.document.key} = ${d.document.value}`,
        ),
      ]),
    ],
  };
}
