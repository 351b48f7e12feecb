/**
 * The hostile site (tests/support/hostile-site.ts, built once by the global setup): the
 * project's data plus pull requests and a document with hostile titles, labels and authors
 * (HTML, script, Markdown link syntax, CRLF). /progress/, /report/ and /report.md show them
 * as text only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { MAX_PAGE_ROWS } from '../../src/domain/parse/caps.ts';
import { HOSTILE_CAP_WARNING, MANY_PULLS } from '../support/hostile-site.ts';

const dist = inject('hostileDir');
const read = (path: string) => readFileSync(join(dist, path), 'utf8');

describe('hostile strings on the progress and report pages', () => {
  it('/progress/ shows title, author and label as escaped text', () => {
    const html = read('progress/index.html');
    expect(html).toContain('#90101</a> Stabilize &lt;script&gt;alert(&quot;pr&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;b onmouseover=alert(3)&gt;me&lt;/b&gt;');
    expect(html).toContain('&lt;i&gt;label&lt;/i&gt;');
    expect(html).toContain('changes requested');
    for (const bad of ['<script>alert', '<img src=x', '<b onmouseover', '<i>label']) expect(html).not.toContain(bad);
  });

  it('/report/ and /report.md: escaped in HTML; in Markdown no raw HTML, no extra slide, the link stays ours', () => {
    const html = read('report/index.html');
    expect(html).toContain('PR#90101</a> Stabilize &lt;script&gt;');
    for (const bad of ['<script>alert', '<img src=x', '<b onmouseover']) expect(html).not.toContain(bad);
    const md = read('report.md');
    const line = md.split('\n').find((l) => l.startsWith('- [PR#90101]'))!;
    expect(line).toBe(
      '- [PR#90101](https://github.com/SovereignCloudStack/standards/pull/90101) Stabilize \\<script\\>alert\\("pr"\\)\\</script\\> \\]\\(javascript:alert\\(1\\)\\) \\[x\\]\\(https://evil.invalid\\) --- \\# \\<img src\\=x onerror\\=alert\\(2\\)\\> (stabilization, \\<b onmouseover\\=alert\\(3\\)\\>me\\</b\\>)',
    );
    expect(md).not.toMatch(/(^|[^\\])</m);
    expect(md.match(/^---$/gm) ?? []).toHaveLength(0);
    expect(md).toContain('[PR#90102](https://github.com/SovereignCloudStack/standards/pull/90102)');
  });
});

describe('caps on the hostile site', () => {
  it('every page says that a cap took effect, with the sync’s warning as text', () => {
    for (const page of ['index.html', 'progress/index.html', 'standards/index.html', 'scopes/iaas/index.html']) {
      const html = read(page);
      expect(html).toContain('id="caps-reached"');
      expect(html).toContain(`<li>${HOSTILE_CAP_WARNING.slice(0, HOSTILE_CAP_WARNING.indexOf('<'))}&lt;img src=x`);
      expect(html).not.toContain('<img src=x');
    }
  });

  it('/progress/ lists MAX_PAGE_ROWS of the many open pull requests, then how many more and where every one is', () => {
    const html = read('progress/index.html');
    // Each kind's table, with the line after it.
    const tables = html
      .split('<table class="progress-table"')
      .slice(1)
      .map((t) => ({
        rows: (t.split('</table>')[0]!.match(/<tr data-pr=/g) ?? []).length,
        after: t.split('</table>')[1]!.split('</section>')[0]!,
      }));
    expect(Math.max(...tables.map((t) => t.rows))).toBe(MAX_PAGE_ROWS);
    const full = tables.find((t) => t.rows === MAX_PAGE_ROWS)!;
    expect(full.after).toMatch(
      /… and \d+ more open pull requests of this kind, not listed here to keep this page small; every one is in <a href="\/timeline\/api\/v1\/pulls.json">api\/v1\/pulls.json<\/a>/,
    );
    expect(Number(/data-more="(\d+)"/.exec(full.after)![1])).toBeGreaterThanOrEqual(5);
    for (const t of tables.filter((x) => x.rows < MAX_PAGE_ROWS)) expect(t.after).not.toContain('more-rows');
    const api = read('api/v1/pulls.json');
    for (const n of MANY_PULLS) expect(api).toContain(`"number": ${n},`);
  });

  it('/standards/<series>/ lists MAX_PAGE_ROWS pull requests of the series, newest first, then how many more', () => {
    const html = read('standards/scs-0123/index.html');
    const rows = [...html.matchAll(/<tr data-pr="(\d+)"/g)].map((m) => Number(m[1]));
    expect(rows).toHaveLength(MAX_PAGE_ROWS);
    expect(rows[0]).toBe(MANY_PULLS.at(-1));
    expect(html).toMatch(/… and \d+ more pull requests of this series/);
  });
});
