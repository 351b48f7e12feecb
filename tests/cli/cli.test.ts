/**
 * The `scs-timeline` command on the committed data/, with "today" fixed by SCS_TODAY: in this
 * process (tests/support/cli.ts) for the answers, and as a real process on the project's Node
 * for what a process adds (stdout, stderr and exit code as the shell sees them, bin/).
 */
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli as runCli, cliProcess } from '../support/cli.ts';
import type { CliResult as Run } from '../../src/cli/run.ts';

// A zone 14 hours ahead of UTC, where a day computed through local time would move.
process.env.TZ = 'Pacific/Kiritimati';

const ROOT = resolve(import.meta.dirname, '../..');
const NODE = join(ROOT, 'node_modules/.bin/node');

const cli = (args: string[], today = '2025-01-15'): Promise<Run> => runCli(args, today);

async function ok(args: string[], today?: string): Promise<string> {
  const r = await cli(args, today);
  expect(r.stderr, args.join(' ')).toBe('');
  expect(r.code, args.join(' ')).toBe(0);
  return r.stdout;
}

const json = async (args: string[], today?: string) => JSON.parse(await ok([...args, '--json'], today)) as unknown;

describe.concurrent('validity', () => {
  it('prints each version of the scope on a day', async () => {
    expect(await ok(['validity', '--scope', 'iaas', '--on', '2025-01-15'])).toBe(
      [
        'SCS-compatible IaaS on 2025-01-15 (current timeline)',
        '  next     deprecated',
        '  v5.1     effective',
        '  v4       effective',
        '  v3       deprecated',
        '',
      ].join('\n'),
    );
  });
  it('answers on the day before, of and after a transition (KaaS v1 effective 2024-11-26)', async () => {
    const on = (day: string) => json(['validity', '--scope', 'kaas', '--on', day]);
    const answers = await Promise.all(['2024-11-25', '2024-11-26', '2024-11-27', '2024-02-27'].map(on));
    expect(answers).toEqual([
      [{ version: 'v1', validity: 'draft' }],
      [{ version: 'v1', validity: 'effective' }],
      [{ version: 'v1', validity: 'effective' }],
      [{ version: 'v1', validity: 'deprecated' }],
    ]);
  });
  it('answers for days whose timeline entries upstream has pruned', async () => {
    expect(await json(['validity', '--scope', 'iaas', '--on', '2024-06-01'])).toEqual([
      { version: 'next', validity: 'deprecated' },
      { version: 'v5.1', validity: 'deprecated' },
      { version: 'v4', validity: 'effective' },
      { version: 'v3', validity: 'warn' },
    ]);
  });
  it('uses the timeline as it stood on --as-of', async () => {
    // Before #859 (2024-12-20), v4 was to turn warn on 2025-01-01; after, on 2025-02-01.
    const before = await ok(['validity', '--scope', 'iaas', '--on', '2025-01-15', '--as-of', '2024-12-19']);
    expect(before).toMatch(
      /^SCS-compatible IaaS on 2025-01-15 \(timeline as of 2024-12-19 \([0-9a-f]{7}, 2024-11-21, #824\)\)\n/,
    );
    expect(before).toContain('  v4       warn\n');
    const after = await ok(['validity', '--scope', 'iaas', '--on', '2025-01-15', '--as-of', '2024-12-20']);
    expect(after).toContain('(timeline as of 2024-12-20 (');
    expect(after).toContain(', 2024-12-20, #859))');
    expect(after).toContain('  v4       effective\n');
  });
  it('finds a scope by uuid or name', async () => {
    const bySlug = await json(['validity', '--scope', 'kaas', '--on', '2025-01-15']);
    expect(await json(['validity', '--scope', 'SCS-compatible KaaS', '--on', '2025-01-15'])).toEqual(bySlug);
    expect(await json(['validity', '--scope', 'KaaS', '--on', '2025-01-15'])).toEqual(bySlug);
  });
});

describe.concurrent('periods', () => {
  it('prints each version’s periods, to exclusive', async () => {
    expect(await ok(['periods', '--scope', 'kaas'])).toBe(
      [
        'SCS-compatible KaaS: periods (current timeline; "to" is exclusive)',
        '  v1       deprecated  …          → 2024-02-28',
        '  v1       draft       2024-02-28 → 2024-11-26',
        '  v1       effective   2024-11-26 → …',
        '',
      ].join('\n'),
    );
  });
  it('gives JSON [{version, validity, from, to}]', async () => {
    expect(await json(['periods', '--scope', 'kaas'])).toEqual([
      { version: 'v1', validity: 'deprecated', from: null, to: '2024-02-28' },
      { version: 'v1', validity: 'draft', from: '2024-02-28', to: '2024-11-26' },
      { version: 'v1', validity: 'effective', from: '2024-11-26', to: null },
    ]);
    const iaas = (await json(['periods', '--scope', 'iaas'])) as {
      version: string;
      validity: string;
      from: string | null;
      to: string | null;
    }[];
    expect(iaas.filter((p) => p.version === 'v4')).toEqual([
      { version: 'v4', validity: 'deprecated', from: null, to: '2024-02-28' },
      { version: 'v4', validity: 'effective', from: '2024-02-28', to: '2025-02-01' },
      { version: 'v4', validity: 'warn', from: '2025-02-01', to: '2025-07-01' },
      { version: 'v4', validity: 'deprecated', from: '2025-07-01', to: null },
    ]);
  });
  it('uses the timeline as it stood on --as-of', async () => {
    const asOf = (await json(['periods', '--scope', 'iaas', '--as-of', '2024-12-01'])) as {
      version: string;
      validity: string;
      from: string | null;
    }[];
    expect(asOf.find((p) => p.version === 'v4' && p.validity === 'warn')?.from).toBe('2025-01-01');
  });
});

describe.concurrent('versions', () => {
  interface Row {
    version: string;
    validity: string;
    document: string | null;
    documentState: string | null;
    stabilizedAt: string | null;
    stabilizedFrom: string | null;
    standards: string[];
    disagreements: { fact: string }[];
  }
  const rows = async (scope: string, on: string) =>
    ((await json(['versions', '--scope', scope, '--on', on])) as { versions: Row[] }).versions;

  it('gives each version its document, stabilization day with its source, and included standards', async () => {
    const iaas = await rows('iaas', '2026-12-01');
    expect(iaas.map((r) => r.version)).toEqual(['next', 'v5.1', 'v4', 'v3', 'v5', 'v3-orig', 'v2', 'v1']);
    const v51 = iaas.find((r) => r.version === 'v5.1')!;
    expect(v51).toMatchObject({
      validity: 'effective',
      document: 'scs-0501-v5',
      documentState: 'Stable',
      stabilizedAt: '2024-12-19',
      stabilizedFrom: 'scope file',
    });
    expect(v51.standards).toContain('scs-0123-v1');
    expect(iaas.find((r) => r.version === 'v5')!.standards).not.toContain('scs-0123-v1');
    expect(iaas.find((r) => r.version === 'v3')!.disagreements.map((d) => d.fact)).toContain('stabilized_at');
    const kaas = (await rows('kaas', '2026-12-01')).find((r) => r.version === 'v1')!;
    expect(kaas).toMatchObject({ document: 'scs-0502-v1', stabilizedAt: '2024-11-26' });
    expect(kaas.standards).toEqual(expect.arrayContaining(['scs-0214-v2', 'scs-0219-v1']));
  });

  it.each([
    ['2024-11-25', 'draft', 'Draft'],
    ['2024-11-26', 'effective', 'Stable'],
    ['2024-11-27', 'effective', 'Stable'],
  ])('KaaS v1 on %s: %s, its document %s', async (on, validity, state) => {
    expect((await rows('kaas', on)).find((r) => r.version === 'v1')).toMatchObject({ validity, documentState: state });
  });

  it('prints one line per version and one of what it includes, and says where the sources disagree', async () => {
    const text = await ok(['versions', '--scope', 'iaas', '--on', '2026-12-01']);
    expect(text).toMatch(/^SCS-compatible IaaS on 2026-12-01 \(as known now\): 8 versions/);
    expect(text).toContain('  v5.1     effective   scs-0501-v5 (Stable); stabilized 2024-12-19 (scope file)\n');
    expect(text).toMatch(/^ {11}includes \(scope file\) .*scs-0123-v1/m);
    expect(text).toContain(
      'stabilized_at: Tests/scs-compatible-iaas.yaml versions[v3].stabilized_at = 2024-02-28, but Standards/scs-0501-v3-scs-compatible-iaas.md stabilized_at = 2023-06-15',
    );
  });

  it('needs a known scope', async () => {
    const r = await cli(['versions', '--scope', 'paas']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown scope "paas"; expected one of iaas, kaas/);
  });
});

describe.concurrent('readiness', () => {
  it('says how close KaaS v1 was on 2024-11-21, as the data stood then', async () => {
    const text = await ok(['readiness', '--scope', 'kaas', '--on', '2024-11-21']);
    expect(text.split('\n').slice(0, 3)).toEqual([
      'SCS-compatible KaaS on 2024-11-21, as the data stood then:',
      '  KaaS v1: scs-0210-v2 and scs-0219-v1 Stable, CNCF Kubernetes conformance (external test); scs-0214-v2 Draft, stabilization PR #835 open 1 day',
      '    cncf-k8s-conformance   external test',
    ]);
    expect(text).toContain('    scs-0214-v2            Draft  #835 (stabilization, open 1 d)');
  });
  it('gives JSON, and says where the pull-request data ends past it', async () => {
    const answer = (await json(['readiness', '--scope', 'iaas', '--on', '2026-12-01'])) as {
      pullsAsOf: string;
      versions: { version: string; notStable: string[] }[];
    };
    expect(answer.pullsAsOf).toBe('2026-08-21');
    expect(answer.versions.map((v) => v.version)).toEqual(['next']);
    expect(answer.versions[0]!.notStable).toEqual(expect.arrayContaining(['scs-0102-v2', 'scs-0123-v2']));
    expect(await ok(['readiness', '--scope', 'iaas', '--on', '2026-12-01'])).toMatch(
      /^SCS-compatible IaaS on 2026-12-01, as the data stood then \(pull requests as of 2026-08-21, the data's end\):/,
    );
  });
  it('says when no version is in draft, and names the versions for --version', async () => {
    expect(await ok(['readiness', '--scope', 'kaas', '--on', '2024-11-26'])).toContain(
      '  no draft version on 2024-11-26; --version <v> asks about any version',
    );
    const r = await cli(['readiness', '--scope', 'kaas', '--on', '2024-11-21', '--version', 'v9']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'scs-timeline: SCS-compatible KaaS had no version "v9" on 2024-11-21; expected one of v1, v2\n',
    );
  });
});

describe.concurrent('proposals', () => {
  it('says what the pull requests open on 2024-11-14 proposed, #824 among them, marked as not announced', async () => {
    expect(await ok(['proposals', '--on', '2024-11-14'])).toBe(
      [
        'Proposed, not announced: pull requests open on 2024-11-14:',
        '  #753 Enable compliance tests to use plugins for cluster provisioning (its change as merged later): KaaS v2 becomes a draft on 2024-02-28: withdrawn; KaaS v2 is removed from the scope file',
        '  #824 Stabilize SCS-compatible IaaS v5 (its change as merged later): IaaS v5 becomes effective on 2024-11-21; IaaS v4 enters its warn period on 2025-01-01',
        '',
      ].join('\n'),
    );
  });
  it('keeps to one scope with --scope, and past the data counts on its last day', async () => {
    const answer = (await json(['proposals', '--scope', 'iaas', '--on', '2024-11-14'])) as {
      proposals: { pr: number }[];
    };
    expect(answer.proposals.map((p) => p.pr)).toEqual([824]);
    expect(await ok(['proposals', '--scope', 'iaas'], '2026-12-01')).toBe(
      "Proposed, not announced: pull requests open on 2026-08-21 for SCS-compatible IaaS (pull requests as of 2026-08-21, the data's end):\n  none proposes a date\n",
    );
  });
});

describe.concurrent('upcoming', () => {
  it('lists transitions from today for N days, both ends included', async () => {
    const text = await ok(['upcoming', '--days', '17'], '2025-01-15');
    expect(text).toBe(
      [
        'Transitions from 2025-01-15 to 2025-02-01:',
        '  2025-01-16  scs-0005-v1 (Governance of the SCS community) becomes Stable',
        '  2025-02-01  IaaS v4 enters its warn period (#859)',
        '',
      ].join('\n'),
    );
    expect(await ok(['upcoming', '--from', '2025-02-02', '--days', '0'])).toBe(
      'Transitions from 2025-02-02 to 2025-02-02:\n  none\n',
    );
  });
  it('gives events as JSON with stable ids', async () => {
    const events = (await json(['upcoming', '--from', '2025-06-01', '--days', '60'])) as {
      id: string;
      date: string;
      kind: string;
    }[];
    expect(events.map((e) => `${e.date} ${e.id}`)).toContain('2025-07-01 scope/iaas/v4/deprecated');
    for (const e of events) expect(['validity', 'document']).toContain(e.kind);
  });
  it('defaults to 90 days from SCS_TODAY', async () => {
    expect(await ok(['upcoming'], '2025-04-02')).toMatch(
      /^Transitions from 2025-04-02 to 2025-07-01:\n[\s\S]*2025-07-01 {2}IaaS v4 \(scs-0501-v4\) can no longer be certified \(#955\)/,
    );
    expect(await ok(['upcoming'], '2025-04-01')).not.toContain('IaaS v4 (scs-0501-v4) can no longer be certified');
  });
});

describe.concurrent('standards', () => {
  it('gives each document’s state on a day (scs-0214-v2 Stable from 2024-11-21)', async () => {
    const on = async (day: string, ...flags: string[]) =>
      (
        (await json(['standards', '--on', day, '--track', 'KaaS', ...flags])) as {
          id: string;
          state: string;
          next: unknown;
        }[]
      ).find((d) => d.id === 'scs-0214-v2');
    expect(await on('2024-11-20', '--known-now')).toMatchObject({
      state: 'Draft',
      next: { state: 'Stable', on: '2024-11-21' },
    });
    expect(await on('2024-11-21', '--known-now')).toMatchObject({ state: 'Stable', next: null });
    // As known then: #835 wrote stabilized_at 2024-11-21 only when it landed, on 2024-11-26.
    expect(await on('2024-11-25')).toMatchObject({ state: 'Draft', next: null });
    expect(await on('2024-11-26')).toMatchObject({ state: 'Stable', next: null });
  });
  it('lists only what existed on a past day; --known-now lists it by today’s front matter, saying so', async () => {
    // scs-0201-v1 was added on 2026-04-24 (#1154).
    const ids = async (...flags: string[]) =>
      ((await json(['standards', '--on', '2024-11-21', ...flags])) as { id: string }[]).map((d) => d.id);
    expect(await ids()).not.toContain('scs-0201-v1');
    expect(await ids('--known-now')).toContain('scs-0201-v1');
    expect(await ok(['standards', '--on', '2024-11-21', '--known-now'])).toMatch(
      /^Standards on 2024-11-21, as known now \(today's front matter\)/,
    );
    expect(await ok(['standards', '--on', '2024-11-21'])).toMatch(/^Standards on 2024-11-21, as known then /);
  });
  it('filters by track, in any case, and prints a table', async () => {
    const text = await ok(['standards', '--track', 'kaas'], '2025-01-15');
    expect(text).toMatch(/^Standards on 2025-01-15 \(track kaas\), as known then [^\n]*: \d+ documents\n/);
    expect(text).toMatch(/\n {2}scs-0214-v2 {2}Stable +Standard +Kubernetes Node Distribution and Availability\n/);
    expect(text).not.toContain('scs-0100-');
  });
});

describe.concurrent('bad command lines exit 2 with one line saying what is accepted', () => {
  const cases: [string, string[], RegExp][] = [
    [
      'unknown scope',
      ['validity', '--scope', 'paas', '--on', '2025-01-01'],
      /^scs-timeline: unknown scope "paas"; expected one of iaas, kaas/,
    ],
    [
      'malformed --on',
      ['validity', '--scope', 'iaas', '--on', '2025-02-30'],
      /^scs-timeline: --on "2025-02-30" is not a calendar day; expected YYYY-MM-DD/,
    ],
    [
      'malformed --as-of',
      ['periods', '--scope', 'iaas', '--as-of', '12/01/2024'],
      /^scs-timeline: --as-of "12\/01\/2024" is not a calendar day/,
    ],
    ['malformed --from', ['upcoming', '--from', 'tomorrow'], /^scs-timeline: --from "tomorrow" is not a calendar day/],
    [
      'bad --days',
      ['upcoming', '--days', 'ten'],
      /^scs-timeline: --days "ten" is not a number of days; expected a whole number/,
    ],
    [
      'negative --days',
      ['upcoming', '--days', '-1'],
      /^scs-timeline: --days needs a value .*; upcoming accepts --from, --days, --json, --data$/,
    ],
    [
      'unknown option',
      ['validity', '--scope', 'iaas', '--on', '2025-01-01', '--verbose'],
      /^scs-timeline: unknown option --verbose; validity accepts --scope, --on, --as-of, --json, --data$/,
    ],
    [
      'option not applicable',
      ['periods', '--scope', 'iaas', '--on', '2025-01-01'],
      /^scs-timeline: option --on does not apply to periods; it accepts --scope, --as-of, --json, --data$/,
    ],
    ['missing --on', ['validity', '--scope', 'iaas'], /^scs-timeline: validity needs --on <YYYY-MM-DD>/],
    ['missing --scope', ['periods'], /^scs-timeline: --scope is required; expected one of iaas, kaas/],
    [
      'unknown command',
      ['due'],
      /^scs-timeline: unknown command "due"; expected one of validity, periods, versions, readiness, proposals, upcoming, standards/,
    ],
    [
      'stray argument',
      ['standards', 'KaaS'],
      /^scs-timeline: unexpected argument "KaaS"; options take the form --name <value>/,
    ],
    [
      'unknown track',
      ['standards', '--track', 'PaaS'],
      /^scs-timeline: unknown track "PaaS"; expected one of Global, IAM, IaaS, KaaS, Ops, Scopes$/,
    ],
    [
      'report over every day there is',
      ['report', '--since', '0001-01-01', '--until', '9999-12-31'],
      /^scs-timeline: --until 9999-12-31 is out of range; expected a day from 1970-01-01 to 9000-12-31$/,
    ],
    [
      '--on the day after the range',
      ['validity', '--scope', 'iaas', '--on', '9001-01-01'],
      /^scs-timeline: --on 9001-01-01 is out of range; expected a day from 1970-01-01 to 9000-12-31$/,
    ],
    [
      '--from the day before the range',
      ['upcoming', '--from', '1969-12-31'],
      /^scs-timeline: --from 1969-12-31 is out of range; expected a day from 1970-01-01 to 9000-12-31$/,
    ],
    [
      '--as-of before any revision',
      ['validity', '--scope', 'kaas', '--on', '2025-01-01', '--as-of', '2023-01-01'],
      /^scs-timeline: SCS-compatible KaaS had no timeline yet on 2023-01-01; --as-of accepts a day from 2024-03-06 on$/,
    ],
  ];
  for (const [name, args, message] of cases) {
    it(name, async () => {
      const r = await cli(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd()).toMatch(message);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    });
  }
  it('a malformed SCS_TODAY', async () => {
    const r = await cli(['upcoming'], '2025-13-01');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('scs-timeline: SCS_TODAY "2025-13-01" is not a calendar day; expected YYYY-MM-DD\n');
  });
  it('an SCS_TODAY out of range', async () => {
    const r = await cli(['upcoming'], '9999-12-31');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'scs-timeline: SCS_TODAY 9999-12-31 is out of range; expected a day from 1970-01-01 to 9000-12-31\n',
    );
  });
  it('the last and the first day of the range are accepted, with the most days', async () => {
    const last = await cli(['upcoming', '--days', '99999'], '9000-12-31');
    expect(last.code).toBe(0);
    expect(last.stdout).not.toMatch(/\d{5}-/);
    const first = await cli(['validity', '--scope', 'iaas', '--on', '1970-01-01']);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('');
  });
  it('--help prints the usage and exits 0', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^usage: scs-timeline <validity\|periods\|versions\|readiness\|proposals\|upcoming\|standards/,
    );
  });
});

describe.concurrent('unreadable data exits 1 naming the file', () => {
  it('a missing data directory', async () => {
    const r = await cli(['periods', '--scope', 'iaas', '--data', '/nonexistent/data']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'scs-timeline: cannot read the data:\n/nonexistent/data/meta.json: missing; expected a data directory with meta.json, scopes.json, documents.json, pulls.json (run npm run sync)\n',
    );
  });
  it('a data file that is not valid', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'scs-cli-')), 'data');
    cpSync(join(ROOT, 'data'), dir, { recursive: true });
    writeFileSync(join(dir, 'scopes.json'), '[{"id": "IaaS!"}]\n');
    const r = await cli(['periods', '--scope', 'iaas', '--data', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${join(dir, 'scopes.json')}: [0].id = "IaaS!": `);
  });
  it('reads another data directory with --data', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'scs-cli-')), 'data');
    cpSync(join(ROOT, 'data'), dir, { recursive: true });
    expect(await ok(['periods', '--scope', 'kaas', '--data', dir])).toBe(await ok(['periods', '--scope', 'kaas']));
  });
});

describe.concurrent('as a process', () => {
  // Each a real `node src/cli/main.ts`: what it prints, on which stream, and its exit code are
  // what the in-process run gives, for an answer, a data error and a usage error.
  for (const [code, args] of [
    [0, ['validity', '--scope', 'iaas', '--on', '2025-01-15']],
    [0, ['periods', '--scope', 'kaas', '--json']],
    [1, ['periods', '--scope', 'iaas', '--data', '/nonexistent/data']],
    [2, ['validity', '--scope', 'iaas']],
  ] as const) {
    it(`scs-timeline ${args.join(' ')}: exit ${code}`, async () => {
      const run = await cliProcess(args, { ...process.env, SCS_TODAY: '2025-01-15', TZ: 'Pacific/Kiritimati' });
      expect(run.code).toBe(code);
      expect(run[code === 0 ? 'stdout' : 'stderr']).not.toBe('');
      expect(run).toEqual(await cli([...args]));
    });
  }
});

describe.concurrent('bin/scs-timeline.js', () => {
  it('runs the CLI on the project’s Node', async () => {
    const viaBin = await new Promise<string>((done, fail) =>
      execFile(
        NODE,
        [join(ROOT, 'bin/scs-timeline.js'), 'periods', '--scope', 'kaas'],
        { cwd: ROOT, env: { ...process.env, SCS_TODAY: '2025-01-15' } },
        (error, stdout) => (error ? fail(error) : done(stdout)),
      ),
    );
    expect(viaBin).toBe(await ok(['periods', '--scope', 'kaas']));
  });
  it.skipIf(!existsSync('/usr/bin/node'))('says which Node it needs when started by an older one', async () => {
    const version = execFileSync('/usr/bin/node', ['--version'], { encoding: 'utf8' }).trim();
    const r = await new Promise<Run>((done) =>
      execFile(
        '/usr/bin/node',
        [join(ROOT, 'bin/scs-timeline.js'), 'periods', '--scope', 'kaas'],
        { cwd: ROOT },
        (error, stdout, stderr) =>
          done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
      ),
    );
    if (Number(version.slice(1).split('.')[0]) >= 24) {
      expect(r.code).toBe(0); // a new enough system Node simply runs it
      return;
    }
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `scs-timeline needs Node 24 (found ${version}); run it as "npm run timeline -- …" or "npx scs-timeline …" in the project.\n`,
    );
  });
});

describe.concurrent('rules', () => {
  it('lists the findings of every revision, #859 among them; --json gives the same findings; --scope narrows', async () => {
    const text = await ok(['rules']);
    expect(text).toMatch(
      /^Rules of scs-0003-v1 on SCS-compatible IaaS, SCS-compatible KaaS: \d+ violations, \d+ advisories\n/,
    );
    expect(text).toContain(
      '  2024-12-20  iaas  cf3a261 #859  R2 violation (scs-0003-v1, Process): added an entry dated 2024-12-19 (v4 effective, v5.1 effective), before the day it landed (2024-12-20)',
    );
    expect(text).toContain(
      '  2024-09-04  iaas  08f5376 #731  R4 violation (scs-0003-v1, Version descriptor): changed stable v3: stabilized_at 2023-06-15 → 2024-02-28',
    );
    const all = (await json(['rules'])) as { scope: string; pr: number | null; rule: string }[];
    expect(all.length).toBe(text.trimEnd().split('\n').length - 1);
    const kaas = (await json(['rules', '--scope', 'kaas'])) as { scope: string }[];
    expect(kaas.length).toBeGreaterThan(0);
    expect(kaas.every((f) => f.scope === 'kaas')).toBe(true);
    expect(all.filter((f) => f.pr === 824 && f.rule === 'R2')).toEqual([]);
  });
});
