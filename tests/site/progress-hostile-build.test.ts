/**
 * A real `astro build` of the project's data plus pull requests and a document with hostile
 * titles, labels and authors (HTML, script, Markdown link syntax, CRLF): /progress/,
 * /report/ and /report.md show them as text only. Its own cache directory, so it cannot race
 * other builds of the project.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PullRequest } from '../../src/domain/schemas/data.ts';
import { writeDataset } from '../../src/io/dataset.ts';
import { buildSite } from '../support/astro-build.ts';
import { realData } from '../support/real-data.ts';

const TODAY = '2025-01-15';
const TITLE = 'Stabilize <script>alert("pr")</script> ](javascript:alert(1)) [x](https://evil.invalid)\r\n---\r\n# <img src=x onerror=alert(2)>';
const AUTHOR = '<b onmouseover=alert(3)>me</b>';
const LABEL = '<i>label</i>';

let dist: string;
const read = (path: string) => readFileSync(join(dist, path), 'utf8');

beforeAll(async () => {
  const data = structuredClone(await realData());
  const hostile = (number: number, state: PullRequest['state'], stamp: string): PullRequest => ({
    number, title: TITLE, state, author: AUTHOR, createdAt: '2025-01-10T10:00:00+01:00', updatedAt: stamp,
    mergedAt: state === 'merged' ? stamp : null, closedAt: state === 'merged' ? stamp : null, labels: [LABEL], reviewDecision: 'CHANGES_REQUESTED',
    files: ['Standards/scs-0123-v1-mandatory-and-supported-IaaS-services.md'], documents: ['scs-0123-v1'], scopes: [],
    url: `https://github.com/SovereignCloudStack/standards/pull/${number}`,
  });
  data.pulls.push(hostile(90101, 'open', '2025-01-11T10:00:00Z'), hostile(90102, 'merged', '2025-01-12T10:00:00Z'));
  const dir = join(mkdtempSync(join(tmpdir(), 'scs-progress-data-')), 'data');
  await writeDataset(dir, data);
  dist = await buildSite({ dataDir: dir, today: TODAY, label: 'progress-hostile' });
}, 300_000);

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
