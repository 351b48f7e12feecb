/**
 * `npm run github-server -- --repo <git dir> --pulls <export.json> [--port N] [--etag-per-token] [--gzip]`
 *
 * Serves a git repository and a pull-request export as GitHub's API on 127.0.0.1, so that
 * `GITHUB_API_URL=http://127.0.0.1:PORT npm run sync` runs against it. Prints
 * `listening on http://127.0.0.1:PORT` as its first line; stops on SIGTERM or SIGINT.
 * Exit codes: 0 stopped, 1 could not start, 2 wrong command line.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parsePullExport } from '../../src/domain/pulls/pulls.ts';
import { startGitHubServer, type ServerPull } from './server.ts';

const USAGE =
  'usage: npm run github-server -- --repo <git dir> --pulls <export.json> [--port N] [--etag-per-token] [--gzip] [--owner O] [--name N]';

function parse() {
  try {
    const { values } = parseArgs({
      options: {
        repo: { type: 'string' },
        pulls: { type: 'string' },
        port: { type: 'string', default: '0' },
        owner: { type: 'string', default: 'SovereignCloudStack' },
        name: { type: 'string', default: 'standards' },
        'etag-per-token': { type: 'boolean', default: false },
        gzip: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    });
    if (values.help) {
      console.log(USAGE);
      process.exit(0);
    }
    const port = Number(values.port);
    if (!values.repo) throw new Error('--repo is required');
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new Error(`--port ${JSON.stringify(values.port)}: expected 0…65535`);
    return { ...values, repo: values.repo, port };
  } catch (error) {
    console.error(`github-server: ${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

const args = parse();
try {
  // The export is checked with the same schema the sync reads it with; the server keeps its fields.
  const pulls: ServerPull[] = [];
  if (args.pulls) {
    const json: unknown = JSON.parse(readFileSync(args.pulls, 'utf8'));
    parsePullExport(json, args.pulls);
    if (Array.isArray(json)) pulls.push(...json);
  }
  const server = await startGitHubServer({
    repo: args.repo,
    pulls,
    port: args.port,
    owner: args.owner,
    name: args.name,
    etagPerToken: args['etag-per-token'],
    compress: args.gzip ? 'gzip' : null,
  });
  console.log(`listening on ${server.url}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
} catch (error) {
  console.error(`github-server: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
