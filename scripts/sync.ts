/**
 * `npm run sync [-- --repo owner/name] [--out data]`          from GitHub's API (GITHUB_TOKEN optional)
 * `npm run sync -- --git <clone> [--out data] [--pulls pulls.json]`   from a local clone
 * `… --monitor <base URL>` (or SCS_MONITOR_URL) also: the compliance monitor's subjects and groups
 *   (`--monitor-group <name>`, repeatable, or SCS_MONITOR_GROUPS: groups its overview table does not link)
 *
 * Exit codes: 0 synced (or nothing changed), 1 the sync failed and `data/` is unchanged,
 * 2 the command line was wrong.
 */
import { parseArgs } from 'node:util';
import { escapeControls, InputError } from '../src/domain/parse/errors.ts';
import { GitError } from './lib/git.ts';
import { clientOptionsFromEnv, GitHubError, makeScrubber } from './lib/github/client.ts';
import { fetchMonitor, summarizeMonitor, type MonitorSync } from './lib/monitor.ts';
import { groupId } from './lib/monitor-groups.ts';
import { summarize, summarizeRequests, syncFromGit, syncFromGitHub } from './lib/sync.ts';
import { SUBJECTS_FILE } from '../src/domain/subjects/schema.ts';
import { writeFiles } from '../src/io/dataset.ts';

const USAGE = [
  'usage: npm run sync -- [--repo owner/name] [--branch main] [--out <dir>] [--max-wait <seconds>] [--cache <dir>]',
  '       npm run sync -- --git <path-to-clone> [--out <dir>] [--branch main] [--repo owner/name] [--pulls <export.json>]',
  "       either with --monitor <base URL> (or SCS_MONITOR_URL): also the compliance monitor's GET /status into subjects.json,",
  '         with the groups its overview table links and those named with --monitor-group <name> (repeatable; or SCS_MONITOR_GROUPS=a,b)',
  '       npm run sync -- --monitor <base URL> --monitor-only [--out <dir>]   only subjects.json, beside the data there is',
  'environment: GITHUB_TOKEN (optional, for a higher rate limit), GITHUB_API_URL (default https://api.github.com), SCS_MONITOR_URL, SCS_MONITOR_GROUPS',
].join('\n');

function parse() {
  try {
    return parseArgs({
      options: {
        git: { type: 'string' },
        out: { type: 'string', default: 'data' },
        branch: { type: 'string', default: 'main' },
        repo: { type: 'string', default: 'SovereignCloudStack/standards' },
        pulls: { type: 'string' },
        'max-wait': { type: 'string' },
        cache: { type: 'string', default: '.cache/github-blobs' },
        monitor: { type: 'string' },
        'monitor-only': { type: 'boolean' },
        'monitor-group': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    console.error(`sync: ${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

const args = parse();
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const scrub = makeScrubber(process.env.GITHUB_TOKEN || undefined);

function failed(error: unknown): never {
  const known = error instanceof InputError || error instanceof GitError || error instanceof GitHubError;
  // An InputError's lines are problems, each escaped already; other messages become one line.
  const text =
    error instanceof InputError
      ? error.message
      : escapeControls(
          known
            ? (error as Error).message
            : `unexpected error: ${error instanceof Error ? error.message : String(error)}`,
        );
  console.error(scrub(`sync failed; ${args.out}/ is unchanged:\n${text}`));
  process.exit(1);
}

// The monitor is asked first: if it fails, nothing of data/ has been written yet.
const monitorUrl = args.monitor ?? (process.env.SCS_MONITOR_URL || undefined);
const monitorGroups =
  args['monitor-group'] ??
  (process.env.SCS_MONITOR_GROUPS ?? '')
    .split(',')
    .map((g) => g.trim())
    .filter((g) => g !== '');
for (const name of monitorGroups) {
  if (groupId(name) === null) {
    console.error(
      `sync: --monitor-group ${JSON.stringify(name)}: expected a group's name as the monitor's accounts give it (acme for group-acme): letters, digits, ".", "_" and "-"\n${USAGE}`,
    );
    process.exit(2);
  }
}
if (monitorGroups.length && monitorUrl === undefined) {
  console.error(
    `sync: --monitor-group (or SCS_MONITOR_GROUPS) needs --monitor <base URL> (or SCS_MONITOR_URL)\n${USAGE}`,
  );
  process.exit(2);
}
let monitor: MonitorSync | null = null;
if (monitorUrl !== undefined) {
  try {
    monitor = await fetchMonitor(monitorUrl, { groups: monitorGroups });
  } catch (error) {
    failed(error);
  }
}
const extra = monitor ? { [SUBJECTS_FILE]: monitor.text } : undefined;
const monitorLines = monitor ? summarizeMonitor(monitor) : [];

if (args['monitor-only']) {
  if (!monitor || !extra) {
    console.error(`sync: --monitor-only needs --monitor <base URL> (or SCS_MONITOR_URL)\n${USAGE}`);
    process.exit(2);
  }
  try {
    const write = await writeFiles(args.out, extra);
    for (const line of [
      ...monitorLines,
      write.written.length ? `wrote ${write.written.join(', ')}` : 'no file changed',
    ])
      console.log(escapeControls(line));
  } catch (error) {
    failed(error);
  }
  process.exit(0);
}

if (args.git) {
  if (args['max-wait'] !== undefined) {
    console.error(`sync: --max-wait is for a sync from GitHub, not --git\n${USAGE}`);
    process.exit(2);
  }
  try {
    const result = await syncFromGit({
      git: args.git,
      out: args.out,
      branch: args.branch,
      repo: args.repo,
      pulls: args.pulls,
      extra,
    });
    for (const line of [...monitorLines, ...summarize(result)]) console.log(escapeControls(line));
  } catch (error) {
    failed(error);
  }
} else {
  if (args.pulls !== undefined) {
    console.error(
      `sync: --pulls is for a sync from a local clone (--git); GitHub gives the pull requests itself\n${USAGE}`,
    );
    process.exit(2);
  }
  let maxWait: number | undefined;
  if (args['max-wait'] !== undefined) {
    maxWait = Number(args['max-wait']);
    if (!Number.isFinite(maxWait) || maxWait < 0) {
      console.error(`sync: --max-wait ${JSON.stringify(args['max-wait'])}: expected seconds ≥ 0\n${USAGE}`);
      process.exit(2);
    }
  }
  try {
    const client = clientOptionsFromEnv(maxWait === undefined ? {} : { maxWaitSeconds: maxWait });
    const synced = await syncFromGitHub({
      repo: args.repo,
      branch: args.branch,
      out: args.out,
      client,
      cache: args.cache || null,
      extra,
    });
    const lines = [...monitorLines, ...synced.notes];
    if (synced.result) lines.push(...summarize(synced.result));
    else if (synced.extraWrite?.written.length)
      lines.push(`nothing new upstream; wrote ${synced.extraWrite.written.join(', ')}`);
    else lines.push(`no file changed in ${args.out}/`);
    lines.push(summarizeRequests(synced.stats, synced.apiUrl));
    for (const line of lines) console.log(scrub(escapeControls(line)));
  } catch (error) {
    failed(error);
  }
}
