/**
 * `npm run sync -- --git <clone> [--out data] [--pulls pulls.json]`
 *
 * Exit codes: 0 synced (or nothing changed), 1 the sync failed and `data/` is unchanged,
 * 2 the command line was wrong.
 */
import { parseArgs } from 'node:util';
import { InputError } from '../src/domain/errors.ts';
import { GitError } from './lib/git.ts';
import { summarize, syncFromGit } from './lib/sync.ts';

const USAGE = 'usage: npm run sync -- --git <path-to-clone> [--out <dir>] [--branch main] [--repo owner/name] [--pulls <export.json>]';

function parse() {
  try {
    return parseArgs({
      options: {
        git: { type: 'string' },
        out: { type: 'string', default: 'data' },
        branch: { type: 'string', default: 'main' },
        repo: { type: 'string', default: 'SovereignCloudStack/standards' },
        pulls: { type: 'string' },
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
if (!args.git) {
  console.error(`sync: --git <path> is required for a sync from a local clone\n${USAGE}`);
  process.exit(2);
}
try {
  const result = await syncFromGit({ git: args.git, out: args.out, branch: args.branch, repo: args.repo, pulls: args.pulls });
  for (const line of summarize(result)) console.log(line);
} catch (error) {
  if (error instanceof InputError || error instanceof GitError) {
    console.error(`sync failed; ${args.out}/ is unchanged:\n${error.message}`);
    process.exit(1);
  }
  throw error;
}
