/**
 * Builds the site once, with a fixed "today", into a temporary directory: every e2e test
 * sees the same pages whatever the date it runs on.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const PROJECT_DIR = resolve(import.meta.dirname, '../../..');

/** The day the e2e site is built for: IaaS v4 is effective until 2025-02-01, then `warn`. */
export const E2E_TODAY = '2025-01-15';

/** The environment without what vitest sets (NODE_ENV=test, MODE, BASE_URL, …) and a BASE_PATH the tests do not expect, which would change the build. */
function buildEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(BASE_URL|BASE_PATH|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*)$/.test(key)) continue;
    env[key] = value;
  }
  return env;
}

export function buildSite(options: { today?: string; dataDir?: string; label?: string } = {}): string {
  const outDir = join(mkdtempSync(join(tmpdir(), `scs-site-${options.label ?? 'e2e'}-`)), 'dist');
  const started = Date.now();
  try {
    // --force: a build from another data directory must not reuse the content-layer cache.
    execFileSync(process.execPath, [join(PROJECT_DIR, 'node_modules/astro/bin/astro.mjs'), 'build', '--force', '--outDir', outDir], {
      cwd: PROJECT_DIR,
      env: {
        ...buildEnv(),
        SCS_TODAY: options.today ?? E2E_TODAY,
        ASTRO_TELEMETRY_DISABLED: '1',
        ...(options.dataDir ? { SCS_DATA_DIR: options.dataDir } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (e) {
    const err = e as { stdout?: Buffer; stderr?: Buffer; message: string };
    throw new Error(`astro build failed (${options.label ?? 'e2e'}): ${err.message}\n${err.stdout?.toString() ?? ''}\n${err.stderr?.toString() ?? ''}`);
  }
  console.log(`e2e: built the site for ${options.today ?? E2E_TODAY}${options.dataDir ? ` from ${options.dataDir}` : ''} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return outDir;
}
