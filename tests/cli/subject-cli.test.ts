/**
 * `scs-timeline subject` on the answers recorded from a real monitor run, synced by the real
 * sync from a real HTTP server: the answers the issue asks for, word for word (the command
 * line in this process, tests/support/cli.ts).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GROUP_ACME_ON_2025_08_01, HAVE_MONITOR_FIXTURES, recorded } from '../support/monitor-fixtures.ts';
import { startMonitorServer, type MonitorServer } from '../support/monitor-server.ts';
import { syncMonitorInto } from '../support/monitor-sync.ts';
import { tempDir } from '../support/files.ts';
import { cli as runCli } from '../support/cli.ts';

let server: MonitorServer;
let answer = 'status.json';
const dirs: Record<string, string> = {};

/** The committed data/ plus the monitor's subjects, as a sync with --monitor leaves it. */
async function dataWith(status: string): Promise<string> {
  answer = status;
  const dir = join(tempDir('subject-cli'), 'data');
  // The monitor alone: the rest is the committed data, synced from the snapshot.
  const r = await syncMonitorInto(server.url, dir);
  expect(r.code, r.stderr).toBe(0);
  return dir;
}

const cli = (args: string[]) => runCli(args, '2026-12-01');

describe.skipIf(!HAVE_MONITOR_FIXTURES)('scs-timeline subject', () => {
  beforeAll(async () => {
    server = await startMonitorServer(() => ({ body: recorded(answer) }));
    dirs.now = await dataWith('status.json');
    dirs.faked = await dataWith('status-faked-2025-08-01.json');
  });
  afterAll(() => server?.close());

  it('acme-cloud on 2026-12-01: passes IaaS v5.1, results expire 2026-12-14, re-test by 2026-12-13, nothing due', async () => {
    const r = await cli(['subject', 'acme-cloud', '--on', '2026-12-01', '--data', dirs.now!]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      '  IaaS: passes IaaS v5.1; results expire on 2026-12-14 (re-test by 2026-12-13); nothing due\n',
    );
    expect(r.stdout).toContain('certificate expiry: not published');
    expect(r.stdout).toContain(`monitor: ${server.url}/page/detail/acme-cloud/50393e6f-2ae1-4c5c-a62c-3b75f2abef3f`);
    const j = JSON.parse((await cli(['subject', 'acme-cloud', '--json', '--data', dirs.now!])).stdout);
    const iaas = j.scopes.find((s: { scopeId: string }) => s.scopeId === 'iaas');
    expect(iaas).toMatchObject({
      reliesOn: { version: 'v5.1', outcome: 'pass', validity: 'effective' },
      compliant: true,
      expires: '2026-12-14',
      retestBy: '2026-12-13',
      due: null,
      overdue: null,
    });
    expect(j.certificate.expires).toBeNull();
  });

  it('acme-old on 2025-08-01: relies on IaaS v4, tentative (a testcase missing), deprecated since 2025-07-01, so overdue', async () => {
    const r = await cli(['subject', 'acme-old', '--on', '2025-08-01', '--data', dirs.faked!]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('acme-old on 2025-08-01: overdue\n');
    expect(r.stdout).toContain('IaaS: relies on IaaS v4 (tentative: 1 testcase missing: scs-0104-image-ubuntu-2204);');
    expect(r.stdout).toContain('; v4 deprecated since 2025-07-01, so overdue\n');
    expect(r.stdout).toMatch(/toward: passes 38 of 54 testcases of IaaS v5\.1 \(effective\); 16 testcases failed: /);
  });

  it('acme-old on 2026-12-01 passes nothing in force: non-compliant', async () => {
    const r = await cli(['subject', 'acme-old', '--data', dirs.now!]);
    expect(r.stdout).toContain(
      'IaaS: non-compliant: passes no version of IaaS that is or was in force; needs IaaS v5.1',
    );
  });

  it('group-acme on 2026-12-01: its member acme-old is its worst; nothing to re-test by, nothing due', async () => {
    const r = await cli(['subject', 'group-acme', '--on', '2026-12-01', '--data', dirs.now!]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      'group-acme (a group, as the monitor defines it: the accounts of group acme: acme-old) on 2026-12-01: non-compliant\n',
    );
    expect(r.stdout).toContain('(named with --monitor-group); newest result of a member checked on 2026-12-01\n');
    expect(r.stdout).toContain(
      '  IaaS: worst member acme-old: non-compliant: passes no version of IaaS that is or was in force; needs IaaS v5.1; for the group: no re-test day (no member relies on live results); nothing due\n',
    );
    expect(r.stdout).toContain(
      '    acme-old: non-compliant: passes no version of IaaS that is or was in force; needs IaaS v5.1\n',
    );
    expect(r.stdout).toContain(
      `    monitor: ${server.url}/page/detail/group-acme/50393e6f-2ae1-4c5c-a62c-3b75f2abef3f\n`,
    );
    expect(r.stdout).toContain('certificate expiry: not published');
    // acme-old has no KaaS result, so the group has no KaaS line.
    expect(r.stdout).not.toContain('KaaS');
    const j = JSON.parse(
      (await cli(['subject', 'GROUP-ACME', '--on', '2026-12-01', '--json', '--data', dirs.now!])).stdout,
    );
    expect(j).toMatchObject({
      subject: 'group-acme',
      group: true,
      members: ['acme-old'],
      linked: false,
      urgency: 'non-compliant',
    });
    expect(j.scopes).toHaveLength(1);
    expect(j.scopes[0]).toMatchObject({ scopeId: 'iaas', worst: 'acme-old', retestBy: null, due: null, overdue: null });
    expect(j.scopes[0].members).toMatchObject([
      { subject: 'acme-old', reported: true, result: -1, urgency: 'non-compliant' },
    ]);
  });

  it('group-acme on 2025-08-01: overdue with its member, re-test by 2026-12-13', async () => {
    const r = await cli(['subject', 'group-acme', '--on', '2025-08-01', '--data', dirs.faked!]);
    expect(r.code, r.stderr).toBe(0);
    for (const line of GROUP_ACME_ON_2025_08_01) expect(r.stdout).toContain(line);
    const j = JSON.parse(
      (await cli(['subject', 'group-acme', '--on', '2025-08-01', '--json', '--data', dirs.faked!])).stdout,
    );
    expect(j.scopes[0]).toMatchObject({
      worst: 'acme-old',
      retestBy: { day: '2026-12-13', members: ['acme-old'] },
      overdue: { version: 'v4', validity: 'deprecated', since: '2025-07-01', members: ['acme-old'] },
    });
    expect(j.scopes[0].members[0].result).toBeNull();
  });

  it('a subject says which groups it is a member of', async () => {
    expect((await cli(['subject', 'acme-old', '--data', dirs.now!])).stdout).toContain('\n  member of group-acme\n');
    expect((await cli(['subject', 'acme-cloud', '--data', dirs.now!])).stdout).not.toContain('member of');
    const j = JSON.parse((await cli(['subject', 'acme-old', '--json', '--data', dirs.now!])).stdout);
    expect(j).toMatchObject({ group: false, memberOf: ['group-acme'] });
  });

  it('an unknown subject or none at all is a usage error naming what there is', async () => {
    const unknown = await cli(['subject', 'nobody', '--data', dirs.now!]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown subject "nobody"; the monitor');
    expect(unknown.stderr).toContain('reported acme-cloud, acme-old, group-acme (a group)');
    expect((await cli(['subject', '--data', dirs.now!])).code).toBe(2);
    expect((await cli(['subject', 'acme-old', '--scope', 'iaas', '--data', dirs.now!])).code).toBe(2);
  });
});

describe('scs-timeline subject on data without subjects', () => {
  it('exits 1 and says how to sync from a monitor', async () => {
    const r = await cli(['subject', 'acme-cloud']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('subjects.json: missing: the data has no subjects; sync with --monitor <base URL>');
  });
});
