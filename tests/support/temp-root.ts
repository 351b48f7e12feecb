/**
 * Every test file's throwaway files in one directory of its own, removed when the file has
 * run: `os.tmpdir()` follows TMPDIR, so `tempDir`, every `mkdtempSync(tmpdir())` and every
 * process a test starts (git, the sync, the calendar clients, PostgreSQL) write there, and
 * a run leaves nothing behind in the system's temporary directory. A vitest setup file
 * (vitest.config.ts): it runs in the worker before the test file, and its `afterAll` after
 * the file's own.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

// The system's directory, kept across the files a worker process runs one after another.
process.env.SCS_SYSTEM_TMPDIR ??= tmpdir();
const root = mkdtempSync(join(process.env.SCS_SYSTEM_TMPDIR, 'scs-test-'));
// Open to look into, as the system's directory is: PostgreSQL's initdb runs as its own user
// (tests/monitor/) in a directory of its own under it. What each test makes stays 0700.
chmodSync(root, 0o755);
process.env.TMPDIR = root;

afterAll(() => {
  process.env.TMPDIR = process.env.SCS_SYSTEM_TMPDIR;
  rmSync(root, { recursive: true, force: true });
});
