/**
 * One real `astro build` of the project for a test: from a given data directory, for a
 * fixed "today", into a temporary directory, with its own cache directory so that builds
 * running at the same time (vitest runs files in parallel) cannot share a content-layer
 * store.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';

export const PROJECT_DIR = resolve(import.meta.dirname, '../..');

/**
 * The parent environment without what vitest puts into process.env (its own
 * `import.meta.env`: BASE_URL=/, MODE, NODE_ENV=test, …), which Vite in the child would take
 * over the project's configuration, and without a BASE_PATH the test did not ask for.
 */
export function buildEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(BASE_URL|BASE_PATH|SITE_URL|SCS_DATA_DIR|SCS_TODAY|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*)$/.test(key))
      continue;
    env[key] = value;
  }
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

export interface BuildOptions {
  /** Data directory (SCS_DATA_DIR); the committed data/ when absent. */
  dataDir?: string;
  /** The build day (SCS_TODAY). */
  today: string;
  siteUrl?: string;
  basePath?: string;
  /** When the data was last checked against upstream (SCS_LAST_CHECKED), as the deploy workflow hands it over. */
  lastChecked?: string;
  /** Names the temporary directory and error messages. */
  label: string;
}

/** Build the site and return the output directory. */
export async function buildSite(options: BuildOptions): Promise<string> {
  const tmp = mkdtempSync(join(tmpdir(), `scs-build-${options.label}-`));
  const config = join(tmp, 'astro.config.mjs');
  writeFileSync(
    config,
    `import config from ${JSON.stringify(join(PROJECT_DIR, 'astro.config.mjs'))};\nexport default { ...config, cacheDir: ${JSON.stringify(join(tmp, 'cache'))} };\n`,
  );
  const dist = join(tmp, 'dist');
  const env = buildEnv({
    SCS_TODAY: options.today,
    ...(options.dataDir ? { SCS_DATA_DIR: options.dataDir } : {}),
    ...(options.siteUrl ? { SITE_URL: options.siteUrl } : {}),
    ...(options.basePath ? { BASE_PATH: options.basePath } : {}),
    ...(options.lastChecked ? { SCS_LAST_CHECKED: options.lastChecked } : {}),
  });
  try {
    await promisify(execFile)(
      join(PROJECT_DIR, 'node_modules/.bin/node'),
      [
        join(PROJECT_DIR, 'node_modules/astro/bin/astro.mjs'),
        'build',
        '--root',
        PROJECT_DIR,
        '--config',
        relative(PROJECT_DIR, config),
        '--outDir',
        dist,
      ],
      { cwd: PROJECT_DIR, env, maxBuffer: 64 * 1024 * 1024 },
    );
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`astro build failed (${options.label}): ${err.message}\n${err.stdout ?? ''}\n${err.stderr ?? ''}`);
  }
  return dist;
}
