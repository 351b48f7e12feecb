/**
 * Upstream's own compliance monitor for tests: its code from the snapshot
 * (`compliance-monitor/`, `Tests/`), Debian's PostgreSQL on 127.0.0.1 in a throwaway
 * cluster, Debian's Python packages, and the clock set with libfaketime. Reports are made
 * by the real `Tests/scs-compliance-check.py` against a fake check tool, signed with
 * `ssh-keygen -Y sign -n report` and posted to `POST /reports`, as a provider would.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const PYTHON = '/usr/bin/python3';
const SUPPORT = import.meta.dirname;
const PY_MODULES = ['fastapi', 'uvicorn', 'psycopg2', 'passlib', 'argon2', 'jinja2', 'markdown', 'ruamel.yaml', 'yaml'];
const PG_BIN = existsSync('/usr/lib/postgresql')
  ? readdirSync('/usr/lib/postgresql')
      .map((v) => `/usr/lib/postgresql/${v}/bin`)
      .find((d) => existsSync(join(d, 'initdb')))
  : undefined;

/** What is missing to run the monitor here (empty: it can run). */
export function missingForMonitor(): string[] {
  const missing: string[] = [];
  try {
    execFileSync(PYTHON, ['-c', `import ${PY_MODULES.join(', ')}`], { stdio: 'pipe' });
  } catch {
    missing.push(
      `${PYTHON} with ${PY_MODULES.join(', ')} (Debian: python3-fastapi python3-uvicorn python3-psycopg2 python3-passlib python3-argon2 python3-jinja2 python3-markdown python3-ruamel.yaml python3-yaml)`,
    );
  }
  if (!PG_BIN) missing.push('PostgreSQL (Debian: postgresql)');
  for (const tool of ['faketime', 'ssh-keygen']) {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'pipe' });
    } catch {
      missing.push(`${tool} (Debian: ${tool === 'faketime' ? 'faketime' : 'openssh-client'})`);
    }
  }
  return missing;
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => done(port));
    });
  });
}

const asRoot = process.getuid?.() === 0;
/** PostgreSQL refuses to run as root: as root, its commands run as the `postgres` user. */
function pgCommand(tool: string, args: string[]): [string, string[]] {
  return asRoot ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN!, tool), ...args]] : [join(PG_BIN!, tool), args];
}

export interface Postgres {
  port: number;
  stop(): Promise<void>;
}

/** A throwaway cluster in a directory of its own (the `postgres` user cannot enter the test's own 0700 temp dirs). */
export async function startPostgres(): Promise<Postgres> {
  const dir = mkdtempSync(join(tmpdir(), 'scs-postgres-'));
  if (asRoot) execFileSync('chown', ['postgres', dir]);
  const port = await freePort();
  await run(...pgCommand('initdb', ['-D', join(dir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8']));
  await run(
    ...pgCommand('pg_ctl', [
      '-D',
      join(dir, 'data'),
      '-w',
      '-l',
      join(dir, 'log'),
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
      'start',
    ]),
  );
  return {
    port,
    stop: async () => {
      await run(...pgCommand('pg_ctl', ['-D', join(dir, 'data'), '-w', '-m', 'fast', 'stop']));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The monitor's and the check's code from the snapshot, made runnable here. */
export function prepareUpstream(
  clone: string,
  work: string,
  bootstrap: string,
): { monitorDir: string; testsDir: string } {
  const monitorDir = join(work, 'compliance-monitor');
  const testsDir = join(work, 'Tests');
  cpSync(join(clone, 'compliance-monitor'), monitorDir, { recursive: true });
  cpSync(join(clone, 'Tests'), testsDir, { recursive: true });
  copyFileSync(bootstrap, join(monitorDir, 'bootstrap.yaml'));
  const version = execFileSync(PYTHON, ['-c', 'import fastapi; print(fastapi.__version__)']).toString().trim();
  const [major, minor] = version.split('.').map(Number) as [number, number];
  if (major === 0 && minor < 95)
    execFileSync(PYTHON, [join(SUPPORT, 'fastapi-compat.py'), join(monitorDir, 'monitor.py')]);
  return { monitorDir, testsDir };
}

export interface Monitor {
  url: string;
  stop(): Promise<void>;
  log(): string;
}

/** Start the monitor with its clock at `clock` (`2026-12-01 18:28:00`); resolves once `/status` answers. */
export async function startMonitor(monitorDir: string, pg: Postgres, clock: string): Promise<Monitor> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child: ChildProcess = spawn('faketime', ['-f', `@${clock}`, PYTHON, join(SUPPORT, 'run-monitor.py')], {
    cwd: monitorDir,
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      SCM_DB_HOST: '127.0.0.1',
      SCM_DB_PORT: String(pg.port),
      SCM_DB_USER: 'postgres',
      SCM_DB_PASSWORD: 'unused-with-trust',
      SCM_BASE_URL: `${url}/`,
      // asyncio needs a monotonic clock that advances; only wall-clock time is set.
      FAKETIME_DONT_FAKE_MONOTONIC: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // A process group of its own, so that stopping it stops faketime's child too.
    detached: true,
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the monitor exited (${child.exitCode}):\n${output}`);
    try {
      const r = await fetch(`${url}/status`, { headers: { accept: 'application/json' } });
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the monitor did not answer within 60 s:\n${output}`);
    await new Promise((d) => setTimeout(d, 250));
  }
  return {
    url,
    log: () => output,
    stop: async () => {
      if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
      await exited;
    },
  };
}

/**
 * A report by the real scs-compliance-check.py on a copy of the scope file whose check tools
 * are all the fake one; `fail` lists the testcases it reports as failing.
 */
export async function checkReport(
  testsDir: string,
  work: string,
  scopeFile: string,
  subject: string,
  assign: string[],
  fail: string[],
  clock: string,
): Promise<string> {
  const fake = join(work, `fake-${subject}`);
  mkdirSync(fake, { recursive: true });
  const spec = readFileSync(join(testsDir, scopeFile), 'utf8');
  for (const m of spec.matchAll(/^- executable: (\S+)/gm)) {
    const target = join(fake, m[1]!);
    mkdirSync(join(target, '..'), { recursive: true });
    copyFileSync(join(SUPPORT, 'fake-check-tool.py'), target);
    chmodSync(target, 0o755);
  }
  writeFileSync(join(fake, scopeFile), spec);
  const out = join(work, `${subject}-${scopeFile}`);
  await run(
    'faketime',
    [
      '-f',
      `@${clock}`,
      PYTHON,
      join(testsDir, 'scs-compliance-check.py'),
      join(fake, scopeFile),
      '-s',
      subject,
      ...assign.flatMap((a) => ['-a', a]),
      '-o',
      out,
      '-C',
    ],
    {
      cwd: testsDir,
      env: {
        PATH: process.env.PATH,
        PYTHONPATH: testsDir,
        FAKE_FAIL: fail.join(','),
        FAKETIME_DONT_FAKE_MONOTONIC: '1',
      },
    },
  );
  return out;
}

/** Sign a report as upstream's README says: `ssh-keygen -Y sign -f <key> -n report <file>`. */
export function signReport(file: string, key: string, work: string): string {
  const copy = join(work, `key-${Math.random().toString(36).slice(2)}`);
  copyFileSync(key, copy);
  // ssh-keygen refuses a private key that others can read.
  chmodSync(copy, 0o600);
  execFileSync('ssh-keygen', ['-Y', 'sign', '-f', copy, '-n', 'report', file], { stdio: 'pipe' });
  return `${file}.sig`;
}

/** `POST /reports` as `curl --data-binary @sig --data-binary @report` sends it (joined by `&`). */
export async function postReport(
  monitor: Monitor,
  file: string,
  subject: string,
  apiKey: string,
  type: 'yaml' | 'json',
): Promise<void> {
  const body = `${readFileSync(`${file}.sig`, 'utf8')}&${readFileSync(file, 'utf8')}`;
  const r = await fetch(`${monitor.url}/reports`, {
    method: 'POST',
    body,
    headers: {
      'content-type': `application/x-signed-${type}`,
      authorization: `Basic ${Buffer.from(`${subject}:${apiKey}`).toString('base64')}`,
    },
  });
  if (!r.ok) throw new Error(`POST /reports for ${subject}: ${r.status} ${await r.text()}\n${monitor.log()}`);
}
