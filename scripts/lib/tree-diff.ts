/**
 * What `git log --first-parent -M --raw -- <pathspec>` says about one commit, computed from
 * two listings (path → blob) instead of a clone: added, modified, deleted, and renamed files,
 * renames found as git finds them (diffcore-rename: exact matches first, then pairs whose
 * similarity is at least 50 %, best first). The GitHub source uses it so that its history is
 * the git source's, rename of `Tests/scs-compatible.yaml` to `…-iaas.yaml` included.
 */
import { createHash } from 'node:crypto';

export interface ListedFile {
  oid: string;
  mode: number;
}

export type Listing = Map<string, ListedFile>;

export interface RawChange {
  status: 'A' | 'M' | 'D' | 'R';
  path: string;
  oldPath: string | null;
  /** Blob after the change; null when deleted. */
  oid: string | null;
}

/** Git's object id of a blob with this content. */
export function gitBlobId(content: Uint8Array): string {
  return createHash('sha1').update(`blob ${content.byteLength}\0`).update(content).digest('hex');
}

/** Changes between two listings before rename detection (paths sorted, as git orders them). */
export function diffListings(
  before: Listing,
  after: Listing,
): { added: string[]; deleted: string[]; modified: string[] } {
  const added: string[] = [];
  const deleted: string[] = [];
  const modified: string[] = [];
  for (const [path, f] of after) {
    const old = before.get(path);
    if (!old) added.push(path);
    else if (old.oid !== f.oid || old.mode !== f.mode) modified.push(path);
  }
  for (const path of before.keys()) if (!after.has(path)) deleted.push(path);
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return { added: added.sort(byName), deleted: deleted.sort(byName), modified: modified.sort(byName) };
}

// diffcore-delta.c: content is cut into spans ending at a newline or after 64 bytes; each
// span is hashed into one of HASHBASE buckets and the bytes per bucket are counted.
const HASHBASE = 107927;
const MAX_SCORE = 60000;
const MINIMUM_SCORE = 30000; // -M without a number: 50 %

function spanCounts(buf: Uint8Array): Map<number, number> {
  const counts = new Map<number, number>();
  // A file with a NUL byte in its first 8000 bytes is binary to git: CR of CRLF counts then.
  const isText = !buf.subarray(0, 8000).includes(0);
  let n = 0;
  let accum1 = 0;
  let accum2 = 0;
  const add = () => {
    const hash = ((accum1 + Math.imul(accum2, 0x61)) >>> 0) % HASHBASE;
    counts.set(hash, (counts.get(hash) ?? 0) + n);
  };
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i]!;
    if (isText && c === 0x0d && i + 1 < buf.length && buf[i + 1] === 0x0a) continue;
    const old1 = accum1;
    accum1 = (((accum1 << 7) ^ (accum2 >>> 25)) >>> 0) + c;
    accum1 >>>= 0;
    accum2 = ((accum2 << 7) ^ (old1 >>> 25)) >>> 0;
    if (++n < 64 && c !== 0x0a) continue;
    add();
    n = 0;
    accum1 = accum2 = 0;
  }
  if (n > 0) add();
  return counts;
}

/** diffcore-rename.c estimate_similarity: how much of the larger file is copied from src, 0..60000. */
export function similarity(src: Uint8Array, dst: Uint8Array): number {
  const maxSize = Math.max(src.length, dst.length);
  const baseSize = Math.min(src.length, dst.length);
  const delta = maxSize - baseSize;
  if (maxSize * (MAX_SCORE - MINIMUM_SCORE) < delta * MAX_SCORE) return 0;
  if (!dst.length) return 0;
  const s = spanCounts(src);
  const d = spanCounts(dst);
  let copied = 0;
  for (const [hash, count] of s) {
    const other = d.get(hash);
    if (other !== undefined) copied += Math.min(count, other);
  }
  return Math.floor((copied * MAX_SCORE) / maxSize);
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * Changes of one commit with renames paired as `git -M` pairs them.
 * `content(oid)` must give the blobs of every added and deleted file.
 */
export function commitChanges(before: Listing, after: Listing, content: (oid: string) => Uint8Array): RawChange[] {
  const { added, deleted, modified } = diffListings(before, after);
  const renamedFrom = new Map<string, string>();
  const usedSrc = new Set<string>();
  // Exact renames: same blob; a source with the same file name wins.
  for (const dst of added) {
    const oid = after.get(dst)!.oid;
    const candidates = deleted.filter((src) => !usedSrc.has(src) && before.get(src)!.oid === oid);
    if (!candidates.length) continue;
    const src = candidates.find((c) => basename(c) === basename(dst)) ?? candidates[0]!;
    renamedFrom.set(dst, src);
    usedSrc.add(src);
  }
  // Inexact renames: every remaining (dst, src) pair scored; best score first, then same name.
  const dsts = added.filter((d) => !renamedFrom.has(d));
  const srcs = deleted.filter((s) => !usedSrc.has(s));
  if (dsts.length && srcs.length) {
    const matrix: { dst: string; src: string; score: number; name: number; order: number }[] = [];
    let order = 0;
    for (const dst of dsts) {
      const dstContent = content(after.get(dst)!.oid);
      for (const src of srcs) {
        const score = similarity(content(before.get(src)!.oid), dstContent);
        if (score >= MINIMUM_SCORE)
          matrix.push({ dst, src, score, name: basename(src) === basename(dst) ? 1 : 0, order: order++ });
      }
    }
    matrix.sort((a, b) => b.score - a.score || b.name - a.name || a.order - b.order);
    for (const m of matrix) {
      if (renamedFrom.has(m.dst) || usedSrc.has(m.src)) continue;
      renamedFrom.set(m.dst, m.src);
      usedSrc.add(m.src);
    }
  }
  const changes: RawChange[] = [];
  for (const path of added) {
    const src = renamedFrom.get(path);
    changes.push(
      src
        ? { status: 'R', path, oldPath: src, oid: after.get(path)!.oid }
        : { status: 'A', path, oldPath: null, oid: after.get(path)!.oid },
    );
  }
  for (const path of modified) changes.push({ status: 'M', path, oldPath: null, oid: after.get(path)!.oid });
  for (const path of deleted) if (!usedSrc.has(path)) changes.push({ status: 'D', path, oldPath: null, oid: null });
  // git's raw output is in path order (a rename at its new path).
  return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
