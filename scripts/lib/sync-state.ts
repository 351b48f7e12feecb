/**
 * `data/sync-state.json`: what the GitHub sync remembers between runs so that an unchanged
 * upstream costs two conditional requests (answered 304, free of rate limit) and a changed
 * one fetches only what is new. Written atomically with the rest of `data/`; it holds ETags,
 * commit ids and blob ids, never a token.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { InputError, parseOrThrow } from '../../src/domain/errors.ts';
import { Timestamp } from '../../src/domain/schemas/data.ts';
import { stableJson } from '../../src/domain/serialize.ts';

export const SYNC_STATE_FILE = 'sync-state.json';

const Oid = z.string().regex(/^[0-9a-f]{40}$/, 'expected a 40-digit object id');

export const StateChange = z.object({
  status: z.enum(['A', 'M', 'D', 'R']),
  path: z.string(),
  oldPath: z.string().nullable(),
  /** Blob after the change; null when deleted. */
  blob: Oid.nullable(),
});

export const StateCommit = z.object({
  sha: Oid,
  /** Committer date with the committer's offset (GraphQL `committer.date`, a GitTimestamp). */
  committedAt: Timestamp,
  message: z.string(),
  changes: z.array(StateChange),
});
export type StateCommit = z.output<typeof StateCommit>;

export const SyncState = z.object({
  schemaVersion: z.literal(1),
  repo: z.string().regex(/^[^/\s]+\/[^/\s]+$/),
  branch: z.string(),
  /** ETags of the two conditional requests a warm sync makes. */
  etags: z.object({ ref: z.string().nullable(), pulls: z.string().nullable() }),
  head: z.object({ sha: Oid, committedAt: Timestamp }),
  /** Every file under the paths the sync diffs (tracked or not: renames start there), at the head. */
  files: z.record(z.string(), z.object({ oid: Oid, mode: z.number().int() })),
  /** First-parent commits that changed a tracked path, oldest first. */
  commits: z.array(StateCommit),
  /** The newest `updatedAt` of a pull request seen; the next sync asks only for newer ones. */
  lastPullUpdate: Timestamp.nullable(),
});
export type SyncState = z.output<typeof SyncState>;

/** Read the state if there is one; a malformed one is an error naming file and key. */
export async function readSyncState(dir: string): Promise<SyncState | null> {
  const file = join(dir, SYNC_STATE_FILE);
  if (!existsSync(file)) return null;
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new InputError([{ file, key: '', value: null, expected: `expected JSON (delete the file for a full sync): ${(error as Error).message}` }]);
  }
  return parseOrThrow(SyncState, json, file);
}

/** Stable text: sorted keys, 2-space JSON with a trailing newline, as every file in `data/`. */
export function serializeSyncState(state: SyncState): string {
  return stableJson(SyncState.parse(state));
}
