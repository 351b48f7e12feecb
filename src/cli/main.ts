/**
 * `scs-timeline` — what is due in SCS certification, from the terminal.
 *
 *   scs-timeline validity --scope iaas --on 2025-01-15 [--as-of 2024-12-01]
 *   scs-timeline periods --scope kaas [--as-of <day>]
 *   scs-timeline versions --scope iaas [--on <day>]
 *   scs-timeline readiness --scope kaas [--on <day>] [--version v1]
 *   scs-timeline proposals [--on <day>] [--scope <id>]
 *   scs-timeline upcoming [--from <day>] [--days 90]
 *   scs-timeline standards [--on <day>] [--track KaaS] [--known-now]
 *   scs-timeline report [--since <day>] [--until <day>] [--format md|json]
 *   scs-timeline rules [--scope <id>]
 *   scs-timeline subject <name|group-<name>> [--on <day>]
 *   scs-timeline review --repo <clone> --base <rev> --head <rev> [--on <day>]
 *
 * Common options: --json, --data <dir>. "Today" is SCS_TODAY if set, else today's UTC date.
 * Exit codes: 0 answered, 1 the data could not be read (review: the change breaks a rule),
 * 2 the command line was wrong. The command line itself is `run.ts`; this is its process.
 */
import { runCli } from './run.ts';

const result = await runCli(process.argv.slice(2), { scsToday: process.env.SCS_TODAY, now: new Date() });
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.code;
