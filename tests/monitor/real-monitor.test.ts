/**
 * The whole way from upstream's own compliance monitor to this tracker's answers: the
 * monitor from the snapshot on Debian's PostgreSQL, made-up accounts, reports by the real
 * scs-compliance-check.py (fake check tool) signed and posted, then the real sync with
 * `--monitor` and `scs-timeline subject`. The monitor's clock is set with libfaketime:
 * 2026-12-01, then (same database) 2025-08-01, as the answers recorded in
 * ../shared/fixtures/compliance-monitor/ were made. In its bootstrap.yaml acme-old is in group
 * acme, which the monitor's overview table (a fixed list of certified clouds) does not link:
 * the sync is told `--monitor-group acme`, and reads the members from the monitor's own page.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncMonitorInto } from '../support/monitor-sync.ts';
import {
  GROUP_ACME_ON_2025_08_01,
  HAVE_MONITOR_FIXTURES,
  HAVE_SNAPSHOT,
  MONITOR_FIXTURES,
  snapshotClone,
} from '../support/monitor-fixtures.ts';
import { runScript } from '../support/upstream-repo.ts';
import { tempDir } from '../support/files.ts';
import { cli as runCli } from '../support/cli.ts';
import {
  checkReport,
  missingForMonitor,
  postReport,
  PYTHON,
  prepareUpstream,
  signReport,
  startMonitor,
  startPostgres,
  type Monitor,
  type Postgres,
} from './support/real-monitor.ts';

const missing =
  HAVE_SNAPSHOT && HAVE_MONITOR_FIXTURES ? missingForMonitor() : ['the snapshot and the monitor fixtures in ../shared'];
if (missing.length) {
  if (process.env.CI === 'true')
    throw new Error(
      `CI=true but the real compliance monitor cannot run: missing ${missing.join('; ')} (.ci/run installs them)`,
    );
  console.warn(`SKIPPED: the real compliance-monitor test needs ${missing.join('; ')}.`);
}

const NOW = '2026-12-01 18:28:00';
const THEN = '2025-08-01 12:00:00';
const IAAS = '50393e6f-2ae1-4c5c-a62c-3b75f2abef3f';
const KAAS = '1fffebe6-fd4b-44d3-a36c-fc58b4bb0180';

describe.skipIf(missing.length > 0)('the real compliance monitor, synced', () => {
  let work: string;
  let pg: Postgres;
  let monitor: Monitor | null = null;
  let monitorDir: string;
  const data: Record<'now' | 'then', string> = { now: '', then: '' };

  async function syncInto(name: 'now' | 'then') {
    const dir = join(work, `data-${name}`);
    const r = await syncMonitorInto(monitor!.url, dir);
    expect(r.code, r.stderr).toBe(0);
    // /status, the table, group acme's page and the seven groups the table links (no accounts here).
    expect(r.stdout).toContain(
      '2 subjects (acme-cloud, acme-old), 3 scope results; 1 group: group-acme (acme-old); 10 requests\n',
    );
    expect(r.stdout).toContain(
      `monitor: ${monitor!.url}/markdown/table links 7 groups without members at this monitor, not kept: group-artcodix,`,
    );
    // The monitor's answer has no field the schema does not know.
    expect(r.stdout).not.toContain('warning');
    data[name] = dir;
  }

  beforeAll(async () => {
    work = tempDir('real-monitor');
    const upstream = prepareUpstream(snapshotClone(), work, join(MONITOR_FIXTURES, 'bootstrap.yaml'));
    monitorDir = upstream.monitorDir;
    pg = await startPostgres();
    monitor = await startMonitor(monitorDir, pg, NOW);

    // The testcases v5.1 added over v4, by upstream's own reading of the scope file: acme-old fails them.
    const added = execFileSync(
      PYTHON,
      [
        '-c',
        [
          'import yaml, scs_cert_lib',
          "spec = scs_cert_lib.load_spec(yaml.safe_load(open('scs-compatible-iaas.yaml')))",
          "v = spec['versions']",
          "print(','.join(sorted(set(v['v5.1']['targets']['main']) - set(v['v4']['targets']['main']))))",
        ].join('\n'),
      ],
      { cwd: upstream.testsDir },
    )
      .toString()
      .trim()
      .split(',');
    expect(added.length).toBeGreaterThan(0);

    const keys = join(MONITOR_FIXTURES, 'keys');
    const cloud = await checkReport(
      upstream.testsDir,
      work,
      'scs-compatible-iaas.yaml',
      'acme-cloud',
      ['os_cloud=acme'],
      [],
      NOW,
    );
    const old = await checkReport(
      upstream.testsDir,
      work,
      'scs-compatible-iaas.yaml',
      'acme-old',
      ['os_cloud=old'],
      added,
      NOW,
    );
    // KaaS as a report written by hand: conformance and version policy pass, networking fails, the manual check is not done.
    const kaas = join(work, 'acme-cloud-kaas.json');
    writeFileSync(
      kaas,
      JSON.stringify({
        spec: { uuid: KAAS, name: 'SCS-compatible KaaS' },
        checked_at: NOW.replace(' ', 'T'),
        reference_date: NOW.slice(0, 10),
        subject: 'acme-cloud',
        run: {
          uuid: '7e0e2f2a-5a43-4b0a-9f55-0c4b1c9b2f10',
          invocations: {
            'c0a9f1de-2f7c-4e55-9a51-2b8e8d6b7c11': {
              id: 'c0a9f1de-2f7c-4e55-9a51-2b8e8d6b7c11',
              cmd: 'by hand',
              rc: 0,
              stderr: [],
              stdout: ['cncf-k8s-conformance: PASS', 'version-policy-check: PASS', 'kaas-networking-check: FAIL'],
              results: { 'cncf-k8s-conformance': 1, 'version-policy-check': 1, 'kaas-networking-check': -1 },
            },
          },
        },
      }),
    );
    signReport(cloud, join(keys, 'acme_ed25519'), work);
    signReport(old, join(keys, 'other_ed25519'), work);
    signReport(kaas, join(keys, 'acme_ed25519'), work);
    await postReport(monitor, cloud, 'acme-cloud', 'acme-secret', 'yaml');
    await postReport(monitor, old, 'acme-old', 'old-secret', 'yaml');
    await postReport(monitor, kaas, 'acme-cloud', 'acme-secret', 'json');
    await syncInto('now');

    // The same monitor and database, started with its clock at 2025-08-01.
    await monitor.stop();
    monitor = await startMonitor(monitorDir, pg, THEN);
    await syncInto('then');
  }, 600_000);

  afterAll(async () => {
    await monitor?.stop();
    await pg?.stop();
  });

  const cli = (args: string[]) => runCli(args);

  it('acme-cloud on 2026-12-01: passes IaaS v5.1; results expire on 2026-12-14 (re-test by 2026-12-13); nothing due', async () => {
    const r = await cli(['subject', 'acme-cloud', '--on', '2026-12-01', '--data', data.now]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      '  IaaS: passes IaaS v5.1; results expire on 2026-12-14 (re-test by 2026-12-13); nothing due\n',
    );
    expect(r.stdout).toContain('  KaaS: non-compliant');
    expect(r.stdout).toContain(`/page/detail/acme-cloud/${IAAS}`);
  });

  it('acme-old on 2025-08-01: relies on IaaS v4 (tentative: a testcase is missing); v4 deprecated since 2025-07-01, so overdue', async () => {
    const r = await cli(['subject', 'acme-old', '--on', '2025-08-01', '--data', data.then]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('acme-old on 2025-08-01: overdue\n');
    expect(r.stdout).toContain('IaaS: relies on IaaS v4 (tentative: 1 testcase missing: scs-0104-image-ubuntu-2204)');
    expect(r.stdout).toContain('v4 deprecated since 2025-07-01, so overdue\n');
  });

  it('acme-old on 2026-12-01 passes nothing in force', async () => {
    const r = await cli(['subject', 'acme-old', '--on', '2026-12-01', '--data', data.now]);
    expect(r.stdout).toContain(
      'IaaS: non-compliant: passes no version of IaaS that is or was in force; needs IaaS v5.1',
    );
    expect(r.stdout).toMatch(/toward: passes 38 of 54 testcases of IaaS v5\.1 \(effective\); 16 testcases failed/);
  });

  it('finds group acme with member acme-old on the monitor’s own pages', async () => {
    for (const dir of [data.now, data.then]) {
      const file = JSON.parse(readFileSync(join(dir, 'subjects.json'), 'utf8'));
      expect(file.groups).toEqual([{ id: 'group-acme', linked: false, members: ['acme-old'] }]);
    }
    // What the monitor itself shows for the group: the member's section.
    const page = await (await fetch(`${monitor!.url}/markdown/detail/group-acme/${IAAS}`)).text();
    expect(page).toContain('## acme-old: SCS-compatible IaaS');
  });

  it('group-acme on 2026-12-01: its worst member acme-old passes nothing in force, nothing to re-test by, nothing due', async () => {
    const r = await cli(['subject', 'group-acme', '--on', '2026-12-01', '--data', data.now]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      'group-acme (a group, as the monitor defines it: the accounts of group acme: acme-old) on 2026-12-01: non-compliant\n',
    );
    expect(r.stdout).toContain(
      '  IaaS: worst member acme-old: non-compliant: passes no version of IaaS that is or was in force; needs IaaS v5.1; for the group: no re-test day (no member relies on live results); nothing due\n',
    );
    // The monitor of data.now, started with the clock at 2026-12-01, has stopped since: its port is in the data.
    expect(r.stdout).toMatch(new RegExp(`\n    monitor: http://127\\.0\\.0\\.1:\\d+/page/detail/group-acme/${IAAS}\n`));
  });

  it('group-acme on 2025-08-01: overdue with acme-old (v4 deprecated since 2025-07-01), re-test by 2026-12-13', async () => {
    const r = await cli(['subject', 'group-acme', '--on', '2025-08-01', '--data', data.then]);
    expect(r.code, r.stderr).toBe(0);
    for (const line of GROUP_ACME_ON_2025_08_01) expect(r.stdout).toContain(line);
  });

  it('an unreachable monitor leaves data/ unchanged', async () => {
    await monitor!.stop();
    const gone = monitor!.url;
    monitor = null;
    const before = execFileSync('sh', ['-c', `cd ${data.now} && sha256sum * && ls -l --time-style=+%s.%N`]).toString();
    const r = await runScript('scripts/sync.ts', ['--monitor', gone, '--monitor-only', '--out', data.now]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`GET ${gone}/status: the monitor did not answer`);
    expect(execFileSync('sh', ['-c', `cd ${data.now} && sha256sum * && ls -l --time-style=+%s.%N`]).toString()).toBe(
      before,
    );
  });
});
