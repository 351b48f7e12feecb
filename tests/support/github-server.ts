/**
 * The GitHub-compatible server (`scripts/github-server/`) for the tests, and whether they can
 * run it: it executes GraphQL with graphql-js, a dev dependency that a node_modules
 * installed before it was added lacks. The tests are then skipped with a message, except in CI.
 */
import { HAVE_GRAPHQL } from '../../scripts/github-server/server.ts';

export * from '../../scripts/github-server/server.ts';

/** Skip GitHub-server tests only outside CI, and say why. */
export const SKIP_GITHUB_SERVER = !HAVE_GRAPHQL && process.env.CI !== 'true';
if (SKIP_GITHUB_SERVER && !process.env.SCS_GRAPHQL_NOTICE_SHOWN) {
  process.env.SCS_GRAPHQL_NOTICE_SHOWN = '1';
  console.warn('SKIPPED: GitHub sync tests need the graphql dev dependency; run npm install.');
}
