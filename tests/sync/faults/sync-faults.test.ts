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
import { syncFromGit } from '../../../scripts/lib/sync.ts';
import { InputError } from '../../../src/domain/parse/errors.ts';
import { syncGit, type RunResult, SCOPE_PATH } from '../../support/upstream-repo.ts';
import { BROKEN_DOCUMENTS, caseBranch, faultRepo, HEAD_CASES } from './corpus.ts';
import { ageFiles, dirState, tempDir } from '../../support/files.ts';

let repo: string;
let baseline: string;

beforeAll(async () => {
  repo = await faultRepo();
  baseline = join(tempDir('baseline'), 'data');
  const first = await syncGit(repo, baseline);
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);
});

/** A copy of the baseline `data/` with old mtimes, and its fingerprint. */
function dataCopy() {
  const out = join(tempDir('data'), 'data');
  cpSync(baseline, out, { recursive: true });
  ageFiles(out);
  return { out, before: dirState(out) };
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
    expect(dirState(out)).toEqual(before);
  });

  // …and a few through the command itself: exit code 1, the message on stderr, nothing else.
  it.concurrent.each(
    HEAD_CASES.map((c, i) => ({ ...c, i })).filter((c) =>
      ['invalid YAML', 'a 20 MB file', 'invalid UTF-8'].includes(c.name),
    ),
  )('the command exits 1 on $name', async ({ says, i }) => {
    const { out, before } = dataCopy();
    const run = await syncGit(repo, out, ['--branch', caseBranch(i)]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^sync failed; ${out}/ is unchanged:\n${SCOPE_PATH}[:= ]`));
    for (const fragment of says) expect(run.stderr).toContain(fragment);
    expect(run.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    expect(dirState(out)).toEqual(before);
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
    expect(dirState(out)).toEqual(before);
  });
});

describe('a malformed document is skipped with a warning, the rest is synced', () => {
  let run: RunResult & { out: string };
  beforeAll(async () => {
    const { out } = dataCopy();
    run = { ...(await syncGit(repo, out, ['--branch', 'documents'])), out };
  });

  it('exits 0 and syncs the other documents', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const ids = (JSON.parse(readFileSync(join(run.out, 'documents.json'), 'utf8')) as { id: string }[]).map(
      (d) => d.id,
    );
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
    run = { ...(await syncGit(repo, out, ['--branch', 'history'])), out };
  });

  it('syncs, keeping each broken revision with its error', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [scope] = JSON.parse(readFileSync(join(run.out, 'scopes.json'), 'utf8')) as {
      revisions: { pr: number; format: string; error: string | null }[];
    }[];
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
    expect(warnings[0]).toMatch(
      /^Tests\/scs-compatible-iaas\.yaml at [0-9a-f]{7} \(2025-01-20, #41\): kept in the history as unparseable: /,
    );
    for (const w of warnings) expect(run.stdout).toContain(`warning: ${w}`);
  });
});
