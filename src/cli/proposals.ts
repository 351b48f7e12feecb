/**
 * `scs-timeline proposals [--on <day>] [--scope <s>]`: what the pull requests open on the day
 * propose (events/proposals.ts), marked proposed and apart from the announced timeline. The
 * day defaults to today, and is at most the data's end (past it no pull request is known).
 */
import { minDay, type Day } from '../domain/days/day.ts';
import { proposalSource, proposalsForScope, proposalsOn, proposalWords } from '../domain/events/proposals.ts';
import type { Dataset } from '../domain/schemas/data.ts';
import { requireScope, type Answer } from './commands.ts';

export function proposalsCommand(dataset: Dataset, opts: { scope?: string; on: Day }): Answer {
  const asOf = dataset.meta.pullsAsOf;
  const day = minDay(opts.on, asOf);
  const all = proposalsOn(dataset, day);
  const scope = opts.scope === undefined ? null : requireScope(dataset, opts.scope);
  const rows = scope ? proposalsForScope(all, scope) : all;
  const header = `Proposed, not announced: pull requests open on ${day}${scope ? ` for ${scope.name}` : ''}${opts.on > asOf ? ` (pull requests as of ${asOf}, the data's end)` : ''}:`;
  return {
    json: { day, pullsAsOf: asOf, scope: scope?.id ?? null, proposals: rows },
    text: [
      header,
      ...(rows.length
        ? rows.map((p) => `  #${p.pr} ${p.title} (${proposalSource(p)}): ${proposalWords(p)}`)
        : ['  none proposes a date']),
    ],
  };
}
