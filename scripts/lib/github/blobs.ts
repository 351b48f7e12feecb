/** Blob contents by id: from the cache, else GitHub (GraphQL text in batches; REST for binary or large blobs). */
import type { BlobCache } from '../blob-cache.ts';
import { gitBlobId } from '../tree-diff.ts';
import { fetchAliased } from './batch.ts';
import type { GitHubClient } from './client.ts';
import { GitHubError } from './errors.ts';
import { BLOBS, type RepoVars } from './queries.ts';

export async function loadBlobs(
  client: GitHubClient,
  vars: RepoVars,
  oids: readonly string[],
  cache: BlobCache,
  size: number,
): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  const missing: string[] = [];
  for (const oid of oids) {
    const hit = await cache.get(oid);
    if (hit) out.set(oid, hit);
    else missing.push(oid);
  }
  const answers = await fetchAliased(client, vars, BLOBS, missing, size);
  for (const [i, oid] of missing.entries()) {
    const blob = answers[i];
    if (!blob) throw new GitHubError(`GraphQL Blobs: no blob ${oid} in ${vars.owner}/${vars.name}`);
    let content: Uint8Array | null = null;
    if (blob.text !== null && !blob.isBinary && !blob.isTruncated) {
      content = new TextEncoder().encode(blob.text);
      // Text that is not valid UTF-8 does not come back byte for byte: take the raw blob then.
      if (gitBlobId(content) !== oid) content = null;
    }
    content ??= await client.getBlob(vars.owner, vars.name, oid);
    if (gitBlobId(content) !== oid) throw new GitHubError(`blob ${oid}: the content GitHub sent does not match its id`);
    out.set(oid, content);
    await cache.put(oid, content);
  }
  return out;
}
