/**
 * What `git cat-file --batch-check` says of objects before any is read: type and size, or
 * missing. The sync reads a blob only when it is a blob of at most MAX_BLOB_BYTES, so its
 * memory follows that limit, not what the history once held (a 600 MB file added and
 * deleted again is never read).
 */
import { catFile } from './git.ts';

/** Larger than any file the parsers accept (2 MB of YAML or front matter), so those still say why. */
export const MAX_BLOB_BYTES = 32 * 1024 * 1024;

/** `id`: the object a name resolves to (`refs/pull/7/head^{commit}` → its commit). */
export type ObjectInfo =
  { type: 'blob' | 'tree' | 'commit' | 'tag'; id: string; size: number } | { type: 'missing'; id: null; size: null };

/** `names`: object ids, or any name git resolves (`<rev>^{commit}`), by which the answers are keyed. */
export async function objectInfo(repo: string, names: readonly string[]): Promise<Map<string, ObjectInfo>> {
  const out = new Map<string, ObjectInfo>();
  if (names.length === 0) return out;
  const lines = (await catFile(repo, '--batch-check', names)).toString('utf8').split('\n');
  names.forEach((name, i) => {
    const [id, type, size] = (lines[i] ?? '').split(' ');
    out.set(
      name,
      (type === 'blob' || type === 'tree' || type === 'commit' || type === 'tag') && id && size !== undefined
        ? { type, id, size: Number(size) }
        : { type: 'missing', id: null, size: null },
    );
  });
  return out;
}

/** Why an object is not read, or null when it is a blob within the limit. */
export function unreadable(info: ObjectInfo | undefined): string | null {
  if (!info || info.type === 'missing') return 'the object is missing from the clone';
  if (info.type !== 'blob') return `a ${info.type}, not a file`;
  if (info.size > MAX_BLOB_BYTES) return `${info.size} bytes, more than the ${MAX_BLOB_BYTES} bytes the sync reads`;
  return null;
}
