import { describe, expect, it } from 'vitest';
import { REVIEW_HEADING, reviewMarkdown } from '../../../src/domain/review/markdown.ts';
import type { Review, ScopeReview } from '../../../src/domain/review/review.ts';
import type { Finding } from '../../../src/domain/rules/finding.ts';
import { sha } from '../../support/build-scope.ts';
import { PR835_KAAS_READINESS } from '../../support/review-examples.ts';

const BASE = sha('base');
const HEAD = sha('head');
const review = (extra: Partial<Review> = {}): Review => ({
  base: BASE,
  head: HEAD,
  subject: 'Announce v5 (#900)',
  on: '2024-11-21',
  scopes: [],
  documents: [],
  readiness: [],
  unchanged: [],
  errors: [],
  conflicts: [],
  violations: 0,
  ...extra,
});
const finding = (rule: Finding['rule'], severity: Finding['severity'], section: string, message: string): Finding => ({
  rule,
  severity,
  section,
  scope: 'iaas',
  commit: HEAD,
  landed: '2024-11-21',
  pr: 900,
  message,
  values: {},
});
const iaas = (sentences: string[], findings: Finding[] = []): ScopeReview => ({
  scope: 'iaas',
  name: 'SCS-compatible IaaS',
  file: 'Tests/scs-compatible-iaas.yaml',
  sentences,
  findings,
});
const lines = (r: Review) => reviewMarkdown(r).split('\n');

describe('reviewMarkdown', () => {
  it('starts with the heading the workflow finds its own comment by, then base, head, subject and day', () => {
    expect(REVIEW_HEADING).toBe('### What this change does to the SCS certification timeline');
    expect(lines(review()).slice(0, 3)).toEqual([
      REVIEW_HEADING,
      '',
      `Base \`${BASE.slice(0, 7)}\`, head \`${HEAD.slice(0, 7)}\` (Announce v5 \\(\\#900\\)), as if merged on 2024-11-21.`,
    ]);
  });

  it('says when nothing the timeline tracks changes, and ends with no violation', () => {
    expect(reviewMarkdown(review())).toBe(
      `${REVIEW_HEADING}\n\nBase \`${BASE.slice(0, 7)}\`, head \`${HEAD.slice(0, 7)}\` (Announce v5 \\(\\#900\\)), as if merged on 2024-11-21.\n\nNo scope timeline, scope version or document lifecycle changes.\n\nNo rule violation.\n`,
    );
  });

  it('one section per scope: its sentences with their code spans, then its rule check', () => {
    const r = review({
      scopes: [
        iaas(
          ['v4 `warn` on 2025-01-01 — 41 days ahead', 'version v6 added'],
          [
            finding(
              'R1',
              'violation',
              'scs-0003-v1, Timeline entry',
              'v5 is effective from 2025-01-01, but has no stabilized_at',
            ),
            finding(
              'notice',
              'advisory',
              'scs-0003-v1, Process',
              'sets 2024-11-21 0 days ahead, less than the 14 days of announcement',
            ),
          ],
        ),
      ],
      violations: 1,
    });
    const out = lines(r);
    expect(out.slice(3)).toEqual([
      '',
      '#### SCS-compatible IaaS (`Tests/scs-compatible-iaas.yaml`)',
      '',
      '- v4 `warn` on 2025-01-01 — 41 days ahead',
      '- version v6 added',
      '',
      'Rule check (scs-0003-v1):',
      '',
      '- **Breaks R1** (scs-0003-v1, Timeline entry): v5 is effective from 2025-01-01, but has no stabilized\\_at',
      '- **Advisory** (scs-0003-v1, Process): sets 2024-11-21 0 days ahead, less than the 14 days of announcement',
      '',
      '**1 rule violation.**',
      '',
    ]);
  });

  it('a scope without findings says that no rule is broken', () => {
    expect(lines(review({ scopes: [iaas(['version v6 added'])] }))).toContain(
      'Rule check (scs-0003-v1): no rule broken, no advisory.',
    );
  });

  it('counts violations in the plural', () => {
    expect(lines(review({ scopes: [iaas(['x'])], violations: 2 })).at(-2)).toBe('**2 rule violations.**');
  });

  it('lists the documents’ lifecycle changes and the files without effect', () => {
    const out = lines(
      review({
        documents: ['scs-0100-v3: status Draft → Stable, stabilized_at — → 2024-11-21'],
        unchanged: ['README.md', 'Tests/run.py'],
      }),
    );
    expect(out).toContain('#### Standards (scs-0001-v1 lifecycle)');
    expect(out).toContain('- scs-0100-v3: status Draft → Stable, stabilized\\_at — → 2024-11-21');
    expect(out).toContain('Also changed, without effect on timelines or lifecycles: `README.md`, `Tests/run.py`.');
    expect(out).not.toContain('No scope timeline, scope version or document lifecycle changes.');
  });

  it('tells how the readiness of draft scope versions moves, after the documents, and nothing when it does not', () => {
    const readiness = [PR835_KAAS_READINESS];
    const out = lines(review({ documents: ['scs-0214-v2: status Draft → Stable'], readiness }));
    const at = out.indexOf('#### Readiness of draft scope versions on 2024-11-21');
    expect(at).toBeGreaterThan(out.indexOf('#### Standards (scs-0001-v1 lifecycle)'));
    expect(out.slice(at, at + 4)).toEqual([
      '#### Readiness of draft scope versions on 2024-11-21',
      '',
      '- KaaS v1: scs-0214-v2 Draft → every included standard Stable',
      '',
    ]);
    expect(lines(review({ documents: ['scs-0214-v2: status Draft → Stable'] })).join('\n')).not.toContain('Readiness');
  });

  it('a result that does not parse: the problems, and it says so at the end', () => {
    const out = lines(
      review({ errors: ['Tests/scs-compatible-iaas.yaml: timeline[0].versions.v4 = "effectiv": expected one of …'] }),
    );
    expect(out).toContain('**The sync could not read the result:**');
    expect(out).toContain(
      '- Tests/scs-compatible-iaas.yaml: timeline\\[0\\].versions.v4 \\= "effectiv": expected one of …',
    );
    expect(out.at(-2)).toBe('**The result does not parse.**');
    expect(out).not.toContain('No scope timeline, scope version or document lifecycle changes.');
  });

  it('a change that does not merge cleanly: only that, and how to go on', () => {
    const md = reviewMarkdown(
      review({ conflicts: ['Tests/scs-compatible-kaas.yaml', 'Standards/x.md'], scopes: [iaas(['ignored'])] }),
    );
    expect(md.split('\n').slice(3)).toEqual([
      '',
      `The change does not merge cleanly into \`${BASE.slice(0, 7)}\` (conflicts in \`Tests/scs-compatible-kaas.yaml\`, \`Standards/x.md\`): rebase it, and the review can tell what it does.`,
      '',
    ]);
  });

  it('escapes upstream text: a subject, scope name or sentence cannot open HTML, break a link or a line', () => {
    const hostile = '<img src=x onerror=alert(1)> [x](javascript:alert(2))\n# heading';
    const md = reviewMarkdown(
      review({
        subject: hostile,
        scopes: [
          {
            ...iaas([hostile]),
            name: hostile,
            findings: [finding('R2', 'violation', 'scs-0003-v1, Process', hostile)],
          },
        ],
        documents: [hostile],
        violations: 1,
      }),
    );
    expect(md).not.toMatch(/(?<!\\)<img|(?<!\\)\]\(javascript:|\n# heading|(?<!\\)#heading/);
    const escaped = '\\<img src\\=x onerror\\=alert\\(1\\)\\> \\[x\\]\\(javascript:alert\\(2\\)\\) \\# heading';
    const out = md.split('\n');
    expect(out[2]).toContain(`(${escaped})`);
    for (const line of [
      `#### ${escaped} (\`Tests/scs-compatible-iaas.yaml\`)`,
      `- ${escaped}`,
      `- **Breaks R2** (scs-0003-v1, Process): ${escaped}`,
    ])
      expect(out).toContain(line);
  });
});
