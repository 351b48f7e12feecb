/**
 * A review (review.ts) as Markdown for a pull-request comment: what the change would do to
 * each scope timeline and document, then the rule findings of scs-0003-v1, then how it moves
 * the readiness of draft scope versions. Upstream text
 * (titles, subjects) goes through mdText, so it cannot open HTML or break a link.
 */
import { mdText } from '../report/report-markdown.ts';
import type { Review } from './review.ts';

/** The comment's first line: the workflow finds and updates its own earlier comment by it. */
export const REVIEW_HEADING = '### What this change does to the SCS certification timeline';

export function reviewMarkdown(r: Review): string {
  const out = [
    REVIEW_HEADING,
    '',
    `Base \`${r.base.slice(0, 7)}\`, head \`${r.head.slice(0, 7)}\` (${mdText(r.subject)}), as if merged on ${r.on}.`,
    '',
  ];
  if (r.conflicts.length > 0) {
    out.push(
      `The change does not merge cleanly into \`${r.base.slice(0, 7)}\` (conflicts in ${r.conflicts.map((f) => `\`${f}\``).join(', ')}): rebase it, and the review can tell what it does.`,
    );
    return `${out.join('\n')}\n`;
  }
  if (r.errors.length > 0) {
    out.push('**The sync could not read the result:**', '', ...r.errors.map((e) => `- ${mdText(e)}`), '');
  }
  for (const s of r.scopes) {
    out.push(
      `#### ${mdText(s.name)} (\`${s.file}\`)`,
      '',
      ...s.sentences.map((t) => `- ${mdText(t).replace(/\\`/g, '`')}`),
      '',
    );
    if (s.findings.length === 0) out.push('Rule check (scs-0003-v1): no rule broken, no advisory.', '');
    else {
      out.push('Rule check (scs-0003-v1):', '');
      for (const f of s.findings)
        out.push(
          `- **${f.severity === 'violation' ? `Breaks ${f.rule}` : 'Advisory'}** (${f.section}): ${mdText(f.message)}`,
        );
      out.push('');
    }
  }
  if (r.documents.length > 0)
    out.push('#### Standards (scs-0001-v1 lifecycle)', '', ...r.documents.map((d) => `- ${mdText(d)}`), '');
  if (r.readiness.length > 0)
    out.push(
      `#### Readiness of draft scope versions on ${r.on}`,
      '',
      ...r.readiness.map((c) => `- ${mdText(c.sentence)}`),
      '',
    );
  if (r.scopes.length === 0 && r.documents.length === 0 && r.errors.length === 0) {
    out.push('No scope timeline, scope version or document lifecycle changes.', '');
  }
  if (r.unchanged.length > 0)
    out.push(
      `Also changed, without effect on timelines or lifecycles: ${r.unchanged.map((f) => `\`${f}\``).join(', ')}.`,
      '',
    );
  out.push(
    r.violations > 0
      ? `**${r.violations} rule violation${r.violations === 1 ? '' : 's'}.**`
      : r.errors.length > 0
        ? '**The result does not parse.**'
        : 'No rule violation.',
  );
  return `${out.join('\n')}\n`;
}
