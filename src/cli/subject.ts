/**
 * `scs-timeline subject <name> [--on <day>]`: what one cloud must do, by when: the
 * compliance monitor's results in `data/subjects.json` joined with this tracker's timelines.
 */
import type { Day } from '../domain/days/day.ts';
import type { Dataset } from '../domain/schemas/data.ts';
import { monitorDetailUrl, type SubjectsFile } from '../domain/subjects/schema.ts';
import { CERTIFICATE_WORDS, findSubject, progressWords, standingLine, subjectStanding } from '../domain/subjects/subjects.ts';
import { UsageError, type Answer } from './commands.ts';

export function subjectCommand(dataset: Dataset, file: SubjectsFile, opts: { name: string | undefined; on: Day }): Answer {
  const known = file.subjects.map((s) => s.id).join(', ') || 'none';
  if (!opts.name) throw new UsageError(`subject needs a name: scs-timeline subject <name> [--on <day>]; the data has ${known}`);
  const subject = findSubject(file, opts.name);
  if (!subject) throw new UsageError(`unknown subject ${JSON.stringify(opts.name)}; the monitor ${file.monitor} reported ${known}`);
  const standing = subjectStanding(subject, dataset.scopes, opts.on);
  const checked = subject.scopes.flatMap((s) => s.results.map((r) => r.checkedAt.slice(0, 10))).sort().at(-1) ?? null;
  const scopes = standing.scopes.map((s) => ({
    ...s,
    words: { standing: standingLine(s), toward: progressWords(s) },
    monitorPage: monitorDetailUrl(file, subject.id, s.scopeUuid),
  }));
  const text = [
    `${subject.id}${standing.group ? ' (a group, as the monitor defines it)' : ''} on ${opts.on}: ${standing.urgency}`,
    `  from the compliance monitor ${file.monitor}; newest result checked on ${checked ?? 'never'}`,
    ...scopes.flatMap((s) => [`  ${s.short}: ${s.words.standing}`, ...(s.words.toward ? [`    toward: ${s.words.toward}`] : []), `    monitor: ${s.monitorPage}`]),
    `  ${CERTIFICATE_WORDS}`,
  ];
  return {
    json: {
      subject: subject.id,
      group: standing.group,
      day: opts.on,
      monitor: file.monitor,
      newestCheck: checked,
      urgency: standing.urgency,
      scopes,
      certificate: { expires: null, note: CERTIFICATE_WORDS },
    },
    text,
  };
}
