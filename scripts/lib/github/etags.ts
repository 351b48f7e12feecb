/**
 * ETags of the two requests a warm sync makes, kept in the cache directory beside the blobs
 * (not in `data/`): GitHub ties an ETag to the token that fetched it, and Actions hands out a
 * new token on every run, so committed ETags would change on every run. They only save rate
 * limit (a 304 is free); whether anything changed is decided by content (`source.ts`).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * Each ETag with the content it stands for, so that a 304 says what upstream holds even when
 * the data beside it is older (a sync that failed after the request).
 */
const Etags = z.object({
  repo: z.string(),
  branch: z.string(),
  ref: z.object({ etag: z.string(), sha: z.string() }).nullable(),
  pulls: z
    .object({ etag: z.string(), newest: z.object({ number: z.number(), updated_at: z.string() }).nullable() })
    .nullable(),
});
export type Etags = z.output<typeof Etags>;

const FILE = 'etags.json';

/** The ETags of the last sync of this repository and branch; none when absent or unreadable (they are only an optimisation). */
export async function readEtags(dir: string | null, repo: string, branch: string): Promise<Etags | null> {
  if (!dir) return null;
  try {
    const parsed = Etags.safeParse(JSON.parse(await readFile(join(dir, FILE), 'utf8')));
    return parsed.success && parsed.data.repo === repo && parsed.data.branch === branch ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function writeEtags(dir: string | null, etags: Etags): Promise<void> {
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `${FILE}.${randomBytes(4).toString('hex')}.tmp`);
  await writeFile(temp, `${JSON.stringify(etags, null, 2)}\n`);
  await rename(temp, join(dir, FILE));
}
