/**
 * Blob contents the GitHub sync has fetched, kept outside `data/` (by default in `.cache/`,
 * which the scheduled workflow restores with actions/cache) so that a sync after an upstream
 * change fetches only new blobs. Content-addressed by git blob id and checked against it on
 * every read: a damaged or foreign entry is ignored and fetched again. Without a cache the
 * sync is as correct, it only asks GitHub for more.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gitBlobId } from './tree-diff.ts';

export class BlobCache {
  readonly dir: string | null;
  hits = 0;
  /** This run's blobs, so that none is fetched twice even without a cache directory. */
  private readonly memory = new Map<string, Uint8Array>();
  constructor(dir: string | null) {
    this.dir = dir;
  }

  private file(oid: string): string {
    return join(this.dir!, oid.slice(0, 2), oid.slice(2));
  }

  async get(oid: string): Promise<Uint8Array | null> {
    const known = this.memory.get(oid);
    if (known) return known;
    if (!this.dir) return null;
    try {
      const content = new Uint8Array(await readFile(this.file(oid)));
      if (gitBlobId(content) !== oid) return null;
      this.hits++;
      this.memory.set(oid, content);
      return content;
    } catch {
      return null;
    }
  }

  async put(oid: string, content: Uint8Array): Promise<void> {
    this.memory.set(oid, content);
    if (!this.dir) return;
    const target = this.file(oid);
    await mkdir(join(this.dir, oid.slice(0, 2)), { recursive: true });
    const temp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(temp, content);
    await rename(temp, target);
  }
}
