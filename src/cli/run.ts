/**
 * The `scs-timeline` command line as a function: arguments and "today" in, what it prints and
 * its exit code out. `main.ts` runs it as a process; tests call it directly.
 *
 * Exit codes: 0 answered, 1 the data could not be read (review: the change breaks a rule),
 * 2 the command line was wrong.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { escapeControls, formatProblem, InputError } from '../domain/parse/errors.ts';
import { todayOf } from '../domain/days/day.ts';
import { join } from 'node:path';
import { SUBJECTS_FILE } from '../domain/subjects/schema.ts';
import { readDataset, readSubjects } from '../io/dataset.ts';
import { subjectCommand } from './subject.ts';
import {
  periodsCommand,
  reportCommand,
  requireDay,
  rulesCommand,
  standardsCommand,
  upcomingCommand,
  UsageError,
  validityCommand,
  type Answer,
} from './commands.ts';
import { reviewCommand } from './review.ts';
import { versionsCommand } from './versions.ts';
import { readinessCommand } from './readiness.ts';
import { proposalsCommand } from './proposals.ts';

const COMMANDS = [
  'validity',
  'periods',
  'versions',
  'readiness',
  'proposals',
  'upcoming',
  'standards',
  'report',
  'rules',
  'subject',
  'review',
] as const;
const USAGE = `usage: scs-timeline <${COMMANDS.join('|')}> [options] [--json] [--data <dir>]
  validity  --scope <id|uuid|name> --on <YYYY-MM-DD> [--as-of <YYYY-MM-DD>]
  periods   --scope <id|uuid|name> [--as-of <YYYY-MM-DD>]
  versions  --scope <id|uuid|name> [--on <YYYY-MM-DD>]   (each version's document, stabilization day, included standards)
  readiness --scope <id|uuid|name> [--on <YYYY-MM-DD>] [--version <v>]   (how close each draft version is, as known then)
  proposals [--on <YYYY-MM-DD>] [--scope <id|uuid|name>]   (what the pull requests open then propose; not announced)
  upcoming  [--from <YYYY-MM-DD>] [--days <N>]
  standards [--on <YYYY-MM-DD>] [--track <track>] [--known-now]   (default: as known on that day)
  report    [--since <YYYY-MM-DD>] [--until <YYYY-MM-DD>] [--format md|json]   (default: the 7 days before today)
  rules     [--scope <id|uuid|name>]   (every revision checked against scs-0003-v1)
  subject   <name> [--on <YYYY-MM-DD>]   (a cloud, or a group group-<name>, in data/subjects.json, from a sync with --monitor)
  review    --repo <clone> --base <rev> --head <rev> [--on <YYYY-MM-DD>]   (Markdown for a PR comment; exit 1 on a rule violation)`;

const DEFAULT_DATA = fileURLToPath(new URL('../../data/', import.meta.url));

function today(scsToday: string | undefined, now: Date): string {
  try {
    return todayOf(scsToday, now);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** node:util parseArgs errors, said in one line with what is accepted. */
function parseProblem(error: unknown, accepted: string): string {
  const { code, message } = error as { code?: string; message: string };
  const first = message.split('\n')[0]!;
  const option = /'(-[^' ]*)[^']*'/.exec(first)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option ?? first}; ${accepted}`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
    return `unexpected argument ${option ?? JSON.stringify(/'([^']*)'/.exec(first)?.[1] ?? first)}; options take the form --name <value>; ${accepted}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /does not take an argument/.test(first))
    return `${option ?? 'a switch'} takes no value; ${accepted}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return `${option ?? 'an option'} needs a value${/ambiguous/.test(first) ? ' (write --name=<value> for a value that starts with -)' : ''}; ${accepted}`;
  }
  return `${first}; ${accepted}`;
}

async function answer(argv: string[], clock: Clock): Promise<Answer & { asJson: boolean; exitCode?: number }> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    return { json: null, text: USAGE.split('\n'), asJson: false };
  }
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new UsageError(`unknown command ${JSON.stringify(command)}; expected one of ${COMMANDS.join(', ')}`);
  }
  const allowed: Record<(typeof COMMANDS)[number], string[]> = {
    validity: ['scope', 'on', 'as-of'],
    periods: ['scope', 'as-of'],
    versions: ['scope', 'on'],
    readiness: ['scope', 'on', 'version'],
    proposals: ['on', 'scope'],
    upcoming: ['from', 'days'],
    standards: ['on', 'track', 'known-now'],
    report: ['since', 'until', 'format'],
    rules: ['scope'],
    subject: ['on'],
    review: ['repo', 'base', 'head', 'on'],
  };
  const cmd = command as (typeof COMMANDS)[number];
  const accepted = `${cmd} accepts ${[...allowed[cmd], 'json', 'data'].map((k) => `--${k}`).join(', ')}`;
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: rest,
      options: {
        scope: { type: 'string' },
        on: { type: 'string' },
        'as-of': { type: 'string' },
        from: { type: 'string' },
        days: { type: 'string' },
        track: { type: 'string' },
        since: { type: 'string' },
        until: { type: 'string' },
        format: { type: 'string' },
        'known-now': { type: 'boolean' },
        version: { type: 'string' },
        json: { type: 'boolean', default: false },
        data: { type: 'string' },
        repo: { type: 'string' },
        base: { type: 'string' },
        head: { type: 'string' },
      },
      strict: true,
      allowPositionals: cmd === 'subject',
    }));
  } catch (error) {
    throw new UsageError(parseProblem(error, accepted));
  }
  for (const key of Object.keys(values)) {
    if (!['json', 'data', ...allowed[cmd]].includes(key)) {
      throw new UsageError(
        `option --${key} does not apply to ${cmd}; it accepts ${allowed[cmd].map((k) => `--${k}`).join(', ')}, --json, --data`,
      );
    }
  }
  const now = today(clock.scsToday, clock.now);
  if (cmd === 'validity' && values.on === undefined) throw new UsageError('validity needs --on <YYYY-MM-DD>');
  const on = requireDay(values.on, '--on', now);
  const asOf = values['as-of'] === undefined ? undefined : requireDay(values['as-of'], '--as-of', now);
  const from = requireDay(values.from, '--from', now);
  let days = 90;
  if (values.days !== undefined) {
    if (!/^\d{1,5}$/.test(values.days))
      throw new UsageError(
        `--days ${JSON.stringify(values.days)} is not a number of days; expected a whole number from 0 to 99999`,
      );
    days = Number(values.days);
  }
  if (cmd === 'review') {
    const answer = await reviewCommand({ repo: values.repo, base: values.base, head: values.head, on });
    return { ...answer, asJson: values.json ?? false };
  }
  if (cmd === 'report') {
    const format = values.format ?? (values.json ? 'json' : 'md');
    if (format !== 'md' && format !== 'json')
      throw new UsageError(`--format ${JSON.stringify(format)} is not a report format; expected md or json`);
    const until = values.until === undefined ? undefined : requireDay(values.until, '--until', now);
    const since = values.since === undefined ? undefined : requireDay(values.since, '--since', now);
    const dataset = await readDataset(values.data ?? DEFAULT_DATA);
    // The slides are Markdown lines (mdText keeps upstream text on its line): print them line by line.
    const report = reportCommand(dataset, { today: now, since, until });
    return { ...report, text: report.text.flatMap((t) => t.split('\n')), asJson: format === 'json' };
  }
  if (cmd === 'subject') {
    if (positionals.length > 1)
      throw new UsageError(
        `subject takes one name, not ${positionals.length}: scs-timeline subject <name> [--on <day>]`,
      );
    const dir = values.data ?? DEFAULT_DATA;
    const [dataset, subjects] = await Promise.all([readDataset(dir), readSubjects(dir)]);
    if (!subjects) {
      throw new InputError([
        {
          file: join(dir, SUBJECTS_FILE),
          key: '',
          value: null,
          expected:
            'missing: the data has no subjects; sync with --monitor <base URL> (or SCS_MONITOR_URL), e.g. https://compliance.sovereignit.cloud',
        },
      ]);
    }
    return { ...subjectCommand(dataset, subjects, { name: positionals[0], on }), asJson: values.json ?? false };
  }
  const dataset = await readDataset(values.data ?? DEFAULT_DATA);
  const answer =
    cmd === 'validity'
      ? validityCommand(dataset, { scope: values.scope, on, asOf })
      : cmd === 'periods'
        ? periodsCommand(dataset, { scope: values.scope, asOf })
        : cmd === 'versions'
          ? versionsCommand(dataset, { scope: values.scope, on })
          : cmd === 'readiness'
            ? readinessCommand(dataset, { scope: values.scope, on, version: values.version })
            : cmd === 'proposals'
              ? proposalsCommand(dataset, { scope: values.scope, on })
              : cmd === 'upcoming'
                ? upcomingCommand(dataset, { from, days })
                : cmd === 'rules'
                  ? rulesCommand(dataset, { scope: values.scope })
                  : standardsCommand(dataset, { on, track: values.track, knownNow: values['known-now'] ?? false });
  return { ...answer, asJson: values.json ?? false };
}

/** What "today" is made of: `SCS_TODAY` if set, else the UTC date of `now`. */
export interface Clock {
  scsToday: string | undefined;
  now: Date;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** One run of the command line. Never throws: every failure is a line on stderr and an exit code. */
export async function runCli(argv: string[], clock: Clock): Promise<CliResult> {
  try {
    const a = await answer(argv, clock);
    // Every text line escaped: a title with CR, LF or ESC stays on its line and cannot move the cursor.
    const stdout = a.asJson ? `${JSON.stringify(a.json, null, 2)}\n` : `${a.text.map(escapeControls).join('\n')}\n`;
    return { code: a.exitCode ?? 0, stdout, stderr: '' };
  } catch (error) {
    if (error instanceof UsageError)
      return { code: 2, stdout: '', stderr: `scs-timeline: ${escapeControls(error.message)}\n` };
    if (error instanceof InputError)
      return {
        code: 1,
        stdout: '',
        stderr: `scs-timeline: cannot read the data:\n${error.problems.map(formatProblem).join('\n')}\n`,
      };
    // Not a stack trace: whatever the input, the user gets one line and exit code 1.
    return {
      code: 1,
      stdout: '',
      stderr: `scs-timeline: failed: ${escapeControls(error instanceof Error ? error.message : String(error))}\n`,
    };
  }
}
