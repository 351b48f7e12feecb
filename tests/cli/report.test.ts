/**
 * `scs-timeline report` on the project's data (tests/support/cli.ts): its output and exit
 * codes (0 answered, 2 wrong command line, 1 unreadable data).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataset } from '../../src/io/dataset.ts';
import { buildReport, Report } from '../../src/domain/report/report.ts';
import { reportMarkdown } from '../../src/domain/report/report-markdown.ts';
import { cli as runCli } from '../support/cli.ts';

const DATA = resolve(import.meta.dirname, '../../data');

const cli = (args: string[], today = '2024-11-27') => runCli(args, today);

describe('scs-timeline report', () => {
  it('prints the slide Markdown for --since/--until, the same as the domain builds', async () => {
    const { code, stdout, stderr } = await cli(['report', '--since', '2024-11-19', '--until', '2024-11-26']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const expected = reportMarkdown(buildReport(await readDataset(DATA), { since: '2024-11-19', until: '2024-11-26' }));
    expect(stdout).toBe(expected);
    expect(stdout).toContain('[PR#824](https://github.com/SovereignCloudStack/standards/pull/824)');
  });

  it('defaults to the 7 days before today (SCS_TODAY)', async () => {
    const { code, stdout } = await cli(['report']);
    expect(code).toBe(0);
    expect(stdout.split('\n').slice(0, 3)).toEqual([
      '# SIG Standards/Certification',
      '',
      'Report for 2024-11-20 to 2024-11-26, pull requests as of 2026-08-21',
    ]);
    const onlyUntil = await cli(['report', '--until', '2024-12-22']);
    expect(onlyUntil.stdout).toContain('Report for 2024-12-16 to 2024-12-22');
  });

  it('built on 2026-12-01, defaults to the last week of the data and says so; a week past it has no data', async () => {
    const built = await cli(['report'], '2026-12-01');
    expect(built.code).toBe(0);
    expect(built.stdout.split('\n')[2]).toBe('Report for 2026-08-15 to 2026-08-21, pull requests as of 2026-08-21');
    const past = await cli(['report', '--since', '2026-11-24', '--until', '2026-11-30'], '2026-12-01');
    expect(past.code).toBe(0);
    expect(past.stdout).toContain('- No data for this period: the data ends 2026-08-21, before it starts');
    expect(past.stdout).not.toContain('0 opened');
  });

  it('prints JSON with --format json (and with --json)', async () => {
    for (const flags of [['--format', 'json'], ['--json']]) {
      const { code, stdout } = await cli(['report', '--since', '2024-12-16', '--until', '2024-12-22', ...flags]);
      expect(code).toBe(0);
      const json = JSON.parse(stdout);
      expect(Report.safeParse(json).success).toBe(true);
      expect(json).toMatchObject({ since: '2024-12-16', until: '2024-12-22', dueUntil: '2025-02-20' });
      expect(json.pulls.merged.map((p: { number: number }) => p.number)).toEqual([856, 859]);
    }
  });

  it.each([
    [
      ['report', '--since', '2024-11-31'],
      /^scs-timeline: --since "2024-11-31" is not a calendar day; expected YYYY-MM-DD/,
    ],
    [['report', '--until', 'yesterday'], /^scs-timeline: --until "yesterday" is not a calendar day/],
    [
      ['report', '--since', '2024-11-27', '--until', '2024-11-26'],
      /^scs-timeline: --since 2024-11-27 is after the end of the period 2024-11-26; expected --since <= --until/,
    ],
    [
      ['report', '--since', '2024-11-27'],
      /^scs-timeline: --since 2024-11-27 is after the end of the period 2024-11-26 \(the day before today, or the data's end 2026-08-21\)/,
    ],
    [['report', '--format', 'html'], /^scs-timeline: --format "html" is not a report format; expected md or json/],
    [
      ['report', '--scope', 'iaas'],
      /^scs-timeline: option --scope does not apply to report; it accepts --since, --until, --format/,
    ],
    [
      ['report', '--since'],
      /^scs-timeline: --since needs a value; report accepts --since, --until, --format, --json, --data/,
    ],
  ])('exits 2 with one line for %j', async (args, message) => {
    const { code, stdout, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('exits 1 naming the file when the data cannot be read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scs-report-'));
    writeFileSync(join(dir, 'meta.json'), '{not json');
    const { code, stderr } = await cli(['report', '--data', dir]);
    expect(code).toBe(1);
    expect(stderr).toContain('meta.json');
  });
});
