/**
 * One real `astro build` of the project for a test: from a given data directory, for a
 * fixed "today", into a temporary directory, with its own cache directory. Builds of this
 * checkout take turns (a lock across vitest's workers): Astro keeps its prerender chunks in
 * the root's `.astro/`, so two builds of one root at once break each other.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { lock } from 'proper-lockfile';

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

/** One lock per checkout, outside it: builds of other clones share no `.astro/` with this one. */
const BUILD_LOCK = join(
  tmpdir(),
  `scs-timeline-build-${createHash('sha256').update(PROJECT_DIR).digest('hex').slice(0, 16)}`,
);

/** Run `build` when no other build of this checkout runs (a dead holder's lock goes stale after 30 s). */
async function inTurn<T>(build: () => Promise<T>): Promise<T> {
  const release = await lock(PROJECT_DIR, {
    lockfilePath: `${BUILD_LOCK}.lock`,
    realpath: false,
    stale: 30_000,
    retries: { retries: 10_000, minTimeout: 100, maxTimeout: 500 },
  });
  try {
    return await build();
  } finally {
    await release();
  }
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
    await inTurn(() =>
      promisify(execFile)(
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
      ),
    );
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`astro build failed (${options.label}): ${err.message}\n${err.stdout ?? ''}\n${err.stderr ?? ''}`);
  }
  return dist;
}
