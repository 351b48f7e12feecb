/**
 * The hostile site (tests/support/hostile-site.ts, built once by the global setup): the
 * project's data plus pull requests and a document with hostile titles, labels and authors
 * (HTML, script, Markdown link syntax, CRLF). /progress/, /report/ and /report.md show them
 * as text only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

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
      '- [PR#90101](https://github.com/SovereignCloudStack/standards/pull/90101) Stabilize \\<script\\>alert\\("pr"\\)\\</script\\> \\]\\(javascript:alert\\(1\\)\\) \\[x\\]\\(https://evil.invalid\\) --- \\# \\<img src\\=x onerror\\=alert\\(2\\)\\> (stabilization, \\<b onmouseover\\=alert\\(3\\)\\>me\\</b\\>)'
    );
    expect(md).not.toMatch(/(^|[^\\])</m);
    expect(md.match(/^---$/gm) ?? []).toHaveLength(0);
    expect(md).toContain('[PR#90102](https://github.com/SovereignCloudStack/standards/pull/90102)');
  });
});
