/**
 * The proposed dates under "what is coming" (src/components/due/ProposedDates.tsx), rendered
 * as the server renders them: each marked proposed, escaped, and honest about what the data
 * cannot say.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import ProposedDates from '../../../src/components/due/ProposedDates.tsx';
import type { ComingProposals } from '../../../src/domain/report/coming.ts';

const REPO = 'SovereignCloudStack/standards';
const render = (proposed: ComingProposals, day = '2024-11-19') =>
  renderToStaticMarkup(createElement(ProposedDates, { proposed, day, repo: REPO }));
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();

const v5 = {
  subject: 'IaaS v5',
  scope: 'iaas',
  document: null,
  kind: 'announced' as const,
  date: '2024-11-21',
  previous: null,
  phrase: 'becomes effective on 2024-11-21',
  pr: 824,
  title: 'Stabilize <b>v5</b> & more',
  opened: '2024-11-13',
  source: 'merged' as const,
};

describe('ProposedDates', () => {
  it('lists each date marked proposed, with its pull request linked and the title escaped', () => {
    const html = render({ openOn: '2024-11-19', known: true, transitions: [v5], others: 1 });
    expect(html).toContain('<span class="proposed">proposed</span>');
    expect(html).toContain(`<a href="https://github.com/${REPO}/pull/824">#824</a>`);
    expect(html).toContain('Stabilize &lt;b&gt;v5&lt;/b&gt; &amp; more');
    expect(text(html)).toContain(
      'proposed 2024-11-21: IaaS v5 becomes effective on 2024-11-21, by #824 Stabilize &lt;b&gt;v5&lt;/b&gt; &amp; more (open since 2024-11-13; its change as merged later)',
    );
    expect(text(html)).toContain('1 other pull request open then proposes changes without a date ahead');
  });

  it('says when no pull request open then proposes a date, and whose data that is past its end', () => {
    const none = text(render({ openOn: '2026-08-21', known: true, transitions: [], others: 0 }, '2026-12-01'));
    expect(none).toBe(
      'No pull request open on 2026-08-21 (pull requests as of, the data’s end) proposes a date from 2026-12-01 on.',
    );
  });

  it('from commit messages only, says which were open is not known instead of claiming none', () => {
    const unknown = text(render({ openOn: '2024-11-19', known: false, transitions: [], others: 0 }));
    expect(unknown).toBe(
      'Pull requests come from commit messages only: which were open on 2024-11-19, and what they proposed, is not known.',
    );
  });
});
