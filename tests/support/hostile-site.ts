/**
 * The one hostile dataset, built once for the whole `site` project (tests/site/global-setup.ts):
 * the project's own `data/` plus
 * - the feed datasets' two synthetic IaaS revisions (datasets.ts: v5.1 `warn` announced, then
 *   moved) with hostile pull-request and document titles (CRLF, iCal property injections);
 * - `HOSTILE` markup in a document, pull-request and revision title, where pages print them;
 * - script URLs where upstream writes addresses: every pull request's `html_url`, the IaaS
 *   scope's `url` and one of its modules' `url` (a module that names no document, so its own
 *   URL is all a page could link);
 * - two pull requests with hostile titles, author and label for /progress/ and /report/;
 * - upstream data 28 days older than the build, so every page carries the staleness warning;
 * - a cap that took effect (a `cap reached:` warning, with markup in it) and MAX_PAGE_ROWS + 5
 *   more open pull requests of scs-0123-v1, so long lists end in "and N more".
 * It is built under a site URL and a base path, as a fork's deployment would be.
 */
import type { Dataset, PullRequest } from '../../src/domain/schemas/data.ts';
import { addDays } from '../../src/domain/days/day.ts';
import { movedDataset, writeDataDir } from './datasets.ts';
import { capWarning, MAX_PAGE_ROWS } from '../../src/domain/parse/caps.ts';

export const HOSTILE = `<img src=x onerror=alert(1)></script><script>alert(2)</script>"'&amp;`;

/** What browsers would run or open: mixed case, leading space, tab and newline in the scheme, data and vbscript. */
export const HOSTILE_URLS = [
  'javascript:alert(document.domain)',
  ' JaVaScRiPt:alert(2)',
  'java\tscript:alert(3)',
  '\njavascript:alert(4)',
  'data:text/html,<script>alert(5)</script>',
  'vbscript:msgbox(6)',
  '//evil.invalid/protocol-relative',
];
/** The IaaS module whose URL is hostile; it names no document in the hostile data. */
export const HOSTILE_MODULE = 'opc-v2022.11';

/** The build day: IaaS v4 is effective until 2025-02-01, then `warn`. */
export const HOSTILE_TODAY = '2025-01-15';
/** The upstream data's day in the hostile dataset: 28 days before the build. */
export const HOSTILE_DATA_DAY = addDays(HOSTILE_TODAY, -28);
export const HOSTILE_SITE = 'https://feeds.example.test';
export const HOSTILE_BASE = '/timeline/';

export const PROGRESS_TITLE =
  'Stabilize <script>alert("pr")</script> ](javascript:alert(1)) [x](https://evil.invalid)\r\n---\r\n# <img src=x onerror=alert(2)>';
export const PROGRESS_AUTHOR = '<b onmouseover=alert(3)>me</b>';
export const PROGRESS_LABEL = '<i>label</i>';
/** The cap warning of the hostile data: every page shows it, as text. */
export const HOSTILE_CAP_WARNING = capWarning(
  `12 pull requests touch standards or scopes; only the newest 10, #2 and later, are kept ${HOSTILE}`,
);
/** The many open pull requests, numbered from 92000: more than a page lists. */
export const MANY_PULLS = Array.from({ length: MAX_PAGE_ROWS + 5 }, (_, i) => 92_000 + i);

/** The hostile pull requests of /progress/ and /report/: one open, one merged in the report's week. */
export const PROGRESS_PULLS = [90101, 90102] as const;

function progressPull(number: number, state: PullRequest['state'], stamp: string): PullRequest {
  return {
    number,
    title: PROGRESS_TITLE,
    state,
    author: PROGRESS_AUTHOR,
    createdAt: '2025-01-10T10:00:00+01:00',
    updatedAt: stamp,
    mergedAt: state === 'merged' ? stamp : null,
    closedAt: state === 'merged' ? stamp : null,
    labels: [PROGRESS_LABEL],
    reviewDecision: 'CHANGES_REQUESTED',
    files: ['Standards/scs-0123-v1-mandatory-and-supported-IaaS-services.md'],
    documents: ['scs-0123-v1'],
    scopes: [],
    url: `https://github.com/SovereignCloudStack/standards/pull/${number}`,
  };
}

export async function hostileDataset(): Promise<Dataset> {
  const data = await movedDataset();
  for (const d of data.documents)
    if (d.id === 'scs-0214-v2' || d.id === 'scs-0005-v1') d.title = `${HOSTILE} ${d.title}`;
  for (const p of data.pulls) if (p.number === 835) p.title = `${HOSTILE} ${p.title}`;
  data.pulls.forEach((p, i) => (p.url = HOSTILE_URLS[i % HOSTILE_URLS.length]!));
  for (const s of data.scopes) for (const r of s.revisions) if (r.pr === 844) r.title = `${HOSTILE} ${r.title}`;
  const iaas = data.scopes.find((s) => s.id === 'iaas');
  if (!iaas) throw new Error('data/scopes.json has no iaas scope');
  iaas.url = HOSTILE_URLS[0]!;
  for (const m of iaas.modules) if (m.id === HOSTILE_MODULE) Object.assign(m, { url: HOSTILE_URLS[1], document: null });
  data.pulls.push(
    progressPull(PROGRESS_PULLS[0], 'open', '2025-01-11T10:00:00Z'),
    progressPull(PROGRESS_PULLS[1], 'merged', '2025-01-12T10:00:00Z'),
  );
  for (const number of MANY_PULLS)
    data.pulls.push({
      ...progressPull(number, 'open', '2024-12-02T10:00:00Z'),
      title: `Revise scs-0123-v1 (${number})`,
      author: 'many',
      labels: [],
      createdAt: '2024-12-01T10:00:00Z',
      reviewDecision: null,
    });
  data.meta = {
    ...data.meta,
    source: { ...data.meta.source, committedAt: `${HOSTILE_DATA_DAY}T12:00:00Z`, date: HOSTILE_DATA_DAY },
    warnings: [...data.meta.warnings, HOSTILE_CAP_WARNING],
  };
  return data;
}

/** The hostile dataset as a data directory, written (and validated) by the project's writer. */
export async function hostileDataDir(): Promise<string> {
  return writeDataDir(await hostileDataset());
}
