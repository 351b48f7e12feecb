/**
 * `scs-timeline` in tests. `cli` calls the command line in this process (src/cli/run.ts): the
 * same arguments, "today", output and exit code as a process, without starting Node each time.
 * `cliProcess` starts the real process, as a user does, for what only a process shows.
 */
import { runCli, type CliResult } from '../../src/cli/run.ts';
import { runScript } from './upstream-repo.ts';

/** `scs-timeline <args>` with SCS_TODAY = `today` (unset: today's UTC date). */
export function cli(args: readonly string[], today?: string): Promise<CliResult> {
  return runCli([...args], { scsToday: today, now: new Date() });
}

/** `node src/cli/main.ts <args>` on the project's Node; `env` is the child's whole environment. */
export function cliProcess(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<CliResult> {
  return runScript('src/cli/main.ts', args, env);
}
