/**
 * Caps on totals, in one place. The per-file limits (yaml.ts, errors.ts) bound what one
 * file costs; these bound what all of them together cost, so that the sync's memory and
 * the site's build time and largest page follow the caps, not the history:
 *
 * - timeline entries of one file in one revision (in the scope-file schema);
 * - timeline entries summed over every revision of every scope file (a revision counting at
 *   least one, so that revision pages are bounded too): over the cap at the head, the sync
 *   fails (the current timelines are what the site is for; nothing of them may be dropped);
 *   past revisions that do not fit, oldest first, are kept as `unparseable` with a warning;
 * - pull requests in `data/`: the newest (by number) are kept, with a warning saying how
 *   many there were;
 * - rows of a list on a page: the first are shown, then "and N more" with where to find
 *   every one (the API file), and a report's slides are shown only up to a length, so no
 *   page grows past MAX_PAGE_BYTES.
 *
 * A cap that takes effect is said: the sync prints the warning, and every page shows it
 * (`isCapWarning`). Nothing is dropped silently.
 */

/**
 * Timeline entries of one scope file in one revision: its page (the scope page at the head,
 * a revision page in the history) draws and lists every one. Upstream's files have 2 to 8;
 * scs-0003-v1 lets old entries be pruned. More is a schema error: at the head the sync
 * fails, a past revision is kept as `unparseable` with a warning.
 */
export const MAX_REVISION_TIMELINE_ENTRIES = 500;

/**
 * Timeline entries of all revisions of all scope files together. Upstream has 156 in 30
 * revisions; the 10× synthetic upstream of the benchmark about 2,000 in 500. A 20,000-entry
 * timeline, under every per-file limit, took 49 s to build into 133 MB.
 */
export const MAX_TIMELINE_ENTRIES = 5_000;

/**
 * Pull requests kept in `data/`. Upstream has about 360 that touch standards or scopes
 * (1,200 in all); the 10× synthetic upstream 6,400. An export is refused past
 * MAX_LIST_ENTRIES (50,000) entries before it is read.
 */
export const MAX_PULLS = 10_000;

/** Rows a list of pull requests on a page shows; the rest are counted and found in the API. */
export const MAX_PAGE_ROWS = 200;

/**
 * Call weeks pre-rendered as report pages, the newest. Upstream's data has about 205 (from
 * 2022-09); ten years is 522. A pull request dated 1971 would otherwise mean 2,900 pages.
 * The older weeks are said on the list, and the CLI reports any of them.
 */
export const MAX_REPORT_WEEKS = 520;

/** The slide Markdown a report page shows in full; longer slides are only linked (the `.md` file). */
export const MAX_SHOWN_SLIDES_CHARS = 100_000;

/**
 * The stated bound for the largest HTML page of a site built on data at the caps
 * (uncompressed). The benchmark's `limits` section measures it.
 */
export const MAX_PAGE_BYTES = 2 * 1024 * 1024;

/** The caps the sync applies; tests lower them to check the edges on small inputs. */
export interface Caps {
  timelineEntries: number;
  pulls: number;
}

export const CAPS: Caps = { timelineEntries: MAX_TIMELINE_ENTRIES, pulls: MAX_PULLS };

const CAP_PREFIX = 'cap reached: ';

/** A warning of the sync saying a cap took effect; pages show these (`isCapWarning`). */
export function capWarning(text: string): string {
  return `${CAP_PREFIX}${text}`;
}

export function isCapWarning(warning: string): boolean {
  return warning.startsWith(CAP_PREFIX);
}

/** The first `max` rows of a list and how many more it has. */
export function firstRows<T>(rows: readonly T[], max: number = MAX_PAGE_ROWS): { shown: T[]; more: number } {
  const limit = Math.max(0, Math.floor(max));
  return { shown: rows.slice(0, limit), more: Math.max(0, rows.length - limit) };
}
