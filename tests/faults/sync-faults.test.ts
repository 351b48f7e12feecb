/**
 * The sync's failure policy (README "Sync") on a corpus of broken upstream inputs, each
 * committed to a throwaway repository and synced with the real command:
 *
 * - a scope file that does not parse at the head: exit 1, `data/` byte-identical (bytes
 *   and mtimes, no stray files), and stderr names file, key, value and expectation;
 * - a malformed document: skipped with a warning naming file and reason, the rest synced;
 * - a scope file that did not parse at a past commit: kept as `unparseable`, with a warning.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportCommit } from '../../scripts/lib/git-fast-import.ts';
import { syncFromGit } from '../../scripts/lib/sync.ts';
import { InputError } from '../../src/domain/errors.ts';
import {
  ageFiles,
  baseCommits,
  documentMd,
  fingerprintDir,
  runSync,
  type RunResult,
  SCOPE_PATH,
  scopeYaml,
  tempDir,
  upstreamWithBranches,
} from '../support/upstream-repo.ts';

const TWENTY_MB = 20 * 1024 * 1024;

/** A YAML alias bomb ("billion laughs"): 9^9 strings once every alias is expanded. */
function aliasBomb(): string {
  const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i <= 8; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n${scopeYaml()}`.replace('\nmodules:', `\nbomb: *a8\nmodules:`);
}

function invalidUtf8Scope(): Uint8Array {
  const text = scopeYaml();
  const at = text.indexOf('SCS-compatible IaaS') + 'SCS-compatible '.length;
  // 0xC3 0x28: a two-byte lead followed by a byte that cannot continue it.
  return Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xc3, 0x28]), Buffer.from(text.slice(at))]);
}

interface HeadCase {
  name: string;
  content: string | Uint8Array;
  /** Fragments stderr must contain: the key, the value and the expectation. */
  says: string[];
}

const HEAD_CASES: HeadCase[] = [
  {
    name: 'invalid YAML',
    content: scopeYaml().replace('      v4: warn\n', '     v4: warn\n'),
    says: ['line 12, column 6 = "     v4: warn"', 'YAML syntax error: bad indentation'],
  },
  {
    name: 'wrong type (timeline is a string)',
    content: scopeYaml().replace(/timeline:\n[\s\S]*?versions:\n  - version/, 'timeline: soon\nversions:\n  - version'),
    says: ['timeline = "soon"', 'expected array'],
  },
  {
    name: 'wrong type (include is a number)',
    content: scopeYaml({ versions: '  - version: v5\n    include: 7\n  - version: v4\n' }),
    says: ['versions[0].include = 7', 'expected array'],
  },
  {
    name: 'missing key',
    content: scopeYaml().replace(/^uuid: .*\n/m, ''),
    says: ['uuid: missing', 'expected string'],
  },
  {
    name: 'unknown validity code',
    content: scopeYaml().replace('v4: warn', 'v4: effectiv'),
    says: ['timeline[0].versions.v4 = "effectiv"', 'expected one of', '"effective"'],
  },
  {
    name: 'impossible date 2024-02-30',
    content: scopeYaml().replace('date: 2025-02-01', 'date: 2024-02-30'),
    says: ['timeline[0].date = "2024-02-30"', 'expected a calendar day YYYY-MM-DD'],
  },
  {
    name: 'timeline naming an unknown version',
    content: scopeYaml().replace('v4: warn', 'v9: warn'),
    says: ['timeline[0].versions.v9 = "warn"', 'timeline names version "v9"', 'expected one of the versions listed under versions: (v5, v4)'],
  },
  {
    name: 'duplicate versions',
    content: scopeYaml().replace('  - version: v4', '  - version: v5'),
    says: ['versions[1].version = "v5"', 'duplicate version name'],
  },
  {
    name: 'a 20 MB file',
    content: `${scopeYaml()}# ${'x'.repeat(TWENTY_MB)}\n`,
    says: [`= ${TWENTY_MB + scopeYaml().length + 3} bytes`, 'expected at most 2097152 bytes of YAML'],
  },
  {
    name: 'deep nesting (10 000 nested lists)',
    content: scopeYaml().replace('\nmodules:', `\ndeep: ${'['.repeat(10_000)}${']'.repeat(10_000)}\nmodules:`),
    says: ['line 4, column', '"deep: [[[[', 'expected at most 64 levels of nesting'],
  },
  {
    name: 'deep nesting (block lists on one line)',
    content: scopeYaml().replace('\nmodules:', `\ndeep:\n  ${'- '.repeat(10_000)}x\nmodules:`),
    says: ['line 5, column', 'expected at most 64 levels of nesting'],
  },
  {
    name: 'a long list of wrong values (50 000 timeline entries)',
    content: scopeYaml().replace(/timeline:\n[\s\S]*?versions:\n  - version/, `timeline: [${'1, '.repeat(49_999)}1]\nversions:\n  - version`),
    says: ['timeline[0] = 1: Invalid input: expected object', 'timeline[19] = 1', 'and 49980 more problems'],
  },
  {
    name: 'a list longer than any scope file (200 000 values)',
    content: scopeYaml().replace(/timeline:\n[\s\S]*?versions:\n  - version/, `timeline: [${'1, '.repeat(199_999)}1]\nversions:\n  - version`),
    says: ['expected at most 100000 values'],
  },
  {
    name: 'an alias bomb',
    content: aliasBomb(),
    says: ['expected at most 100000 values, an alias counted each time it is used'],
  },
  {
    name: 'invalid UTF-8',
    content: invalidUtf8Scope(),
    says: ['line 1, byte 21 = 0xc3 0x28', 'expected UTF-8 text'],
  },
  {
    name: 'an empty file',
    content: '',
    says: ['expected a YAML mapping with name, uuid, versions and timeline'],
  },
];

const BROKEN_DOCUMENTS: Record<string, { content: string | Uint8Array; reason: string }> = {
  'Standards/scs-0200-v1-no-end.md': {
    content: '---\ntitle: Front matter that never ends\ntype: Standard\nstatus: Draft\n\n# Body\n',
    reason: 'expected the front matter to end with a --- line',
  },
  'Standards/scs-0201-v1-bad-bytes.md': {
    content: Buffer.concat([Buffer.from('---\ntitle: Caf'), Buffer.from([0xe9]), Buffer.from('\ntype: Standard\nstatus: Draft\n---\n')]),
    reason: 'line 2, byte 14 = 0xe9 0x0a 0x74 0x79: expected UTF-8 text',
  },
  'Standards/scs-0202-v1-bad-status.md': {
    content: documentMd({ title: 'Unknown status', status: 'Finished' }),
    reason: 'status = "Finished": expected one of Draft, Stable, Deprecated, Rejected',
  },
  'Standards/scs-0203-v1-bad-date.md': {
    content: documentMd({ title: 'Bad date', status: 'Stable', stabilized_at: '2024-02-30' }),
    reason: 'stabilized_at = "2024-02-30": expected a calendar day YYYY-MM-DD',
  },
  'Standards/scs-0204-v1-invalid-yaml.md': {
    content: '---\ntitle: [unclosed\ntype: Standard\n---\n',
    reason: 'YAML syntax error',
  },
  'Standards/scs-0205-v1-huge.md': {
    content: `---\ntitle: Huge\ntype: Standard\nstatus: Draft\ntrack: IaaS\nnote: ${'y'.repeat(TWENTY_MB)}\n---\n`,
    reason: 'expected the front matter to end with a --- line within its first 2097152 bytes',
  },
  'Standards/scs-0206-v1-huge-no-end.md': {
    content: `---\ntitle: Huge\n${'y: z\n'.repeat(TWENTY_MB / 5)}`,
    reason: 'expected the front matter to end with a --- line within its first 2097152 bytes',
  },
};

const DOCUMENT_COMMITS: ImportCommit[] = [
  {
    message: 'Add documents, some broken (#50)',
    date: '2025-03-01T12:00:00+00:00',
    files: {
      ...Object.fromEntries(Object.entries(BROKEN_DOCUMENTS).map(([path, { content }]) => [path, content])),
      'Standards/scs-0207-v1-fine.md': documentMd({ title: 'A fine new standard', status: 'Draft' }),
    },
  },
];

/** Broken revisions of the scope file in the past, fixed before the head. */
const HISTORY_COMMITS: ImportCommit[] = [
  { message: 'Typo in the timeline (#41)', date: '2025-01-20T10:00:00+01:00', files: { [SCOPE_PATH]: scopeYaml().replace('v4: warn', 'v4: effectiv') } },
  { message: 'Huge by mistake (#42)', date: '2025-01-21T10:00:00+01:00', files: { [SCOPE_PATH]: `${scopeYaml()}# ${'x'.repeat(TWENTY_MB)}\n` } },
  { message: 'Bad bytes (#43)', date: '2025-01-22T10:00:00+01:00', files: { [SCOPE_PATH]: invalidUtf8Scope() } },
  { message: 'Fix the scope file (#44)', date: '2025-01-23T10:00:00+01:00', files: { [SCOPE_PATH]: scopeYaml() } },
];

const BROKEN_AT = '2025-03-01T12:00:00+00:00';
const caseBranch = (i: number) => `case-${i}`;
let repo: string;
let baseline: string;

beforeAll(async () => {
  repo = await upstreamWithBranches(baseCommits(), {
    ...Object.fromEntries(HEAD_CASES.map((c, i) => [caseBranch(i), [{ message: `Break the scope file: ${c.name} (#99)`, date: BROKEN_AT, files: { [SCOPE_PATH]: c.content } }]])),
    documents: DOCUMENT_COMMITS,
    history: HISTORY_COMMITS,
  });
  baseline = join(tempDir('baseline'), 'data');
  const first = await runSync(repo, baseline);
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);
});

/** A copy of the baseline `data/` with old mtimes, and its fingerprint. */
function dataCopy() {
  const out = join(tempDir('data'), 'data');
  cpSync(baseline, out, { recursive: true });
  ageFiles(out);
  return { out, before: fingerprintDir(out) };
}

/** What the command prints on failure (scripts/sync.ts), for the cases run in-process. */
async function syncInProcess(branch: string, out: string): Promise<string> {
  try {
    await syncFromGit({ git: repo, out, branch });
  } catch (error) {
    if (error instanceof InputError) return `sync failed; ${out}/ is unchanged:\n${error.message}\n`;
    throw error;
  }
  return 'no error';
}

describe('a broken scope file at the head fails the sync and leaves data/ byte-identical', () => {
  // Every case through the sync pipeline in-process (one process start costs a second)…
  it.each(HEAD_CASES.map((c, i) => ({ ...c, i })))('$name', async ({ says, i }) => {
    const { out, before } = dataCopy();
    const stderr = await syncInProcess(caseBranch(i), out);
    expect(stderr).toContain(`sync failed; ${out}/ is unchanged:\n${SCOPE_PATH}`);
    for (const fragment of says) expect(stderr).toContain(fragment);
    expect(stderr.length).toBeLessThan(3000);
    expect(fingerprintDir(out)).toEqual(before);
  });

  // …and a few through the command itself: exit code 1, the message on stderr, nothing else.
  it.concurrent.each(HEAD_CASES.map((c, i) => ({ ...c, i })).filter((c) => ['invalid YAML', 'a 20 MB file', 'invalid UTF-8'].includes(c.name)))('the command exits 1 on $name', async ({ says, i }) => {
    const { out, before } = dataCopy();
    const run = await runSync(repo, out, ['--branch', caseBranch(i)]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^sync failed; ${out}/ is unchanged:\n${SCOPE_PATH}[:= ]`));
    for (const fragment of says) expect(run.stderr).toContain(fragment);
    expect(run.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    expect(fingerprintDir(out)).toEqual(before);
  });

  it('leaves no data directory behind when the first sync fails', async () => {
    const out = join(tempDir('first'), 'data');
    const stderr = await syncInProcess(caseBranch(0), out);
    expect(stderr).toContain('YAML syntax error');
    expect(existsSync(out)).toBe(false);
  });

  it('fails the same way on a pull-request export that is not JSON', async () => {
    const bad = join(tempDir('pulls'), 'pulls.json');
    writeFileSync(bad, '[{"number": 1,');
    const { out, before } = dataCopy();
    const error = await syncFromGit({ git: repo, out, pulls: bad }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(String(error)).toContain(`${bad}: expected a JSON array of pull requests`);
    expect(fingerprintDir(out)).toEqual(before);
  });
});

describe('a malformed document is skipped with a warning, the rest is synced', () => {
  let run: RunResult & { out: string };
  beforeAll(async () => {
    const { out } = dataCopy();
    run = { ...(await runSync(repo, out, ['--branch', 'documents'])), out };
  });

  it('exits 0 and syncs the other documents', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const ids = (JSON.parse(readFileSync(join(run.out, 'documents.json'), 'utf8')) as { id: string }[]).map((d) => d.id);
    expect(ids).toEqual(['scs-0001-v1', 'scs-0100-v3', 'scs-0102-v1', 'scs-0207-v1']);
  });

  it.each(Object.entries(BROKEN_DOCUMENTS))('warns about %s, naming the reason', (path, { reason }) => {
    const meta = JSON.parse(readFileSync(join(run.out, 'meta.json'), 'utf8')) as { warnings: string[] };
    const warning = meta.warnings.find((w) => w.startsWith(`${path}: document skipped: `));
    expect(warning).toContain(reason);
    expect(run.stdout).toContain(`warning: ${warning}`);
  });
});

describe('a scope file that did not parse at a past commit stays in the history as unparseable', () => {
  let run: RunResult & { out: string };
  beforeAll(async () => {
    const { out } = dataCopy();
    run = { ...(await runSync(repo, out, ['--branch', 'history'])), out };
  });

  it('syncs, keeping each broken revision with its error', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [scope] = JSON.parse(readFileSync(join(run.out, 'scopes.json'), 'utf8')) as { revisions: { pr: number; format: string; error: string | null }[] }[];
    expect(scope!.revisions.map((r) => [r.pr, r.format])).toEqual([
      [10, 'timeline'],
      [20, 'timeline'],
      [41, 'unparseable'],
      [42, 'unparseable'],
      [43, 'unparseable'],
      [44, 'timeline'],
    ]);
    expect(scope!.revisions[2]!.error).toContain('timeline[0].versions.v4 = "effectiv"');
    expect(scope!.revisions[3]!.error).toContain('expected at most 2097152 bytes of YAML');
    expect(scope!.revisions[4]!.error).toContain('expected UTF-8 text');
  });

  it('warns about each, naming file, commit, day and pull request', () => {
    const meta = JSON.parse(readFileSync(join(run.out, 'meta.json'), 'utf8')) as { warnings: string[] };
    const warnings = meta.warnings.filter((w) => w.startsWith(`${SCOPE_PATH} at `));
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/^Tests\/scs-compatible-iaas\.yaml at [0-9a-f]{7} \(2025-01-20, #41\): kept in the history as unparseable: /);
    for (const w of warnings) expect(run.stdout).toContain(`warning: ${w}`);
  });
});
