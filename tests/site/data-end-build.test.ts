/**
 * The real `astro build` of the project's data for 2026-12-01, more than three months after
 * the pull-request data ends (2026-08-21): /report/, /report.md and /progress/ say where the
 * data ends, count up to that day, and chart nothing past its month; every call week of the
 * data has its report, pre-rendered and linked. The last successful check (three days before
 * the build) is handed over as the deploy workflow does: every page warns about the check.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { buildReport } from '../../src/domain/report/report.ts';
import { reportMarkdown } from '../../src/domain/report/report-markdown.ts';
import { MAX_REPORT_WEEKS } from '../../src/domain/parse/caps.ts';
import { reportWeeks } from '../../src/domain/report/weeks.ts';
import { realData } from '../support/real-data.ts';

// Built once by the global setup (tests/site/global-setup.ts), shared with the home page's e2e test.
const dist = inject('dataEndDir');
const read = (path: string) => readFileSync(join(dist, path), 'utf8');
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');

describe('built on 2026-12-01, last checked on 2026-11-28', () => {
  // data/ is what a GitHub sync of the snapshot writes (tests/sync/github/github-snapshot.test.ts).
  it('says how old the newest upstream commit is, when the data was last checked, and warns about the check', () => {
    const html = read('index.html');
    expect(html).toMatch(/SCS-compatible IaaS|IaaS/);
    const page = text(html);
    expect(page).toContain('The newest upstream commit is 102 days old.');
    expect(page).toContain('Last checked against upstream 2026-11-28.');
    expect(page).toContain(
      'Last checked 3 days ago (2026-11-28): the sync has not succeeded since, so dates announced after that may be missing.',
    );
    // The check is known: the warning is about it, not about the age of the head.
    expect(page).not.toContain('days older than this build');
  });
});

describe('built on 2026-12-01, pull requests as of 2026-08-21', () => {
  it('/report/ and /report.md are the last week of the data and say so', () => {
    const page = text(read('report/index.html'));
    expect(page).toContain('Call report: 2026-08-15 to 2026-08-21');
    expect(page).toContain('pull requests as of 2026-08-21. The data ends before the build day (2026-12-01)');
    const md = read('report.md');
    expect(md.split('\n')[2]).toBe('Report for 2026-08-15 to 2026-08-21, pull requests as of 2026-08-21');
    expect(md).not.toContain('- Pull requests: 0 opened, 0 merged, 0 closed');
  });

  it('/progress/ counts up to 2026-08-21: ages, staleness, the last four weeks, charts', () => {
    const html = read('progress/index.html');
    const page = text(html);
    expect(page).toContain(
      'Pull requests as of 2026-08-21, where the pull-request data ends (this page is built for 2026-12-01; nothing after 2026-08-21 is counted)',
    );
    expect(page).toContain('Merged or closed since 2026-07-25');
    // No month after the data's end in any chart table; August 2026 is the last row.
    for (const month of ['2026-09', '2026-10', '2026-11', '2026-12'])
      expect(html).not.toContain(`<th scope="row">${month}</th>`);
    expect(html).toContain('<th scope="row">2026-08</th>');
    // Not every open pull request is stale: idleness counts to the data's end, not to the build day.
    const rows = [...html.matchAll(/<tr data-pr="\d+"( class="stale")?/g)];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r[1] === undefined)).toBe(true);
  });
});

describe('rule findings (scs-0003-v1) on the scope pages of the same build', () => {
  it('the history of IaaS shows #859 breaking R2, and #824 only an advisory', () => {
    const html = read('scopes/iaas/index.html');
    const row = (commit: string) => text(html.split(`data-commit="${commit}"`)[1]!.split('</tr>')[0]!);
    expect(row('cf3a261')).toContain(
      'Breaks R2 (scs-0003-v1, Process): added an entry dated 2024-12-19 (v4 effective, v5.1 effective), before the day it landed (2024-12-20)',
    );
    expect(row('ebfaa1a')).toContain('Advisory (scs-0003-v1, Process): sets 2024-11-21 0 days ahead');
    expect(row('ebfaa1a')).not.toContain('Breaks');
    expect(row('08f5376')).toContain(
      'Breaks R4 (scs-0003-v1, Version descriptor): changed stable v3: stabilized_at 2023-06-15 → 2024-02-28',
    );
  });
  it('a revision page lists its findings, or says there are none', () => {
    expect(text(read('scopes/iaas/revisions/cf3a261/index.html'))).toContain(
      'Breaks R2 (scs-0003-v1, Process): removed the entry of 2025-01-01 (v4 warn, v5 effective), dated after it landed on 2024-12-20',
    );
    expect(text(read('scopes/kaas/revisions/aa661d9/index.html'))).toContain(
      'This revision breaks none of the rules checked, and no advisory applies.',
    );
  });
});

describe('a report for every call week of the data, in the same build', () => {
  it('lists every week, newest first, each linked to its page', async () => {
    const weeks = reportWeeks(await realData(), MAX_REPORT_WEEKS);
    const html = read('report/weeks/index.html');
    const listed = [...html.matchAll(/<li data-until="([\d-]+)"><a href="\/report\/weeks\/([\d-]+)\/">/g)];
    expect(listed.map((m) => m[1])).toEqual(weeks.map((w) => w.until).reverse());
    for (const m of listed) expect(m[2]).toBe(m[1]);
    for (const w of weeks) expect(() => read(`report/weeks/${w.until}/index.html`), w.until).not.toThrow();
    expect(text(html)).toContain('Call of 2024-11-21 (since 2024-11-14): 2 stabilized');
    expect(read('report/index.html')).toContain('href="/report/weeks/"');
  });

  it('the call of 2024-11-21: 2024-11-14 to 2024-11-21, scs-0214-v2 with #835 in progress, linked to the weeks before and after', async () => {
    const html = read('report/weeks/2024-11-21/index.html');
    const page = text(html);
    expect(page).toContain('Call report: 2024-11-14 to 2024-11-21');
    expect(page).toContain('For the call of 2024-11-21: from the previous call to this one, both days included');
    expect(page).toMatch(/PR#835 stabilization of scs-0214-v2, open \d+ days?/);
    expect(html).toMatch(/<a rel="prev" href="\/report\/weeks\/2024-11-14\/"/);
    expect(html).toMatch(/<a rel="next" href="\/report\/weeks\/2024-11-28\/"/);
    // Readable without JavaScript: the page loads none.
    expect(html).not.toMatch(/<script/i);
    const md = read('report/weeks/2024-11-21.md');
    expect(md).toBe(reportMarkdown(buildReport(await realData(), { since: '2024-11-14', until: '2024-11-21' })));
  });

  it('the week before runs from 2024-11-07; the first and the last week of the data end the chain', async () => {
    const before = text(read('report/weeks/2024-11-14/index.html'));
    expect(before).toContain('Call report: 2024-11-07 to 2024-11-14');
    const weeks = reportWeeks(await realData(), MAX_REPORT_WEEKS);
    const first = read(`report/weeks/${weeks[0]!.until}/index.html`);
    const last = read(`report/weeks/${weeks.at(-1)!.until}/index.html`);
    expect(first).not.toContain('rel="prev"');
    expect(text(first)).toContain('First week of the data');
    expect(last).not.toContain('rel="next"');
    expect(text(last)).toContain('Last week of the data');
    expect(weeks.at(-1)!.until <= '2026-08-21').toBe(true);
  });
});
