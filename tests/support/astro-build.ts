/**
 * One real `astro build` of the project for a test: from a given data directory, for a
 * fixed "today", into a temporary directory, with its own cache directory and its own
 * prerender chunks, so builds of one checkout can run at once (vitest's workers, the global
 * setup). Astro puts those chunks under the output directory only when that lies inside the
 * working directory, and in the working directory's `.astro/` otherwise
 * (astro/dist/core/build/common.js, getOutDirWithinCwd): each build runs in its temporary
 * directory. What builds still share, the root's `.astro/` of generated types and content
 * imports, has the same bytes from every build, and Astro replaces the imports atomically.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';

export const PROJECT_DIR = resolve(import.meta.dirname, '../..');

/** Where test builds go: a directory of their own each, which the test that made it removes (removeBuild). */
const BUILDS_DIR = join(PROJECT_DIR, 'node_modules/.cache/scs-test-builds');

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
  // Inside the project: the prerender chunks import its packages from node_modules/.
  mkdirSync(BUILDS_DIR, { recursive: true });
  const tmp = mkdtempSync(join(BUILDS_DIR, `${options.label}-`));
  const config = join(tmp, 'astro.config.mjs');
  writeFileSync(
    config,
    `import config from ${JSON.stringify(join(PROJECT_DIR, 'astro.config.mjs'))};\nexport default { ...config, cacheDir: ${JSON.stringify(join(tmp, 'cache'))} };\n`,
  );
  const dist = join(tmp, 'dist');
  const env = buildEnv({
    SCS_TODAY: options.today,
    // Absolute: the build runs in its temporary directory (see above).
    SCS_DATA_DIR: resolve(options.dataDir ?? join(PROJECT_DIR, 'data')),
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
      { cwd: tmp, env, maxBuffer: 64 * 1024 * 1024 },
    );
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`astro build failed (${options.label}): ${err.message}\n${err.stdout ?? ''}\n${err.stderr ?? ''}`);
  }
  return dist;
}

/** Remove a build that buildSite returned, with its cache. */
export function removeBuild(dist: string): void {
  rmSync(dirname(dist), { recursive: true, force: true });
}
