/**
 * `scs-timeline review` as a workflow runs it, on a real clone of the snapshot (skipped, saying
 * so, without ../shared), between two commits of upstream `main` and between `main` and an open
 * pull request's head; and its usage errors, which need no snapshot. In this process
 * (tests/support/cli.ts), and once as the real process whose exit code a workflow reads.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { cli, cliProcess } from '../support/cli.ts';
import { PR835_KAAS_READINESS } from '../support/review-examples.ts';
import { HAVE_SNAPSHOT, snapshotClone } from '../support/snapshot.ts';

vi.setConfig({ testTimeout: 120_000 });

const review = (args: string[]) => cli(['review', ...args], '2026-08-21');

// #859 (cf3a261, 2024-12-20), #824 (ebfaa1a, 2024-11-21), #835 (3b478a7, 2024-11-26) on upstream main.
const PR859 = 'cf3a26137ade461d83d9b70be23f1762d8f9e2b4';
const PR824 = 'ebfaa1af4fdb1d7a3dbeb3c88261777db2bdb664';
const PR835 = '3b478a786a958ad5a24d23217503af351b7938c9';

describe('review: bad usage exits 2', () => {
  it('without --repo, --base or --head', async () => {
    const r = await review(['--base', 'main']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('scs-timeline: review needs --repo <clone> --base <rev> --head <rev>\n');
  });
  it('with a clone that does not exist, or an option of another command', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'scs-review-')), 'nothing');
    const r = await review(['--repo', missing, '--base', 'main', '--head', 'main']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no such directory; expected a clone of the standards repository');
    expect((await review(['--scope', 'iaas'])).code).toBe(2);
  });
});

describe.skipIf(!HAVE_SNAPSHOT)('review on a clone of the snapshot', () => {
  let repo: string;
  beforeAll(() => {
    repo = snapshotClone();
  }, 120_000);

  it('#859 on 2024-12-20: the history’s sentences, both R2 violations, exit 1', async () => {
    const r = await review(['--repo', repo, '--base', `${PR859}^`, '--head', PR859, '--on', '2024-12-20']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('### What this change does to the SCS certification timeline');
    expect(lines).toEqual(
      expect.arrayContaining([
        '#### SCS-compatible IaaS (`Tests/scs-compatible-iaas.yaml`)',
        '- v4 `warn` moved from 2025-01-01 to 2025-02-01 — 43 days ahead',
        '- version v5.1 added',
        '- **Breaks R2** (scs-0003-v1, Process): removed the entry of 2025-01-01 \\(v4 warn, v5 effective\\), dated after it landed on 2024-12-20',
        '- **Breaks R2** (scs-0003-v1, Process): added an entry dated 2024-12-19 \\(v4 effective, v5.1 effective\\), before the day it landed \\(2024-12-20\\)',
      ]),
    );
    expect(lines.at(-2)).toBe('**2 rule violations.**');
    // The process a workflow runs: the same Markdown on stdout, and exit code 1.
    const args = ['review', '--repo', repo, '--base', `${PR859}^`, '--head', PR859, '--on', '2024-12-20'];
    expect(await cliProcess(args, { ...process.env, SCS_TODAY: '2026-08-21' })).toEqual(r);
  });

  it('#824 on 2024-11-21: v5 effective and v4 warn on 2025-01-01, only the notice advisory, exit 0', async () => {
    const r = await review(['--repo', repo, '--base', `${PR824}^`, '--head', PR824, '--on', '2024-11-21']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '- v5 `effective` on 2024-11-21 — on the day\n- v4 `warn` on 2025-01-01 — 41 days ahead\n',
    );
    expect(r.stdout).toContain('- **Advisory** (scs-0003-v1, Process): sets 2024-11-21 0 days ahead');
    expect(r.stdout).not.toContain('Breaks');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('No rule violation.');
  });

  it('#835: the stabilization of scs-0214-v2 in the document’s words; as JSON too', async () => {
    const args = ['--repo', repo, '--base', `${PR835}^`, '--head', PR835, '--on', '2024-11-26'];
    const r = await review(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('- scs-0214-v2: status Draft → Stable, stabilized\\_at — → 2024-11-21\n');
    const json = JSON.parse((await review([...args, '--json'])).stdout) as {
      documents: string[];
      violations: number;
      head: string;
    };
    expect(json).toMatchObject({
      documents: ['scs-0214-v2: status Draft → Stable, stabilized_at — → 2024-11-21'],
      violations: 0,
      head: PR835,
    });
  });

  it('#835 moves KaaS v1 from "scs-0214-v2 Draft" to every included standard Stable; #824 takes IaaS v5 out of draft', async () => {
    const args = ['--repo', repo, '--base', `${PR835}^`, '--head', PR835, '--on', '2024-11-26'];
    const r = await review(args);
    expect(r.stdout).toContain(
      '#### Readiness of draft scope versions on 2024-11-26\n\n- KaaS v1: scs-0214-v2 Draft → every included standard Stable\n',
    );
    const json = JSON.parse((await review([...args, '--json'])).stdout) as { readiness: unknown[] };
    expect(json.readiness).toEqual([PR835_KAAS_READINESS]);
    const v5 = await review(['--repo', repo, '--base', `${PR824}^`, '--head', PR824, '--on', '2024-11-21']);
    expect(v5.stdout).toContain(
      '- IaaS v5 leaves draft: effective on 2024-11-21 \\(before: every included standard Stable\\)\n',
    );
    // #859 changes no draft version: no readiness section.
    const r859 = await review(['--repo', repo, '--base', `${PR859}^`, '--head', PR859, '--on', '2024-12-20']);
    expect(r859.stdout).not.toContain('Readiness');
  });

  it('an open pull request against main: #1195 adds scs-0219-v2; #842, forked from an older main, does not merge cleanly and says so', async () => {
    const add = await review(['--repo', repo, '--base', 'main', '--head', 'refs/pull/1195/head']);
    expect(add.code).toBe(0);
    expect(add.stdout).toContain('as if merged on 2026-08-21.');
    expect(add.stdout).toContain('- scs-0219-v2 added \\(Draft\\)');
    const conflict = await review(['--repo', repo, '--base', 'main', '--head', 'refs/pull/842/head']);
    expect(conflict.code).toBe(0);
    expect(conflict.stdout).toContain(
      'does not merge cleanly into `077174d` (conflicts in `Tests/scs-compatible-kaas.yaml`)',
    );
  });

  it('a revision that does not exist is bad usage', async () => {
    const r = await review(['--repo', repo, '--base', 'no-such-rev', '--head', 'main']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no commit "no-such-rev"');
  });
});
