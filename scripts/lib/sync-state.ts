/**
 * `data/sync-state.json`: what the GitHub sync remembers between runs so that an unchanged
 * upstream costs two small requests and a changed one fetches only what is new. Written
 * atomically with the rest of `data/`. It holds only upstream content (commit ids, blob ids,
 * the newest pull-request update), nothing tied to the token that read it: a new token, as
 * GitHub Actions hands out on every run, rewrites nothing. ETags, which GitHub ties to the
 * token, live in the cache directory (`etags.ts`).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseOrThrow } from '../../src/domain/parse/errors.ts';
import { readJsonFile } from '../../src/io/json-file.ts';
import { Sha, Timestamp } from '../../src/domain/schemas/data.ts';
import { stableJson } from '../../src/domain/dataset/serialize.ts';

export const SYNC_STATE_FILE = 'sync-state.json';

export const StateChange = z.object({
  status: z.enum(['A', 'M', 'D', 'R']),
  path: z.string(),
  oldPath: z.string().nullable(),
  /** Blob after the change; null when deleted. */
  blob: Sha.nullable(),
});

export const StateCommit = z.object({
  sha: Sha,
  /** Committer date with the committer's offset (GraphQL `committer.date`, a GitTimestamp). */
  committedAt: Timestamp,
  message: z.string(),
  changes: z.array(StateChange),
});
export type StateCommit = z.output<typeof StateCommit>;

const StateBody = {
  repo: z.string().regex(/^[^/\s]+\/[^/\s]+$/),
  branch: z.string(),
  head: z.object({ sha: Sha, committedAt: Timestamp }),
  /** Every file under the paths the sync diffs (tracked or not: renames start there), at the head. */
  files: z.record(z.string(), z.object({ oid: Sha, mode: z.number().int() })),
  /** First-parent commits that changed a tracked path, oldest first. */
  commits: z.array(StateCommit),
};

export const SyncState = z.object({
  schemaVersion: z.literal(2),
  ...StateBody,
  /**
   * The newest `updatedAt` of a pull request seen, and every pull request updated then: the
   * next sync compares it with the newest GitHub lists and asks only for newer ones.
   */
  newestPull: z.object({ updatedAt: Timestamp, numbers: z.array(z.number().int().positive()) }).nullable(),
});
export type SyncState = z.output<typeof SyncState>;

/** The first format, which also held the ETags of the token that wrote it. */
const SyncStateV1 = z.object({
  schemaVersion: z.literal(1),
  ...StateBody,
  etags: z.unknown(),
  lastPullUpdate: Timestamp.nullable(),
});

const AnyState = z.union([SyncState, SyncStateV1]).transform((s): SyncState =>
  s.schemaVersion === 2
    ? s
    : // No numbers: the next check sees a pull request it does not know and asks for the newest again.
      {
        schemaVersion: 2,
        repo: s.repo,
        branch: s.branch,
        head: s.head,
        files: s.files,
        commits: s.commits,
        newestPull: s.lastPullUpdate ? { updatedAt: s.lastPullUpdate, numbers: [] } : null,
      },
);

/** Read the state if there is one; a malformed one is an error naming file and key. */
export async function readSyncState(dir: string): Promise<SyncState | null> {
  const file = join(dir, SYNC_STATE_FILE);
  if (!existsSync(file)) return null;
  const json = await readJsonFile(file, z.unknown(), { expected: 'expected JSON (delete the file for a full sync)' });
  if (json && typeof json === 'object' && 'schemaVersion' in json && json.schemaVersion === 1)
    return parseOrThrow(AnyState, json, file);
  return parseOrThrow(SyncState, json, file);
}

/** Stable text: sorted keys, 2-space JSON with a trailing newline, as every file in `data/`. */
export function serializeSyncState(state: SyncState): string {
  return stableJson(SyncState.parse(state));
}
