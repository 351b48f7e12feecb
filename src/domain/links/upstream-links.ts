/**
 * Addresses of upstream things. The repository is always a parameter (`meta.source.repo`, the
 * one the data was synced from), so a fork's pages, feeds and reports all link to the fork.
 */

/** `owner/name` → its page on GitHub. */
export function repoUrl(repo: string): string {
  return `https://github.com/${repo}`;
}

export function pullUrl(repo: string, pr: number): string {
  return `${repoUrl(repo)}/pull/${pr}`;
}

export function commitUrl(repo: string, commit: string): string {
  return `${repoUrl(repo)}/commit/${commit}`;
}

/** A file on a branch; file names are upstream text, so each segment is percent-encoded. */
export function fileUrl(repo: string, branch: string, file: string): string {
  return `${repoUrl(repo)}/blob/${encodeURIComponent(branch)}/${file.split('/').map(encodeURIComponent).join('/')}`;
}

/** Where the standards are rendered. */
export const DOCS_URL = 'https://docs.scs.community/standards';

/** A standard on docs.scs.community: its file name without `.md` (`Standards/scs-0123-v1-x.md` → `…/scs-0123-v1-x`). */
export function docsUrl(file: string): string {
  const name = (file.split('/').pop() ?? file).replace(/\.md$/i, '');
  return `${DOCS_URL}/${encodeURIComponent(name)}`;
}
