/**
 * The call report as slide Markdown for the SCS community call's deck (HedgeDoc, reveal.js):
 * one slide `# SIG Standards/Certification` with the summary, then a vertical sub-slide
 * (`----`) per topic with a `##` heading and a bullet list. Long lists are split over
 * several sub-slides so each fits on a screen. Text from pull requests and documents is
 * escaped so that it can neither open HTML nor break a link; link targets are built here
 * from numbers and file names only.
 */
import { proposalSource, proposalWords } from '../events/proposals.ts';
import { PR_KIND_LABELS } from '../pulls/pr-kind.ts';
import { IN_PROGRESS_LABELS } from './in-progress.ts';
import type { Report } from './report.ts';

export const SLIDE_SEPARATOR = '---';
export const SUB_SLIDE_SEPARATOR = '----';
/** Bullets per slide before a list continues on the next sub-slide. */
export const BULLETS_PER_SLIDE = 8;

/**
 * Markdown-safe inline text: line breaks become spaces and every character that Markdown,
 * HedgeDoc (math `$`, `==mark==`, `^sup^`, `~sub~`) or HTML give a meaning is backslash-escaped,
 * which CommonMark allows for all ASCII punctuation.
 */
export function mdText(text: string): string {
  return text
    .replace(/[\r\n\t\u2028\u2029]+/g, ' ')
    .trim()
    .replace(/[\\`*_{}[\]()<>#+!|~&$=^]/g, (c) => `\\${c}`);
}

/** A link; `label` is escaped unless it is one of ours (`PR#824`, `scs-0123-v1`). */
function link(label: string, url: string): string {
  const text = /^(PR#\d+|scs-\d{4}-[vw]\d+)$/.test(label) ? label : mdText(label);
  return `[${text}](${url.replace(/[()\s<>]/g, (c) => encodeURIComponent(c))})`;
}

const prLink = (pr: number | null, url: string | null) => (pr !== null && url !== null ? link(`PR#${pr}`, url) : null);
const withPr = (pr: number | null, url: string | null) => {
  const l = prLink(pr, url);
  return l ? ` (${l})` : '';
};

/** Sub-slides with a heading and bullets; empty lists give no slide, long ones several. */
function slides(heading: string, bullets: string[]): string[] {
  if (bullets.length === 0) return [];
  const parts = Math.ceil(bullets.length / BULLETS_PER_SLIDE);
  const out: string[] = [];
  for (let i = 0; i < parts; i++) {
    const title = parts > 1 ? `${heading} (${i + 1}/${parts})` : heading;
    out.push([`## ${title}`, '', ...bullets.slice(i * BULLETS_PER_SLIDE, (i + 1) * BULLETS_PER_SLIDE)].join('\n'));
  }
  return out;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function reportMarkdown(report: Report): string {
  const d = report.documents;
  const summary = [
    '# SIG Standards/Certification',
    '',
    `Report for ${report.since} to ${report.until}, pull requests as of ${report.pullsAsOf}`,
    '',
    ...(report.covered === null
      ? [`- No data for this period: the data ends ${report.pullsAsOf}, before it starts`]
      : [
          ...(report.covered < report.until
            ? [`- The data ends ${report.pullsAsOf}: counted up to that day, no data after it`]
            : []),
          `- Standards: ${d.stabilized.length} stabilized, ${d.deprecated.length} deprecated, ${plural(d.added.length, 'new document')}${d.rejected.length ? `, ${d.rejected.length} rejected` : ''}`,
          `- Scope timelines: ${plural(report.scopeChanges.length, 'change')}, ${plural(report.tookEffect.length, 'transition')} took effect`,
          `- Pull requests: ${report.pulls.opened.length} opened, ${report.pulls.merged.length} merged, ${report.pulls.closed.length} closed`,
        ]),
    `- Due by ${report.dueUntil}: ${plural(report.due.length, 'transition')}`,
  ].join('\n');

  const doc = (x: Report['documents']['added'][number], what: string) =>
    `- ${link(x.id, x.url)} ${mdText(x.title)}: ${what}${withPr(x.pr, x.prUrl)}`;
  const documentBullets = [
    ...d.stabilized.map((x) => doc(x, x.on ? `Stable from ${x.on}` : 'Stable')),
    ...d.deprecated.map((x) => doc(x, x.on ? `Deprecated from ${x.on}` : 'Deprecated')),
    ...d.rejected.map((x) => doc(x, 'Rejected')),
    ...d.added.map((x) => doc(x, x.state === 'Draft' || x.state === null ? 'new draft' : `added as ${x.state}`)),
  ];

  const scopeBullets = report.scopeChanges.map((c) => {
    const subject = `${mdText(c.scopeName)} ${mdText(c.version)}`;
    return `- ${subject} ${mdText(c.phrase)}${withPr(c.pr, c.prUrl)}`;
  });

  const transition = (t: Report['due'][number]) => {
    const subject = t.url ? link(t.subject, t.url) : mdText(t.subject);
    return `- ${t.date}: ${subject} ${mdText(t.phrase)}${withPr(t.pr, t.prUrl)}`;
  };

  const pull = (p: Report['pulls']['merged'][number]) =>
    `- ${link(`PR#${p.number}`, p.url)} ${mdText(p.title)} (${PR_KIND_LABELS[p.kind].toLowerCase()}${p.author ? `, ${mdText(p.author)}` : ''})`;

  const finding = (f: Report['findings'][number]) =>
    `- ${f.severity === 'violation' ? `breaks ${f.rule}` : 'advisory'} (${mdText(f.section)}): ${mdText(f.scopeName)}: ${mdText(f.message)}${withPr(f.pr, f.prUrl)}`;

  const days = (n: number | null) => (n === null ? 'open' : `open ${plural(n, 'day')}`);
  const open = (p: NonNullable<Report['inProgress']>['pulls'][number]) => {
    const subjects = [...p.documents, ...p.scopes.map((s) => `the ${s} scope`)];
    const what = `${IN_PROGRESS_LABELS[p.kind]}${subjects.length ? ` of ${subjects.map(mdText).join(', ')}` : ''}`;
    return `- ${link(`PR#${p.number}`, p.url)} ${what}, ${days(p.daysOpen)}${p.stale ? `, stale (no update for ${p.idleDays} days)` : ''}: ${mdText(p.title)}`;
  };
  const inProgressSlides = report.inProgress
    ? slides(`In progress on ${report.inProgress.on}`, report.inProgress.pulls.map(open))
    : [];

  // Only when some version is in draft: most weeks none is, and an empty slide says nothing.
  const readinessSlides =
    report.readiness && report.inProgress
      ? slides(
          `Draft scope versions on ${report.inProgress.on}`,
          report.readiness.map((r) => `- ${mdText(r.words)}`),
        )
      : [];

  // Proposed, never announced: the slide says so in its title and each line names its source.
  const proposed = (p: NonNullable<Report['proposals']>[number]) =>
    `- ${link(`PR#${p.pr}`, p.url)} ${mdText(p.title)} (${proposalSource(p)}): ${mdText(proposalWords(p))}`;
  const proposalSlides =
    report.proposals && report.inProgress
      ? slides(`Proposed, not announced: pull requests open on ${report.inProgress.on}`, report.proposals.map(proposed))
      : [];

  const dueSlides =
    report.due.length > 0
      ? slides(`Due by ${report.dueUntil}`, report.due.map(transition))
      : [`## Due by ${report.dueUntil}\n\n- nothing announced`];

  const all = [
    summary,
    ...slides('Standards', documentBullets),
    ...slides('Scope timelines', scopeBullets),
    ...slides('Rule check (scs-0003-v1)', report.findings.map(finding)),
    ...slides('Took effect', report.tookEffect.map(transition)),
    ...slides('Merged', report.pulls.merged.map(pull)),
    ...slides('Opened', report.pulls.opened.map(pull)),
    ...slides('Closed without merge', report.pulls.closed.map(pull)),
    ...inProgressSlides,
    ...readinessSlides,
    ...proposalSlides,
    ...dueSlides,
  ];
  return `${all.join(`\n\n${SUB_SLIDE_SEPARATOR}\n\n`)}\n`;
}
