/**
 * `scs-timeline subject <name> [--on <day>]`: what one cloud (or group of clouds, `group-…`)
 * must do, by when: the compliance monitor's results in `data/subjects.json` joined with this
 * tracker's timelines.
 */
import type { Day } from '../domain/days/day.ts';
import { newestCheck, newestCheckOf } from '../domain/feeds/subject-feeds.ts';
import type { Dataset } from '../domain/schemas/data.ts';
import { findGroup, groupsOf, groupStanding } from '../domain/subjects/groups.ts';
import { GROUP_PREFIX, monitorDetailUrl, type SubjectGroup, type SubjectsFile } from '../domain/subjects/schema.ts';
import {
  CERTIFICATE_WORDS,
  findSubject,
  groupLine,
  memberLine,
  progressWords,
  standingLine,
  subjectStanding,
} from '../domain/subjects/subjects.ts';
import type { Urgency } from '../domain/subjects/standing.ts';
import { UsageError, type Answer } from './commands.ts';

/** What the JSON of a subject and of a group end with: the day, the monitor and its newest check, the standing. */
function standingJson<S>(on: Day, file: SubjectsFile, checked: Day | null, urgency: Urgency, scopes: S[]) {
  return {
    day: on,
    monitor: file.monitor,
    newestCheck: checked,
    urgency,
    scopes,
    certificate: { expires: null, note: CERTIFICATE_WORDS },
  };
}

function groupCommand(dataset: Dataset, file: SubjectsFile, group: SubjectGroup, on: Day): Answer {
  const standing = groupStanding(group, file, dataset.scopes, on);
  const checked = newestCheckOf(file, group.members);
  const scopes = standing.scopes.map((g) => ({
    scopeUuid: g.scopeUuid,
    scopeName: g.scopeName,
    scopeId: g.scopeId,
    short: g.short,
    urgency: g.urgency,
    worst: g.worst.subject,
    retestBy: g.retestBy,
    due: g.due,
    overdue: g.overdue,
    words: { standing: groupLine(g) },
    members: g.members.map((m) => ({
      subject: m.subject,
      reported: m.reported,
      result: m.result,
      urgency: m.standing.urgency,
      words: memberLine(m),
      standing: m.standing,
    })),
    monitorPage: monitorDetailUrl(file, group.id, g.scopeUuid),
  }));
  const source = group.linked ? "linked from the monitor's overview table" : 'named with --monitor-group';
  const text = [
    `${group.id} (a group, as the monitor defines it: the accounts of group ${group.id.slice(GROUP_PREFIX.length)}: ${group.members.join(', ')}) on ${on}: ${standing.urgency}`,
    `  from the compliance monitor ${file.monitor} (${source}); newest result of a member checked on ${checked ?? 'never'}`,
    ...(scopes.length ? [] : ['  no member has results at the monitor']),
    ...scopes.flatMap((s) => [
      `  ${s.short}: ${s.words.standing}`,
      ...s.members.map((m) => `    ${m.subject}: ${m.words}`),
      `    monitor: ${s.monitorPage}`,
    ]),
    `  ${CERTIFICATE_WORDS}`,
  ];
  return {
    json: {
      subject: group.id,
      group: true,
      members: group.members,
      linked: group.linked,
      ...standingJson(on, file, checked, standing.urgency, scopes),
    },
    text,
  };
}

export function subjectCommand(
  dataset: Dataset,
  file: SubjectsFile,
  opts: { name: string | undefined; on: Day },
): Answer {
  const known =
    [...file.subjects.map((s) => s.id), ...file.groups.map((g) => `${g.id} (a group)`)].join(', ') || 'none';
  if (!opts.name)
    throw new UsageError(`subject needs a name: scs-timeline subject <name> [--on <day>]; the data has ${known}`);
  // As the monitor's pages, a `group-` name is the group (`_resolve_group`).
  const group = findGroup(file, opts.name);
  if (group) return groupCommand(dataset, file, group, opts.on);
  const subject = findSubject(file, opts.name);
  if (!subject)
    throw new UsageError(`unknown subject ${JSON.stringify(opts.name)}; the monitor ${file.monitor} reported ${known}`);
  const standing = subjectStanding(subject, dataset.scopes, opts.on);
  const memberOf = groupsOf(file, subject.id).map((g) => g.id);
  const checked = newestCheck(file, subject.id);
  const scopes = standing.scopes.map((s) => ({
    ...s,
    words: { standing: standingLine(s), toward: progressWords(s) },
    monitorPage: monitorDetailUrl(file, subject.id, s.scopeUuid),
  }));
  const text = [
    `${subject.id} on ${opts.on}: ${standing.urgency}`,
    `  from the compliance monitor ${file.monitor}; newest result checked on ${checked ?? 'never'}`,
    ...(memberOf.length ? [`  member of ${memberOf.join(', ')}`] : []),
    ...scopes.flatMap((s) => [
      `  ${s.short}: ${s.words.standing}`,
      ...(s.words.toward ? [`    toward: ${s.words.toward}`] : []),
      `    monitor: ${s.monitorPage}`,
    ]),
    `  ${CERTIFICATE_WORDS}`,
  ];
  return {
    json: {
      subject: subject.id,
      group: standing.group,
      memberOf,
      ...standingJson(opts.on, file, checked, standing.urgency, scopes),
    },
    text,
  };
}
