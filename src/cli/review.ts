/**
 * `scs-timeline review --repo <clone> --base <rev> --head <rev> [--on <day>]`: what a change
 * would do to the scope timelines and documents (domain/review/), as Markdown for a
 * pull-request comment. Exit code 1 when it breaks a rule of scs-0003-v1 (or leaves a scope
 * file unreadable), 0 otherwise; a clone or revision that does not exist is bad usage (2).
 */
import { existsSync } from 'node:fs';
import type { Day } from '../domain/days/day.ts';
import { reviewMarkdown } from '../domain/review/markdown.ts';
import { reviewChange, type Review } from '../domain/review/review.ts';
import { readGitChange } from '../../scripts/lib/git-change.ts';
import { readGitSnapshot } from '../../scripts/lib/git-source.ts';
import { GitError } from '../../scripts/lib/git.ts';
import { UsageError, type Answer } from './commands.ts';

export async function reviewCommand(opts: {
  repo?: string;
  base?: string;
  head?: string;
  on: Day;
}): Promise<Answer & { json: Review; exitCode: number }> {
  const { repo, base, head } = opts;
  if (repo === undefined || base === undefined || head === undefined)
    throw new UsageError('review needs --repo <clone> --base <rev> --head <rev>');
  if (!existsSync(repo))
    throw new UsageError(
      `--repo ${JSON.stringify(repo)}: no such directory; expected a clone of the standards repository`,
    );
  let snapshot, change;
  try {
    change = await readGitChange(repo, base, head);
    snapshot = await readGitSnapshot(repo, { rev: change.base });
  } catch (error) {
    if (error instanceof GitError) throw new UsageError(error.message);
    throw error;
  }
  const review = reviewChange(
    snapshot,
    { head: change.head, subject: change.subject, changes: change.changes, conflicts: change.conflicts },
    opts.on,
  );
  return {
    json: review,
    text: reviewMarkdown(review).replace(/\n$/, '').split('\n'),
    exitCode: review.violations > 0 || review.errors.length > 0 ? 1 : 0,
  };
}
