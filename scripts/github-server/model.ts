/**
 * What the server serves besides git: the pull requests of an export (the fixture's
 * `pulls.json`, GitHub's REST field names) and the helpers both APIs share.
 */

/** A pull request as an export has it (GitHub's REST field names). */
export interface ServerPull {
  number: number;
  title: string;
  state: 'open' | 'closed';
  draft?: boolean | null;
  created_at: string;
  updated_at: string;
  closed_at?: string | null;
  merged_at?: string | null;
  author?: string | null;
  labels?: (string | { name: string })[];
  files?: string[];
  html_url?: string;
  head_ref?: string;
  head_sha?: string;
  review_decision?: 'APPROVED' | 'CHANGES_REQUESTED' | 'REVIEW_REQUIRED' | null;
}

/** Where the server is and what it serves, for the objects both APIs build. */
export interface Served {
  owner: string;
  name: string;
  branch: string;
  /** `http://127.0.0.1:PORT`. */
  base(): string;
  pulls: ServerPull[];
}

/** DateTime as GitHub's API writes it: UTC, whole seconds. */
export function utc(value: string | null | undefined): string | null {
  if (!value) return null;
  return new Date(Date.parse(value)).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function labelNames(p: ServerPull): string[] {
  return (p.labels ?? []).map((l) => (typeof l === 'string' ? l : l.name));
}

/** Pull requests by `created` or `updated`, ascending or descending; ties by number. */
export function sortedPulls(
  pulls: readonly ServerPull[],
  field: 'created_at' | 'updated_at',
  direction: 'ASC' | 'DESC',
): ServerPull[] {
  const sign = direction === 'DESC' ? -1 : 1;
  return [...pulls].sort((a, b) => {
    const x = Date.parse(a[field]);
    const y = Date.parse(b[field]);
    return x !== y ? sign * (x - y) : sign * (a.number - b.number);
  });
}

/** A stable positive number for an id field (`id`), derived from a name. */
export function numericId(text: string): number {
  let h = 0;
  for (const c of text) h = (h * 31 + c.charCodeAt(0)) % 2_000_000_000;
  return h + 1;
}
