/**
 * The report's Markdown as reveal.js/HedgeDoc slides: split on `---` / `----` lines, every
 * slide has a heading, every link is well formed and points where it should, no raw HTML;
 * hostile titles (`<script>`, `]`, `)`, CRLF, Markdown) cannot break out.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport, type Report } from '../../../src/domain/report/report.ts';
import { BULLETS_PER_SLIDE, mdText, reportMarkdown } from '../../../src/domain/report/report-markdown.ts';
import type { Dataset, PullRequest } from '../../../src/domain/schemas/data.ts';
import { realData } from '../../support/real-data.ts';

let data: Dataset;
beforeAll(async () => {
  data = await realData();
});

/** Slides as reveal.js's Markdown plugin separates them (HedgeDoc: `---` and `----` lines). */
function slidesOf(md: string): string[] {
  return md.split(/^-{3,4}$/m).map((s) => s.trim());
}

/** Every inline link `[text](url)`; text may hold escaped brackets. */
function linksOf(md: string): { text: string; url: string }[] {
  return [...md.matchAll(/\[((?:\\.|[^\][\\])*)\]\(([^)\s]*)\)/g)].map((m) => ({ text: m[1]!, url: m[2]! }));
}

/** Brackets and parentheses not escaped with a backslash, outside links. */
function strayBrackets(line: string): string {
  return line
    .replace(/\[((?:\\.|[^\][\\])*)\]\(([^)\s]*)\)/g, '')
    .replace(/\\./g, '')
    .replace(/[^[\]<>]/g, '');
}

function checkStructure(md: string) {
  const slides = slidesOf(md);
  expect(slides.length).toBeGreaterThan(1);
  expect(slides[0]!.split('\n')[0]).toBe('# SIG Standards/Certification');
  for (const slide of slides) {
    const lines = slide.split('\n');
    expect(lines[0], slide).toMatch(/^#{1,2} \S/);
    const bullets = lines.filter((l) => l.startsWith('- '));
    expect(bullets.length, slide).toBeGreaterThan(0);
    expect(bullets.length, slide).toBeLessThanOrEqual(BULLETS_PER_SLIDE);
    for (const l of lines.slice(1))
      expect(
        l === '' ||
          l.startsWith('- ') ||
          /^Report for \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}, pull requests as of \d{4}-\d{2}-\d{2}$/.test(l),
        l,
      ).toBe(true);
  }
  // No raw HTML: every < is escaped.
  expect(md).not.toMatch(/(^|[^\\])</m);
  for (const line of md.split('\n')) expect(strayBrackets(line), line).toBe('');
  for (const { text, url } of linksOf(md)) {
    if (text.startsWith('PR#'))
      expect(url).toBe(`https://github.com/SovereignCloudStack/standards/pull/${text.slice(3)}`);
    else if (/^scs-\d{4}-[vw]\d+$/.test(text))
      expect(url).toMatch(new RegExp(`^https://docs\\.scs\\.community/standards/${text}-[A-Za-z0-9-]+$`));
    else throw new Error(`unexpected link [${text}](${url})`);
    expect(() => new URL(url)).not.toThrow();
  }
}

describe('report Markdown as slides', () => {
  it('has a heading on every slide, bullets only, well-formed links, no HTML (weeks of 2024-11 and 2024-12)', () => {
    checkStructure(reportMarkdown(buildReport(data, { since: '2024-11-19', until: '2024-11-26' })));
    checkStructure(reportMarkdown(buildReport(data, { since: '2024-12-16', until: '2024-12-22' })));
  });

  it('the deck for a busy quarter splits long lists over numbered sub-slides', () => {
    const md = reportMarkdown(buildReport(data, { since: '2024-10-01', until: '2024-12-31' }));
    checkStructure(md);
    expect(md).toMatch(/^## Merged \(1\/\d\)$/m);
  });

  it('a week with nothing keeps the summary and says nothing is due', () => {
    const md = reportMarkdown(buildReport(data, { since: '2021-08-01', until: '2021-08-07' }));
    expect(slidesOf(md)).toHaveLength(2);
    expect(md).toContain('- Pull requests: 0 opened, 0 merged, 0 closed');
    expect(md).toContain('## Due by 2021-10-06\n\n- nothing announced');
  });

  it('escapes hostile pull-request titles so they cannot open HTML or break a link', () => {
    const hostile: PullRequest = {
      number: 90001,
      title: 'Evil <script>alert(1)</script> ](https://evil.invalid) [x](y) *bold* `code`\r\n---\r\n# heading $x$',
      state: 'merged',
      author: '<img src=x onerror=alert(1)>',
      createdAt: '2024-11-20T10:00:00Z',
      updatedAt: '2024-11-21T10:00:00Z',
      mergedAt: '2024-11-21T10:00:00Z',
      closedAt: '2024-11-21T10:00:00Z',
      labels: [],
      reviewDecision: null,
      files: ['Standards/scs-0123-v1-mandatory-and-supported-IaaS-services.md'],
      documents: ['scs-0123-v1'],
      scopes: [],
      url: 'https://github.com/SovereignCloudStack/standards/pull/90001',
    };
    const md = reportMarkdown(
      buildReport({ ...data, pulls: [...data.pulls, hostile] }, { since: '2024-11-19', until: '2024-11-26' }),
    );
    checkStructure(md);
    const line = md.split('\n').find((l) => l.includes('PR#90001'))!;
    expect(line).toBe(
      '- [PR#90001](https://github.com/SovereignCloudStack/standards/pull/90001) Evil \\<script\\>alert\\(1\\)\\</script\\> \\]\\(https://evil.invalid\\) \\[x\\]\\(y\\) \\*bold\\* \\`code\\` --- \\# heading \\$x\\$ (revision, \\<img src\\=x onerror\\=alert\\(1\\)\\>)',
    );
    expect(md.match(/^---$/gm) ?? []).toHaveLength(0);
  });

  it('mdText escapes Markdown, HedgeDoc and HTML punctuation and flattens line breaks', () => {
    expect(mdText('a_b *c* [d](e) <f> & g | h ~i~ ^j^ ==k== $l$ #m \\n')).toBe(
      'a\\_b \\*c\\* \\[d\\]\\(e\\) \\<f\\> \\& g \\| h \\~i\\~ \\^j\\^ \\=\\=k\\=\\= \\$l\\$ \\#m \\\\n',
    );
    expect(mdText('line one\r\nline two\u2028three')).toBe('line one line two three');
  });

  it('an empty report value still renders', () => {
    const empty: Report = {
      since: '2025-01-01',
      until: '2025-01-07',
      pullsAsOf: '2025-01-07',
      covered: '2025-01-07',
      dueUntil: '2025-03-08',
      documents: { stabilized: [], deprecated: [], rejected: [], added: [] },
      scopeChanges: [],
      tookEffect: [],
      pulls: { opened: [], merged: [], closed: [] },
      due: [],
      findings: [],
      inProgress: null,
      readiness: null,
      proposals: null,
      proposalsKnown: true,
    };
    expect(reportMarkdown(empty).split('\n')[0]).toBe('# SIG Standards/Certification');
  });
});
